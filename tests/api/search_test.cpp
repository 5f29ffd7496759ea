// Finding people: MMX codes and QR cards, search by mobile or MMX code with the
// "findable by mobile" switch, readUsers, and selectPhones.
#define BOOST_TEST_MODULE api_search
#include <regex>

#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

const std::string kSearch = "/user/user!search";
const std::string kReadUsers = "/user/user!readUsers";
const std::string kSelectPhones = "/user/user!selectPhones";
const std::string kPolicy = "/user/setting!friendPolicy";

const rapidjson::Value& userOf(const api::Response& r) {
    const rapidjson::Value* user = r.data("user");
    BOOST_REQUIRE_MESSAGE(user != nullptr && user->IsObject(), r.describe());
    return *user;
}

std::set<std::string> texts(const api::Response& r, const char* member) {
    return idArray(r, member);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mmx_code_and_qr_card)

BOOST_AUTO_TEST_CASE(every_new_user_has_a_distinct_8_to_10_digit_mcode) {
    std::set<std::string> codes;
    std::vector<long long> numbers;
    for (int i = 0; i < 5; ++i) {
        const std::string code = mcodeOf(api::newUser());
        BOOST_CHECK_MESSAGE(std::regex_match(code, std::regex("[1-9][0-9]{7,9}")), code);
        codes.insert(code);
        numbers.push_back(std::stoll(code));
    }
    BOOST_CHECK_EQUAL(codes.size(), 5u);
    // not handed out in sequence
    int consecutive = 0;
    for (size_t i = 1; i < numbers.size(); ++i)
        consecutive += std::llabs(numbers[i] - numbers[i - 1]) == 1;
    BOOST_CHECK_EQUAL(consecutive, 0);
}

BOOST_AUTO_TEST_CASE(the_qr_card_is_a_png_served_by_nginx_made_once) {
    const auto u = api::newUser();
    const api::Response r = call(u, "/user/user!readUser");
    MMX_REQUIRE_OK(r);
    const std::string url = field(*r.data("userVO"), "qcode");
    BOOST_REQUIRE_MESSAGE(url.find("/upload/images/qcode/") != std::string::npos &&
                              url.size() > 4 && url.substr(url.size() - 4) == ".png",
                          "qcode is '" << url << "'");
    const api::Response image = api::http().request("GET", url, "", {});
    BOOST_CHECK_EQUAL(image.status, 200);
    BOOST_CHECK_EQUAL(image.header("content-type"), "image/png");
    BOOST_CHECK_EQUAL(image.body.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    // the same card on every read, and in the profile a friend sees
    BOOST_CHECK_EQUAL(field(*call(u, "/user/user!readUser").data("userVO"), "qcode"), url);
    const auto other = api::newUser();
    befriend(other, u);
    const api::Response seen = call(other, "/user/user!readUser", {{"userVO.userId", id(u)}});
    BOOST_CHECK_EQUAL(field(*seen.data("userVO"), "qcode"), url);
    BOOST_CHECK_EQUAL(field(*seen.data("userVO"), "mcode"), mcodeOf(u));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(search)

BOOST_AUTO_TEST_CASE(search_by_mcode_or_mobile_finds_the_card_without_its_contact) {
    const auto me = api::newUser(), other = api::newUser();
    rename(other, "被找的人");
    for (const std::string& keyword : {mcodeOf(other), other.mobile}) {
        BOOST_TEST_CONTEXT(keyword) {
            const api::Response r = callGet(me, kSearch, {{"keyword", keyword}});
            MMX_REQUIRE_OK(r);
            const rapidjson::Value& user = userOf(r);
            BOOST_CHECK_EQUAL(field(user, "userID"), id(other));
            BOOST_CHECK_EQUAL(field(user, "nickName"), "被找的人");
            BOOST_CHECK(!user.HasMember("mcode"));  // the MMX code goes to friends only
            BOOST_CHECK_EQUAL(field(user, "isFriend"), "false");
            BOOST_CHECK(user.HasMember("city") && user.HasMember("portrait"));
            BOOST_CHECK(r.body.find(other.mobile) == std::string::npos);
        }
    }
    befriend(me, other);
    BOOST_CHECK_EQUAL(field(userOf(call(me, kSearch, {{"keyword", mcodeOf(other)}})), "isFriend"),
                      "true");
}

BOOST_AUTO_TEST_CASE(search_honours_the_findable_by_mobile_switch) {
    const auto me = api::newUser(), hidden = api::newUser();
    MMX_REQUIRE_OK(call(hidden, kPolicy, {{"findByMobile", "0"}}));
    MMX_CHECK_FAILS_WITH(call(me, kSearch, {{"keyword", hidden.mobile}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(me, "/user/friend!invite", {{"mode", "1"}, {"phone", hidden.mobile}}),
                         "NOT_FOUND");
    const api::Response phones = call(me, kSelectPhones, {{"phone_list", hidden.mobile}});
    MMX_REQUIRE_OK(phones);
    BOOST_CHECK(texts(phones, "notplatform") == std::set<std::string>{hidden.mobile});
    // the MMX code still finds them: the switch is about the number only
    MMX_CHECK_OK(call(me, kSearch, {{"keyword", mcodeOf(hidden)}}));
    MMX_REQUIRE_OK(call(hidden, kPolicy, {{"findByMobile", "1"}}));
    MMX_CHECK_OK(call(me, kSearch, {{"keyword", hidden.mobile}}));
}

BOOST_AUTO_TEST_CASE(unknown_or_malformed_keywords_are_refused) {
    const auto me = api::newUser();
    MMX_CHECK_FAILS_WITH(call(me, kSearch, {{"keyword", api::uniqueMobile()}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(me, kSearch, {{"keyword", "9999999999"}}), "NOT_FOUND");
    for (const char* bad : {"", "abc", "1234567", "张三", "01234567"}) {
        BOOST_TEST_CONTEXT("'" << bad << "'") {
            MMX_CHECK_FAILS_WITH(call(me, kSearch, {{"keyword", bad}}), "BAD_PARAM");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(read_users)

BOOST_AUTO_TEST_CASE(read_users_answers_cards_in_the_order_asked_with_contacts_for_friends_only) {
    const auto me = api::newUser(), a = api::newUser(), b = api::newUser();
    rename(a, "甲");
    const api::Response r =
        callGet(me, kReadUsers,
                {{"userId", id(b)}, {"userId", id(a) + ",987654321098"}, {"userId", id(b)}});
    MMX_REQUIRE_OK(r);
    const rapidjson::Value* list = r.data("userList");
    BOOST_REQUIRE(list != nullptr && list->IsArray());
    BOOST_REQUIRE_EQUAL(list->Size(), 2u);
    BOOST_CHECK_EQUAL(field((*list)[0], "userID"), id(b));
    BOOST_CHECK_EQUAL(field((*list)[1], "userID"), id(a));
    BOOST_CHECK_EQUAL(field((*list)[1], "nickName"), "甲");
    BOOST_CHECK(!(*list)[1].HasMember("mcode"));
    befriend(me, a);
    const api::Response asFriend = callGet(me, kReadUsers, {{"userId", id(a)}});
    BOOST_CHECK_EQUAL(field((*asFriend.data("userList"))[0], "mcode"), mcodeOf(a));
    for (const char* name : {"city", "portrait"}) BOOST_CHECK((*list)[1].HasMember(name));
    BOOST_CHECK(r.body.find(a.mobile) == std::string::npos);
    // ids as uid=…&uid=…
    const api::Response byUid = call(me, kReadUsers, {{"uid", id(a)}});
    MMX_REQUIRE_OK(byUid);
    BOOST_CHECK_EQUAL(byUid.data("userList")->Size(), 1u);
}

BOOST_AUTO_TEST_CASE(read_users_is_bounded_to_100_ids) {
    const auto me = api::newUser();
    std::string ids;
    for (int i = 1; i <= 101; ++i) ids += (i > 1 ? "," : "") + std::to_string(900000000 + i);
    MMX_CHECK_FAILS_WITH(call(me, kReadUsers, {{"userId", ids}}), "BAD_PARAM");
    MMX_CHECK_OK(call(me, kReadUsers, {{"userId", ids.substr(0, ids.rfind(','))}}));
    MMX_CHECK_FAILS_WITH(call(me, kReadUsers, {}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(me, kReadUsers, {{"userId", "1,x"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(select_phones)

BOOST_AUTO_TEST_CASE(a_contact_list_splits_into_friends_other_users_and_outsiders) {
    const auto me = api::newUser(), friendUser = api::newUser(), other = api::newUser();
    befriend(me, friendUser);
    const std::string formatted = "+86 " + other.mobile.substr(0, 3) + "-" +
                                  other.mobile.substr(3, 4) + "-" + other.mobile.substr(7);
    const std::string outsider = api::uniqueMobile();
    const api::Response r = call(me, kSelectPhones,
                                 {{"phone", me.mobile},
                                  {"phone_list", friendUser.mobile},
                                  {"phone_list", formatted},
                                  {"phone_list", outsider + ",10086"}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(texts(r, "platform_friend") == std::set<std::string>{friendUser.mobile});
    BOOST_CHECK(texts(r, "platform_notfriend") == std::set<std::string>{formatted});
    BOOST_CHECK(texts(r, "notplatform") == (std::set<std::string>{outsider, "10086"}));
}

BOOST_AUTO_TEST_CASE(who_blocked_me_is_not_on_the_platform_for_me) {
    const auto me = api::newUser(), blocker = api::newUser();
    MMX_REQUIRE_OK(call(blocker, "/user/friend!block", {{"friendId", id(me)}}));
    const api::Response r = call(me, kSelectPhones, {{"phone_list", blocker.mobile}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(texts(r, "notplatform") == std::set<std::string>{blocker.mobile});
}

BOOST_AUTO_TEST_CASE(select_phones_is_bounded_to_500_numbers) {
    const auto me = api::newUser();
    std::string list;
    for (int i = 0; i < 501; ++i) list += (i ? "," : "") + std::to_string(13800000000LL + i);
    MMX_CHECK_FAILS_WITH(call(me, kSelectPhones, {{"phone_list", list}}), "BAD_PARAM");
    const api::Response ok =
        call(me, kSelectPhones, {{"phone_list", list.substr(0, list.rfind(','))}});
    MMX_CHECK_OK(ok);
    MMX_CHECK_FAILS_WITH(call(me, kSelectPhones, {}), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()
