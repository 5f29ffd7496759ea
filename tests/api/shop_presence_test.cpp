// Who is in a shop now, under many users entering and leaving at once, with the
// timeout moved by SQL rather than waited for; and where a user has been.
#define BOOST_TEST_MODULE api_shop_presence
#include <thread>

#include "shop_helpers.hpp"

using namespace shoptest;

namespace {

const std::string kEnter = "/shop/shop!enter";
const std::string kExit = "/shop/shop!exit";
const std::string kCustomers = "/shop/shop!customers";

long long customersOf(const api::TestUser& u, long long shop) {
    const api::Response r = callGet(u, kCustomers, {{"sid", std::to_string(shop)}});
    MMX_REQUIRE_OK(r);
    return r.data("count")->GetInt64();
}

long long newShop(const api::TestUser& u) {
    const long long city = newCity(u);
    return insertShop({city, newCategory(u).child, uniqueName("逛"), 113.26, 23.13, 0});
}

}  // namespace

BOOST_AUTO_TEST_CASE(many_users_entering_twice_and_leaving_at_once_leave_an_exact_count) {
    const api::TestUser owner = api::newUser();
    const long long shop = newShop(owner);
    constexpr int kUsers = 12;
    std::vector<api::TestUser> users;
    for (int i = 0; i < kUsers; ++i) users.push_back(api::newUser());
    std::vector<std::thread> threads;
    std::vector<std::string> failures(kUsers);
    for (int i = 0; i < kUsers; ++i) {
        threads.emplace_back([&, i] {
            // One client each: the harness's shared client is not for threads.
            api::HttpClient client(api::stackEnv().baseUrl);
            const auto headers = api::authHeaders(users[i].session);
            const api::Params sid{{"sid", std::to_string(shop)}};
            for (const std::string& route : {kEnter, kEnter, i % 2 ? kExit : kEnter}) {
                const api::Response r = client.post(route, sid, headers);
                if (!r.success()) failures[i] = route + ": " + r.describe();
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& failure : failures) BOOST_CHECK_MESSAGE(failure.empty(), failure);
    BOOST_CHECK_EQUAL(customersOf(owner, shop), kUsers / 2);
}

BOOST_AUTO_TEST_CASE(an_exit_without_enter_changes_nothing_and_the_count_is_never_negative) {
    const api::TestUser a = api::newUser(), b = api::newUser();
    const long long shop = newShop(a);
    const api::Params sid{{"sid", std::to_string(shop)}};
    MMX_CHECK_OK(call(b, kExit, sid));
    MMX_CHECK_OK(call(b, kExit, sid));
    BOOST_CHECK_EQUAL(customersOf(a, shop), 0);
    MMX_CHECK_OK(call(a, kEnter, sid));
    MMX_CHECK_OK(call(b, kExit, sid));
    BOOST_CHECK_EQUAL(customersOf(a, shop), 1);
    MMX_CHECK_OK(call(a, kExit, sid));
    MMX_CHECK_OK(call(a, kExit, sid));
    BOOST_CHECK_EQUAL(customersOf(a, shop), 0);
}

BOOST_AUTO_TEST_CASE(a_user_who_neither_left_nor_polled_for_the_timeout_stops_counting) {
    const api::TestUser quiet = api::newUser(), polling = api::newUser(), other = api::newUser();
    const long long shop = newShop(quiet);
    const api::Params sid{{"sid", std::to_string(shop)}};
    MMX_CHECK_OK(call(quiet, kEnter, sid));
    MMX_CHECK_OK(call(polling, kEnter, sid));
    const auto age = [&](const api::TestUser& u, int seconds) {
        api::runSql("UPDATE shop_presence SET seen_at = seen_at - " +
                    std::to_string(seconds * 1000LL) + " WHERE shop_id = " + std::to_string(shop) +
                    " AND user_id = " + std::to_string(u.session.userId) + ";");
    };
    // Nine minutes on, the polling user asks (and so stays); the quiet one does not.
    age(quiet, 540);
    age(polling, 540);
    BOOST_CHECK_EQUAL(customersOf(polling, shop), 2);
    // Two more minutes: the quiet user is past the 10-minute timeout, the polling one not.
    age(quiet, 120);
    age(polling, 120);
    BOOST_CHECK_EQUAL(customersOf(other, shop), 1);
    // The quiet user's own poll does not bring back a presence that has lapsed.
    BOOST_CHECK_EQUAL(customersOf(quiet, shop), 1);
    MMX_CHECK_OK(call(quiet, kEnter, sid));
    BOOST_CHECK_EQUAL(customersOf(other, shop), 2);
}

BOOST_AUTO_TEST_CASE(customers_in_the_shop_list_count_presence) {
    const api::TestUser u = api::newUser();
    const long long city = newCity(u);
    const long long shop =
        insertShop({city, newCategory(u).child, uniqueName("在"), 113.26, 23.13, 0});
    MMX_CHECK_OK(call(u, kEnter, {{"sid", std::to_string(shop)}}));
    const api::Response r = callGet(u, "/shop/shop!list", {{"city", std::to_string(city)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL((*r.data("shopList"))[0]["customers"].GetInt64(), 1);
}

BOOST_AUTO_TEST_CASE(my_visits_list_each_shop_once_at_its_latest_visit_paged_by_time) {
    const api::TestUser u = api::newUser();
    const long long city = newCity(u);
    const long long category = newCategory(u).child;
    std::vector<long long> shops;
    for (int i = 0; i < 4; ++i) {
        shops.push_back(insertShop({city, category, uniqueName("访"), 113.26, 23.13, 0}));
    }
    for (const long long shop : shops)
        MMX_CHECK_OK(call(u, kEnter, {{"sid", std::to_string(shop)}}));
    MMX_CHECK_OK(call(u, kEnter, {{"sid", std::to_string(shops[0])}}));
    // Spread the visits over distinct seconds: shops[i] visited i hours ago.
    const long long now = api::nowMillis();
    std::string sql;
    for (int i = 0; i < 4; ++i) {
        sql += "UPDATE shop_visit SET visited_at = " + std::to_string(now - i * 3600000LL) +
               " WHERE user_id = " + std::to_string(u.session.userId) +
               " AND shop_id = " + std::to_string(shops[i]) + ";";
    }
    api::runSql(sql);
    const api::Response first = callGet(u, "/shop/visit!mine", {{"count", "2"}});
    MMX_REQUIRE_OK(first);
    BOOST_CHECK((idsOf(first) == std::vector<long long>{shops[0], shops[1]}));
    const std::string cursor = std::to_string((*first.data("shopList"))[1]["time"].GetInt64());
    const api::Response older =
        callGet(u, "/shop/visit!mine", {{"time", cursor}, {"direct", "1"}, {"count", "5"}});
    BOOST_CHECK((idsOf(older) == std::vector<long long>{shops[2], shops[3]}));
    const api::Response newer =
        callGet(u, "/shop/visit!mine", {{"time", cursor}, {"direct", "2"}, {"count", "5"}});
    BOOST_CHECK((idsOf(newer) == std::vector<long long>{shops[0]}));
    MMX_CHECK_FAILS_WITH(callGet(u, "/shop/visit!mine", {{"direct", "3"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(callGet(u, "/shop/visit!mine", {{"count", "0"}}), "BAD_PARAM");
}
