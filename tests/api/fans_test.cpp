// Fan shops: concern and unconcern are idempotent and the shop's fans count follows its
// fans exactly, also under concurrent calls; the phone's diff, info and news; the
// per-shop message switch; the cap per user.
#define BOOST_TEST_MODULE api_fans
#include <cstdlib>

#include "collection_helpers.hpp"

using namespace collectiontest;

BOOST_AUTO_TEST_CASE(concern_twice_counts_once_and_unconcern_twice_leaves_none) {
    World w;
    const long long shop = w.shop();
    const api::TestUser other = api::newUser();
    BOOST_CHECK_EQUAL(shopFans(w.user, shop), 0);
    MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shop)}}));
    MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shop)}}));
    BOOST_CHECK_EQUAL(shopFans(w.user, shop), 1);
    const api::Response info = callGet(w.user, "/shop/shop!info", {{"sid", api::id(shop)}});
    BOOST_CHECK((*info.data("info"))["isFans"].GetBool());
    MMX_REQUIRE_OK(call(other, "/shop/shop!concern", {{"sid", api::id(shop)}}));
    BOOST_CHECK_EQUAL(shopFans(w.user, shop), 2);

    MMX_REQUIRE_OK(call(w.user, "/shop/shop!unconcern", {{"sid", api::id(shop)}}));
    MMX_REQUIRE_OK(call(w.user, "/shop/shop!unconcern", {{"sid", api::id(shop)}}));
    BOOST_CHECK_EQUAL(shopFans(w.user, shop), 1);
    BOOST_CHECK(fanShopsOf(w.user).empty());
    BOOST_CHECK(fanShopsOf(other) == std::set<long long>{shop});
}

BOOST_AUTO_TEST_CASE(an_unknown_shop_is_not_found_and_a_bad_id_is_a_bad_param) {
    World w;
    const std::string missing = api::id(uniqueId());
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/shop!concern", {{"sid", missing}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/shop!unconcern", {{"sid", missing}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/shop!concern", {{"sid", "abc"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/shop!concern"), "BAD_PARAM");
    BOOST_CHECK(fanShopsOf(w.user).empty());
}

BOOST_AUTO_TEST_CASE(eight_users_concerning_and_unconcerning_at_once_leave_fans_equal_to_rows) {
    World w;
    const long long shop = w.shop();
    constexpr int kUsers = 8, kRounds = 6;
    std::vector<api::TestUser> users;
    for (int i = 0; i < kUsers; ++i) users.push_back(api::newUser());
    std::vector<int> failures(kUsers, 0);
    std::vector<std::function<void()>> tasks;
    for (int i = 0; i < kUsers; ++i) {
        tasks.emplace_back([&, i] {
            for (int round = 0; round < kRounds; ++round) {
                // Even users end as fans, odd ones end as none; a repeat now and then.
                const bool last = round == kRounds - 1;
                const char* route =
                    (round % 2 == 0) ? "/shop/shop!concern" : "/shop/shop!unconcern";
                if (last) route = (i % 2 == 0) ? "/shop/shop!concern" : "/shop/shop!unconcern";
                for (int repeat = 0; repeat < 1 + round % 2; ++repeat) {
                    if (!callFromThread(users[i], route, {{"sid", api::id(shop)}}).success()) {
                        ++failures[i];
                    }
                }
            }
        });
    }
    api::runTogether(std::move(tasks));
    for (int i = 0; i < kUsers; ++i) BOOST_CHECK_EQUAL(failures[i], 0);
    long long rows = 0;
    for (int i = 0; i < kUsers; ++i) {
        const bool fan = fanShopsOf(users[i]).count(shop) == 1;
        BOOST_CHECK_EQUAL(fan, i % 2 == 0);
        rows += fan ? 1 : 0;
    }
    BOOST_CHECK_EQUAL(rows, kUsers / 2);
    BOOST_CHECK_EQUAL(shopFans(w.user, shop), rows);
}

BOOST_AUTO_TEST_CASE(one_user_concerning_from_eight_phones_at_once_is_one_fan) {
    World w;
    const long long shop = w.shop();
    std::vector<std::function<void()>> tasks;
    std::vector<int> ok(8, 0);
    for (int i = 0; i < 8; ++i) {
        tasks.emplace_back([&, i] {
            ok[i] =
                callFromThread(w.user, "/shop/shop!concern", {{"sid", api::id(shop)}}).success();
        });
    }
    api::runTogether(std::move(tasks));
    for (int i = 0; i < 8; ++i) BOOST_CHECK_EQUAL(ok[i], 1);
    BOOST_CHECK_EQUAL(shopFans(w.user, shop), 1);
}

BOOST_AUTO_TEST_CASE(fans_diff_names_what_the_phone_lacks_and_what_it_should_drop) {
    World w;
    const long long a = w.shop(), b = w.shop(), c = w.shop();
    const long long gone = uniqueId();
    for (const long long shop : {a, b, c}) {
        MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shop)}}));
    }
    api::Response r =
        call(w.user, "/shop/fans!diff", {{"shopIDs", api::id(b)}, {"shopIDs", api::id(gone)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((numbers(r, "addShopIDs") == std::vector<long long>{a, c}));
    BOOST_CHECK((numbers(r, "delShopIDs") == std::vector<long long>{gone}));

    MMX_REQUIRE_OK(call(w.user, "/shop/shop!unconcern", {{"sid", api::id(a)}}));
    r = callGet(w.user, "/shop/fans!diff",
                {{"shopIDs", api::id(a) + "," + api::id(b) + "," + api::id(c)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(numbers(r, "addShopIDs").empty());
    BOOST_CHECK((numbers(r, "delShopIDs") == std::vector<long long>{a}));
}

BOOST_AUTO_TEST_CASE(a_phone_list_longer_than_the_cap_is_a_bad_param) {
    World w;
    const int cap = std::atoi(std::getenv("MMX_TEST_MAX_COLLECTION"));
    std::string ids;
    for (int i = 1; i <= cap + 1; ++i) ids += (i > 1 ? "," : "") + std::to_string(i);
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/fans!diff", {{"shopIDs", ids}}), "BAD_PARAM");
    std::string ok;
    for (int i = 1; i <= cap; ++i) ok += (i > 1 ? "," : "") + std::to_string(i);
    MMX_CHECK_OK(call(w.user, "/shop/fans!diff", {{"shopIDs", ok}}));
    std::string many;
    for (int i = 1; i <= 101; ++i) many += (i > 1 ? "," : "") + std::to_string(i);
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/fans!info", {{"sid", many}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/fans!news", {{"sid", many}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(no_more_fan_shops_than_the_cap) {
    World w;
    const int cap = std::atoi(std::getenv("MMX_TEST_MAX_COLLECTION"));
    std::vector<long long> shops;
    for (int i = 0; i <= cap; ++i) shops.push_back(w.shop());
    for (int i = 0; i < cap; ++i) {
        MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shops[i])}}));
    }
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/shop!concern", {{"sid", api::id(shops[cap])}}),
                         "CONFLICT");
    BOOST_CHECK_EQUAL(shopFans(w.user, shops[cap]), 0);
    MMX_CHECK_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shops[0])}}));  // a repeat
    MMX_REQUIRE_OK(call(w.user, "/shop/shop!unconcern", {{"sid", api::id(shops[0])}}));
    MMX_CHECK_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shops[cap])}}));
    BOOST_CHECK_EQUAL(fanShopsOf(w.user).size(), static_cast<std::size_t>(cap));
}

BOOST_AUTO_TEST_CASE(fans_info_answers_my_fan_shops_with_their_time_and_message_switch) {
    World w;
    const long long a = w.shop(), b = w.shop(), notMine = w.shop();
    const long long before = api::nowMillis();
    MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(a)}}));
    MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(b)}}));
    const api::Response r =
        callGet(w.user, "/shop/fans!info",
                {{"sid", api::id(b)}, {"sid", api::id(notMine)}, {"sid", api::id(a)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((field(r, "shopList", "id") == std::vector<long long>{b, a}));
    BOOST_CHECK((field(r, "shopList", "msgEnable") == std::vector<long long>{2, 2}));
    for (const long long time : field(r, "shopList", "time")) {
        BOOST_CHECK_GE(time, before - 5000);
        BOOST_CHECK_LE(time, api::nowMillis() + 5000);
    }
    const rapidjson::Value& first = (*r.data("shopList"))[0];
    BOOST_CHECK_EQUAL(first["pic"].GetString(), "http://x/" + api::id(b) + ".jpg");
    BOOST_CHECK(std::string(first["name"].GetString()).rfind("粉店", 0) == 0);
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/fans!info"), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(fans_news_tells_a_valid_activity_and_goods_new_within_seven_days) {
    World w;
    const long long now = api::nowMillis();
    const long long both = w.shop(), stale = w.shop(), offSale = w.shop(), bare = w.shop();
    insertActivity(both, w.city, -1, 0);  // ends today: still valid
    insertGoods(both, 100, now - 3 * kDayMs);
    insertActivity(stale, w.city, -10, -1);  // ended yesterday
    insertActivity(stale, w.city, 1, 5);     // begins tomorrow
    insertGoods(stale, 100, now - 10 * kDayMs);
    insertGoods(offSale, 100, now - kDayMs, 0);  // new but off sale
    const api::Response r = callGet(w.user, "/shop/fans!news",
                                    {{"sid", api::id(both) + "," + api::id(stale)},
                                     {"sid", api::id(offSale)},
                                     {"sid", api::id(bare)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((field(r, "shopList", "id") == std::vector<long long>{both, stale, offSale, bare}));
    BOOST_CHECK((field(r, "shopList", "hasAct") == std::vector<long long>{1, 0, 0, 0}));
    BOOST_CHECK((field(r, "shopList", "hasNew") == std::vector<long long>{1, 0, 0, 0}));

    // The same shop once its goods are 10 days old and its activity ended yesterday.
    api::runSql("UPDATE goods SET published_at = " + api::id(now - 10 * kDayMs) +
                " WHERE shop_id = " + api::id(both) + "; UPDATE activity SET end_date = '" +
                chinaDate(-1) + "' WHERE shop_id = " + api::id(both) + ";");
    const api::Response after = callGet(w.user, "/shop/fans!news", {{"sid", api::id(both)}});
    MMX_REQUIRE_OK(after);
    BOOST_CHECK((field(after, "shopList", "hasAct") == std::vector<long long>{0}));
    BOOST_CHECK((field(after, "shopList", "hasNew") == std::vector<long long>{0}));
}

BOOST_AUTO_TEST_CASE(the_message_switch_is_set_for_one_fan_shop_or_for_all_of_them) {
    World w;
    const long long a = w.shop(), b = w.shop(), c = w.shop(), notMine = w.shop();
    for (const long long shop : {a, b, c}) {
        MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shop)}}));
    }
    const api::Params all{{"sid", api::id(a)}, {"sid", api::id(b)}, {"sid", api::id(c)}};
    MMX_REQUIRE_OK(
        call(w.user, "/user/setting!message", {{"shopID", api::id(b)}, {"msgEnable", "0"}}));
    BOOST_CHECK((field(call(w.user, "/shop/fans!info", all), "shopList", "msgEnable") ==
                 std::vector<long long>{2, 0, 2}));
    MMX_REQUIRE_OK(call(w.user, "/user/setting!message", {{"shopID", "-1"}, {"msgEnable", "0"}}));
    BOOST_CHECK((field(call(w.user, "/shop/fans!info", all), "shopList", "msgEnable") ==
                 std::vector<long long>{0, 0, 0}));
    MMX_REQUIRE_OK(call(w.user, "/user/setting!message", {{"shopID", "-1"}, {"msgEnable", "2"}}));
    MMX_REQUIRE_OK(
        call(w.user, "/user/setting!message", {{"shopID", api::id(c)}, {"msgEnable", "0"}}));
    BOOST_CHECK((field(call(w.user, "/shop/fans!info", all), "shopList", "msgEnable") ==
                 std::vector<long long>{2, 2, 0}));

    // Another user's switch for the same shop is theirs alone.
    const api::TestUser other = api::newUser();
    MMX_REQUIRE_OK(call(other, "/shop/shop!concern", {{"sid", api::id(a)}}));
    MMX_REQUIRE_OK(call(other, "/user/setting!message", {{"shopID", "-1"}, {"msgEnable", "0"}}));
    BOOST_CHECK((field(call(w.user, "/shop/fans!info", all), "shopList", "msgEnable") ==
                 std::vector<long long>{2, 2, 0}));

    MMX_CHECK_FAILS_WITH(
        call(w.user, "/user/setting!message", {{"shopID", api::id(notMine)}, {"msgEnable", "0"}}),
        "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(
        call(w.user, "/user/setting!message", {{"shopID", api::id(a)}, {"msgEnable", "1"}}),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        call(w.user, "/user/setting!message", {{"shopID", "0"}, {"msgEnable", "2"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        call(w.user, "/user/setting!message", {{"shopID", "-2"}, {"msgEnable", "2"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(w.user, "/user/setting!message", {{"msgEnable", "2"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(w.user, "/user/setting!message", {{"shopID", api::id(a)}}),
                         "BAD_PARAM");
}
