// Closing one's own account (user!destroy), proven by the password and an SMS code of
// purpose destroy (user!sendDestroyCode): sessions end, the mobile and the user name are
// freed, friends and groups no longer show the account, its messages stay for the others
// from 已注销用户; a failed request changes nothing.
#define BOOST_TEST_MODULE api_destroy
#include "chat_test_support.hpp"
#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

const std::string kSendDestroyCode = "/user/user!sendDestroyCode";
const std::string kDestroy = "/user/user!destroy";
const std::string kReadUser = "/user/user!readUser";
const std::string kMembers = "/chat/group!members";
const std::string kTransfer = "/chat/group!transfer";

api::Response loginWith(const std::string& mobile, const std::string& password) {
    return api::http().post("/user/user!login",
                            {{"userVO.userName", mobile}, {"userVO.password", password}},
                            api::clientHeader(api::uniqueClient()));
}

// The destroy code, sent past the one-SMS-a-minute rule of the register code.
std::string destroyCode(const api::TestUser& u) {
    api::ageLastSms(u.mobile);
    MMX_REQUIRE_OK(call(u, kSendDestroyCode));
    return api::lastSmsCode(u.mobile, "destroy");
}

// The friend ids friend!list shows `u`, over every initial; its total counts just those.
std::set<std::string> listedFriends(const api::TestUser& u) {
    const api::Response r = call(u, "/user/friend!list", {{"count", "100"}});
    MMX_REQUIRE_OK(r);
    std::set<std::string> ids;
    const rapidjson::Value* groups = r.data("friends");
    BOOST_REQUIRE(groups != nullptr && groups->IsObject());
    for (auto it = groups->MemberBegin(); it != groups->MemberEnd(); ++it) {
        for (const auto& f : it->value.GetArray()) ids.insert(field(f, "frdID"));
    }
    const rapidjson::Value* total = r.data("total_num");
    BOOST_REQUIRE(total != nullptr && total->IsInt64());
    BOOST_CHECK_EQUAL(total->GetInt64(), static_cast<std::int64_t>(ids.size()));
    return ids;
}

std::set<std::string> memberIds(const api::TestUser& reader, long long groupId) {
    const api::Response r = call(reader, kMembers, {{"groupId", id(groupId)}, {"count", "100"}});
    MMX_REQUIRE_OK(r);
    std::set<std::string> ids;
    for (const auto& m : r.data("members")->GetArray()) ids.insert(field(m, "userId"));
    return ids;
}

// The messages of a conversation as `reader` sees them: (fromUserId, content), newest first.
std::vector<std::pair<std::string, std::string>> historyOf(const api::TestUser& reader,
                                                           const std::string& conversation) {
    const api::Response r = call(reader, chat::kHistory, {{"conversationId", conversation}});
    MMX_REQUIRE_OK(r);
    std::vector<std::pair<std::string, std::string>> seen;
    for (const auto& m : r.data("messages")->GetArray()) {
        seen.emplace_back(field(m, "fromUserId"), field(m, "content"));
    }
    return seen;
}

std::string shownName(const api::TestUser& reader, const api::TestUser& user) {
    const api::Response r = call(reader, "/user/user!readUsers", {{"userId", id(user)}});
    MMX_REQUIRE_OK(r);
    BOOST_REQUIRE_EQUAL(r.data("userList")->Size(), 1u);
    return field((*r.data("userList"))[0], "nickName");
}

// A user with a friend, both in a group a third user owns, and a message to the friend.
struct Circle {
    api::TestUser me = api::newUser();
    api::TestUser pal = api::newUser();
    api::TestUser owner = api::newUser();
    long long groupId = 0;
    std::string conversation;
    Circle() {
        chat::makeFriends(me, pal);
        groupId = chat::createGroup(owner, {&me, &pal});
        MMX_REQUIRE_OK(chat::toFriend(me, pal, "我先走了"));
        MMX_REQUIRE_OK(chat::toGroup(me, groupId, "大家再见"));
        conversation = chat::userConversationId(me, pal);
    }
};

void checkNothingChanged(const Circle& c) {
    MMX_CHECK_OK(call(c.me, kReadUser));
    BOOST_CHECK(listedFriends(c.pal).count(id(c.me)) == 1);
    BOOST_CHECK(memberIds(c.pal, c.groupId).count(id(c.me)) == 1);
    BOOST_CHECK_NE(shownName(c.pal, c.me), "已注销用户");
    MMX_CHECK_OK(loginWith(c.me.mobile, c.me.password));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(destroy)

BOOST_AUTO_TEST_CASE(destroy_ends_the_account_for_friends_groups_and_logins) {
    Circle c;
    const api::Response uploaded = api::http().postMultipart(
        "/user/user!uploadPhoto", {},
        {{"userPhoto", "me.png", mmx::apitest::images::png(), "image/png"}},
        api::authHeaders(c.me.session));
    MMX_REQUIRE_OK(uploaded);
    const std::string photo = field(*uploaded.data(), "userPhoto");
    BOOST_REQUIRE_EQUAL(api::http().request("GET", photo, "", {}).status, 200);
    const std::string code = destroyCode(c.me);
    const api::Session elsewhere = api::login(c.me.mobile, c.me.password, api::uniqueClient());
    MMX_REQUIRE_OK(call(c.me, kDestroy, {{"password", c.me.password}, {"code", code}}));

    MMX_CHECK_FAILS_WITH(call(c.me, kReadUser), "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(api::http().post(kReadUser, {}, api::authHeaders(elsewhere)),
                         "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(loginWith(c.me.mobile, c.me.password), "BAD_CREDENTIALS");
    BOOST_CHECK(listedFriends(c.pal).count(id(c.me)) == 0);
    BOOST_CHECK(friendsOf(c.pal).count(id(c.me)) == 0);
    BOOST_CHECK(memberIds(c.pal, c.groupId).count(id(c.me)) == 0);
    BOOST_CHECK(memberIds(c.pal, c.groupId).count(id(c.pal)) == 1);
    // A closed account is no one to add back.
    const api::Response readd = call(c.owner, "/chat/group!addMembers",
                                     {{"groupId", id(c.groupId)}, {"memberId", id(c.me)}});
    MMX_CHECK_OK(readd);
    BOOST_CHECK(readd.data("unknownIds") != nullptr && readd.data("unknownIds")->Size() == 1u);
    BOOST_CHECK(memberIds(c.pal, c.groupId).count(id(c.me)) == 0);

    // The messages stay, from 已注销用户.
    const auto history = historyOf(c.pal, c.conversation);
    BOOST_REQUIRE_EQUAL(history.size(), 1u);
    BOOST_CHECK_EQUAL(history[0].first, id(c.me));
    BOOST_CHECK_EQUAL(history[0].second, "我先走了");
    BOOST_CHECK_EQUAL(shownName(c.pal, c.me), "已注销用户");
    // The avatar went with the account.
    BOOST_CHECK_EQUAL(api::http().request("GET", photo, "", {}).status, 404);
    const auto groupHistory = historyOf(c.pal, "g" + id(c.groupId));
    BOOST_REQUIRE_EQUAL(groupHistory.size(), 1u);
    BOOST_CHECK_EQUAL(groupHistory[0].second, "大家再见");
}

BOOST_AUTO_TEST_CASE(the_mobile_and_user_name_are_free_for_a_new_account) {
    const api::TestUser u = api::newUser();
    const std::string name = "gone" + u.mobile.substr(3);
    MMX_REQUIRE_OK(call(u, "/user/user!setUserName", {{"userName", name}}));
    MMX_REQUIRE_OK(call(u, kDestroy, {{"password", u.password}, {"code", destroyCode(u)}}));
    MMX_CHECK_FAILS_WITH(loginWith(name, u.password), "BAD_CREDENTIALS");

    api::ageLastSms(u.mobile);
    const std::string password = api::uniquePassword();
    const long long fresh = api::registerUser(u.mobile, password);
    BOOST_CHECK_NE(fresh, u.session.userId);
    const api::Response login = loginWith(u.mobile, password);
    MMX_REQUIRE_OK(login);
    api::TestUser again{u.mobile, password, api::login(u.mobile, password, api::uniqueClient())};
    MMX_CHECK_OK(call(again, "/user/user!setUserName", {{"userName", name}}));
}

BOOST_AUTO_TEST_CASE(a_wrong_code_or_password_changes_nothing) {
    Circle c;
    const std::string code = destroyCode(c.me);
    MMX_CHECK_FAILS_WITH(
        call(c.me, kDestroy, {{"password", c.me.password}, {"code", api::wrongCode(code)}}),
        "BAD_CODE");
    checkNothingChanged(c);
    MMX_CHECK_FAILS_WITH(
        call(c.me, kDestroy, {{"password", api::uniquePassword()}, {"code", code}}),
        "BAD_CREDENTIALS");
    checkNothingChanged(c);
    // A guess is no better.
    MMX_CHECK_FAILS_WITH(call(c.me, kDestroy, {{"password", c.me.password}, {"code", "000000"}}),
                         "BAD_CODE");
    checkNothingChanged(c);
}

BOOST_AUTO_TEST_CASE(a_group_owner_hands_the_group_over_first) {
    Circle c;
    const std::string code = destroyCode(c.owner);
    const api::Response refused =
        call(c.owner, kDestroy, {{"password", c.owner.password}, {"code", code}});
    MMX_CHECK_FAILS_WITH(refused, "CONFLICT");
    BOOST_CHECK(refused.info().find("转让") != std::string::npos);
    BOOST_CHECK(memberIds(c.pal, c.groupId).count(id(c.owner)) == 1);
    MMX_REQUIRE_OK(call(c.owner, kTransfer, {{"groupId", id(c.groupId)}, {"memberId", id(c.pal)}}));
    // The refusal did not spend the code.
    MMX_REQUIRE_OK(call(c.owner, kDestroy, {{"password", c.owner.password}, {"code", code}}));
    BOOST_CHECK(memberIds(c.pal, c.groupId).count(id(c.owner)) == 0);
}

BOOST_AUTO_TEST_CASE(destroy_needs_a_session_a_password_and_a_code) {
    MMX_CHECK_FAILS_WITH(
        api::http().post(kSendDestroyCode, {}, api::clientHeader(api::uniqueClient())),
        "AUTH_REQUIRED");
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(call(u, kDestroy, {{"password", u.password}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(u, kDestroy, {{"code", "123456"}}), "BAD_PARAM");
    // No code was sent: nothing to spend.
    MMX_CHECK_FAILS_WITH(call(u, kDestroy, {{"password", u.password}, {"code", "123456"}}),
                         "CODE_EXPIRED");
    MMX_CHECK_OK(call(u, kReadUser));
}

BOOST_AUTO_TEST_SUITE_END()
