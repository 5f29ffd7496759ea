// One voice and one privacy policy: a route takes its target under the names the rest
// of the API uses and never swaps it for the caller; what one user sees of another
// depends on how they stand (self, friend, stranger, blocked); lists that grow are paged.
#define BOOST_TEST_MODULE api_visibility
#include "api_test.hpp"
#include "chat_test_support.hpp"
#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

const std::string kReadUser = "/user/user!readUser";

const rapidjson::Value& userVO(const api::Response& r) {
    BOOST_REQUIRE(r.data("userVO") != nullptr);
    return *r.data("userVO");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(targets)

BOOST_AUTO_TEST_CASE(read_user_takes_its_target_as_user_id_under_each_spelling) {
    const auto me = api::newUser(), other = api::newUser();
    for (const char* name : {"userId", "userVO.userId", "uid"}) {
        BOOST_TEST_CONTEXT(name) {
            const api::Response r = callGet(me, kReadUser, {{name, id(other)}});
            MMX_REQUIRE_OK(r);
            BOOST_CHECK_EQUAL(field(userVO(r), "userId"), id(other));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_named_target_that_is_empty_or_unknown_is_never_the_caller) {
    const auto me = api::newUser();
    MMX_CHECK_FAILS_WITH(call(me, kReadUser, {{"userId", ""}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(me, kReadUser, {{"userId", "abc"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(me, kReadUser, {{"userId", "999999999"}}), "NOT_FOUND");
    // no target at all: the caller's own profile
    BOOST_CHECK_EQUAL(field(userVO(call(me, kReadUser)), "userId"), id(me));
}

BOOST_AUTO_TEST_CASE(an_update_made_only_of_unknown_fields_names_them) {
    const auto me = api::newUser();
    const api::Response r = call(me, "/user/user!updateUser", {{"userVO.nickname", "小红"}});
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_CHECK_MESSAGE(r.info().find("userVO.nickname") != std::string::npos, r.describe());
}

BOOST_AUTO_TEST_CASE(a_message_is_read_and_recalled_by_the_chat_id_its_answers_carry) {
    const auto a = api::newUser(), b = api::newUser();
    befriend(a, b);
    const api::Response sent = chat::toFriend(a, b, "同一个消息");
    MMX_REQUIRE_OK(sent);
    const std::string chatId = field(*sent.data(), "chatId");
    const api::Response read = call(b, chat::kRead, {{"chatId", chatId}});
    MMX_REQUIRE_OK(read);
    BOOST_CHECK_EQUAL(field(*read.data(), "messageId"), chatId);
    MMX_CHECK_OK(call(a, chat::kRecall, {{"chatId", chatId}}));
}

BOOST_AUTO_TEST_CASE(a_voice_clip_is_sent_by_its_voice_url) {
    const auto a = api::newUser(), b = api::newUser();
    befriend(a, b);
    const std::string url = chat::uploadedUrl(a, "voice", chat::amrClip());
    const api::Response sent =
        call(a, chat::kSend,
             {{"toUserId", id(b)}, {"msgType", "voice"}, {"voiceUrl", url}, {"duration", "3"}});
    MMX_REQUIRE_OK(sent);
    const api::Response read =
        call(b, chat::kRead, {{"messageId", field(*sent.data(), "messageId")}});
    BOOST_CHECK_EQUAL(field(*read.data(), "url"), url);
}

BOOST_AUTO_TEST_CASE(group_members_are_added_under_member_list_too) {
    const auto owner = api::newStaff("admin"), a = api::newUser(), b = api::newUser();
    const std::string groupId = id(api::newGroup(owner));
    MMX_REQUIRE_OK(call(owner, "/chat/group!addMembers",
                        {{"groupId", groupId}, {"member_list", id(a) + "," + id(b)}}));
    const api::Response members = call(owner, "/chat/group!members", {{"groupId", groupId}});
    MMX_REQUIRE_OK(members);
    BOOST_CHECK_EQUAL(members.data("members")->Size(), 3u);
}

BOOST_AUTO_TEST_CASE(a_friend_remark_is_taken_under_each_of_its_names) {
    const auto me = api::newUser(), other = api::newUser();
    befriend(me, other);
    for (const char* name : {"remark", "rmkName", "nickName"}) {
        BOOST_TEST_CONTEXT(name) {
            const std::string remark = std::string("备注") + name;
            const api::Response r =
                call(me, "/user/friend!updateRemark", {{"friendID", id(other)}, {name, remark}});
            MMX_REQUIRE_OK(r);
            BOOST_CHECK_EQUAL(field(*r.data(), "rmkName"), remark);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(privacy)

BOOST_AUTO_TEST_CASE(a_stranger_sees_no_mobile_mcode_or_qr_card_and_a_friend_does) {
    const auto me = api::newUser(), other = api::newUser();
    const api::Response asStranger = call(me, kReadUser, {{"userId", id(other)}});
    MMX_REQUIRE_OK(asStranger);
    for (const char* hidden : {"phoneNumber", "mcode", "qcode", "street"}) {
        BOOST_CHECK_MESSAGE(!userVO(asStranger).HasMember(hidden),
                            hidden << " shown to a stranger");
    }
    BOOST_CHECK(asStranger.body.find(other.mobile) == std::string::npos);

    befriend(me, other);
    const api::Response asFriend = call(me, kReadUser, {{"userId", id(other)}});
    BOOST_CHECK_EQUAL(field(userVO(asFriend), "phoneNumber"), other.mobile);
    BOOST_CHECK_EQUAL(field(userVO(asFriend), "mcode"), mcodeOf(other));
    BOOST_CHECK(userVO(asFriend).HasMember("qcode"));
    BOOST_CHECK(!userVO(asFriend).HasMember("street"));
}

BOOST_AUTO_TEST_CASE(a_user_who_blocked_me_is_not_found_by_me) {
    const auto me = api::newUser(), blocker = api::newUser();
    MMX_REQUIRE_OK(call(blocker, "/user/friend!block", {{"friendId", id(me)}}));
    MMX_CHECK_FAILS_WITH(call(me, kReadUser, {{"userId", id(blocker)}}), "NOT_FOUND");
    // the one who blocked still reads me
    MMX_CHECK_OK(call(blocker, kReadUser, {{"userId", id(me)}}));
    // nor in a list of cards, nor by search
    const api::Response cards = call(me, "/user/user!readUsers", {{"userId", id(blocker)}});
    MMX_REQUIRE_OK(cards);
    BOOST_CHECK_EQUAL(cards.data("userList")->Size(), 0u);
    MMX_CHECK_FAILS_WITH(call(me, "/user/user!search", {{"keyword", blocker.mobile}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lists)

BOOST_AUTO_TEST_CASE(friend_read_with_several_ids_answers_each_friend_under_any_spelling) {
    const auto me = api::newUser(), a = api::newUser(), b = api::newUser(),
               stranger = api::newUser();
    befriend(me, a);
    befriend(me, b);
    for (const char* name : {"friendId", "frdID", "friend_id", "uid", "userID"}) {
        BOOST_TEST_CONTEXT(name) {
            const api::Response r = callGet(me, "/user/friend!read",
                                            {{name, id(a)}, {name, id(b)}, {name, id(stranger)}});
            MMX_REQUIRE_OK(r);
            const rapidjson::Value* list = r.data("frdList");
            BOOST_REQUIRE(list != nullptr && list->IsArray());
            BOOST_REQUIRE_EQUAL(list->Size(), 2u);  // the stranger is left out
            BOOST_CHECK_EQUAL(field((*list)[0], "frdID"), id(a));
            BOOST_CHECK_EQUAL(field((*list)[1], "frdID"), id(b));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_friend_list_pages_concatenate_to_the_whole_list) {
    const auto me = api::newUser();
    for (int i = 0; i < 3; ++i) befriend(me, api::newUser());
    std::vector<std::string> paged;
    for (const char* offset : {"0", "2"}) {
        const api::Response r = call(me, "/user/friend!list", {{"offset", offset}, {"count", "2"}});
        MMX_REQUIRE_OK(r);
        BOOST_CHECK_EQUAL(field(*r.data(), "total_num"), "3");
        for (const auto& group : r.data("friends")->GetObject()) {
            for (const auto& item : group.value.GetArray()) paged.push_back(field(item, "frdID"));
        }
    }
    BOOST_CHECK_EQUAL(paged.size(), 3u);
    BOOST_CHECK_EQUAL(std::set<std::string>(paged.begin(), paged.end()).size(), 3u);
    MMX_CHECK_FAILS_WITH(call(me, "/user/friend!list", {{"count", "0"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(the_conversation_list_is_paged_and_says_when_there_is_more) {
    const auto me = api::newUser();
    for (int i = 0; i < 3; ++i) {
        const auto other = api::newUser();
        befriend(me, other);
        MMX_REQUIRE_OK(call(other, "/chat/message!send",
                            {{"toUserId", id(me)}, {"msgType", "text"}, {"content", "你好"}}));
    }
    const api::Response first =
        call(me, "/chat/message!conversations", {{"offset", "0"}, {"count", "2"}});
    MMX_REQUIRE_OK(first);
    BOOST_CHECK_EQUAL(first.data("conversations")->Size(), 2u);
    BOOST_CHECK_EQUAL(field(*first.data(), "hasMore"), "true");
    const api::Response rest =
        call(me, "/chat/message!conversations", {{"offset", "2"}, {"count", "2"}});
    BOOST_CHECK_EQUAL(rest.data("conversations")->Size(), 1u);
    BOOST_CHECK_EQUAL(field(*rest.data(), "hasMore"), "false");
}

BOOST_AUTO_TEST_SUITE_END()
