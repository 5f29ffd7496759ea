// Who is registered cannot be listed: numbers checked by selectPhones and strangers'
// cards read by readUsers share one daily budget per user, searches have another, and a
// request that does not fit is refused whole with the time to wait.
#define BOOST_TEST_MODULE api_lookup_budget
#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

const std::string kSearch = "/user/user!search";
const std::string kReadUsers = "/user/user!readUsers";
const std::string kSelectPhones = "/user/user!selectPhones";

// The test stack's budgets per user and day (tests/api/CMakeLists.txt).
const int kDailyNumbers = std::stoi(std::getenv("MMX_TEST_LOOKUP_DAILY_NUMBERS"));
const int kDailySearches = std::stoi(std::getenv("MMX_TEST_SEARCH_DAILY_LIMIT"));

// `count` distinct numbers nobody has, as one comma-separated phone_list.
std::string numbers(int count) {
    std::string list;
    for (int i = 0; i < count; ++i) list += (i ? "," : "") + api::uniqueMobile();
    return list;
}

api::Response lookUp(const api::TestUser& u, int count) {
    return call(u, kSelectPhones, {{"phone_list", numbers(count)}});
}

void checkRefusedUntilTomorrow(const api::Response& r) {
    MMX_CHECK_FAILS_WITH(r, "RATE_LIMITED");
    const rapidjson::Value* retryAfter = r.data("retryAfter");
    BOOST_REQUIRE_MESSAGE(retryAfter != nullptr && retryAfter->IsInt64(), r.describe());
    // Until the next midnight in China: at least a second, at most a day.
    BOOST_CHECK_GE(retryAfter->GetInt64(), 1);
    BOOST_CHECK_LE(retryAfter->GetInt64(), 24 * 3600);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(select_phones)

BOOST_AUTO_TEST_CASE(a_list_past_the_days_budget_is_refused_whole_and_charges_nothing) {
    const auto me = api::newUser();
    const int first = kDailyNumbers - 20;
    MMX_REQUIRE_OK(lookUp(me, first));
    checkRefusedUntilTomorrow(lookUp(me, 21));
    MMX_CHECK_OK(lookUp(me, 20));  // the refused list took nothing from what was left
    checkRefusedUntilTomorrow(lookUp(me, 1));
}

BOOST_AUTO_TEST_CASE(one_number_in_several_spellings_counts_once) {
    const auto me = api::newUser();
    MMX_REQUIRE_OK(lookUp(me, kDailyNumbers - 1));
    const std::string mobile = api::uniqueMobile();
    const std::string spelled = "+86 " + mobile.substr(0, 3) + "-" + mobile.substr(3);
    MMX_CHECK_OK(call(me, kSelectPhones, {{"phone_list", mobile + "," + spelled + ",10086"}}));
}

BOOST_AUTO_TEST_CASE(each_user_has_a_budget_of_their_own) {
    const auto spent = api::newUser(), fresh = api::newUser();
    MMX_REQUIRE_OK(lookUp(spent, kDailyNumbers));
    checkRefusedUntilTomorrow(lookUp(spent, 1));
    MMX_CHECK_OK(lookUp(fresh, 10));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(read_users)

BOOST_AUTO_TEST_CASE(strangers_cards_share_the_budget_and_friends_cards_are_free) {
    const auto me = api::newUser(), myFriend = api::newUser(), stranger = api::newUser();
    befriend(me, myFriend);
    MMX_REQUIRE_OK(lookUp(me, kDailyNumbers));
    MMX_CHECK_OK(call(me, kReadUsers, {{"userId", id(myFriend) + "," + id(me)}}));
    checkRefusedUntilTomorrow(call(me, kReadUsers, {{"userId", id(stranger)}}));
}

BOOST_AUTO_TEST_CASE(paging_through_user_ids_runs_out_of_budget) {
    const auto me = api::newUser();
    const long long start = me.session.userId;
    int answered = 0;
    api::Response last;
    for (int page = 0; page < 10; ++page) {
        std::string ids;
        for (int i = 0; i < 100; ++i) {
            ids += (i ? "," : "") + std::to_string(start - 1 - page * 100 - i);
        }
        last = call(me, kReadUsers, {{"userId", ids}});
        if (!last.success()) break;
        answered += 100;
    }
    BOOST_CHECK_EQUAL(answered, kDailyNumbers / 100 * 100);
    checkRefusedUntilTomorrow(last);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(search)

BOOST_AUTO_TEST_CASE(searches_past_the_days_limit_are_refused) {
    const auto me = api::newUser(), someone = api::newUser();
    for (int i = 0; i < kDailySearches - 1; ++i) {
        MMX_CHECK_FAILS_WITH(call(me, kSearch, {{"keyword", api::uniqueMobile()}}), "NOT_FOUND");
    }
    MMX_CHECK_OK(call(me, kSearch, {{"keyword", someone.mobile}}));
    checkRefusedUntilTomorrow(call(me, kSearch, {{"keyword", someone.mobile}}));
    checkRefusedUntilTomorrow(call(me, kSearch, {{"keyword", mcodeOf(someone)}}));
    // Another user is not affected.
    MMX_CHECK_OK(call(someone, kSearch, {{"keyword", mcodeOf(me)}}));
}

BOOST_AUTO_TEST_CASE(a_malformed_keyword_costs_nothing) {
    const auto me = api::newUser(), someone = api::newUser();
    for (int i = 0; i < kDailySearches + 2; ++i) {
        MMX_CHECK_FAILS_WITH(call(me, kSearch, {{"keyword", "nobody"}}), "BAD_PARAM");
    }
    MMX_CHECK_OK(call(me, kSearch, {{"keyword", someone.mobile}}));
}

BOOST_AUTO_TEST_SUITE_END()
