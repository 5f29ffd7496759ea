// What friends may see: the three switches (all visible by default), a friend's
// favourites, fan shops and visits while the friend's switch is on, the counts, and
// FORBIDDEN for strangers and for a friend whose switch is off.
#define BOOST_TEST_MODULE api_friend_views
#include "collection_helpers.hpp"

using namespace collectiontest;
using mmx::apitest::befriend;

namespace {

// An owner with two favourites, two fan shops (one with news) and one visit; a friend
// of theirs and a stranger.
struct Circle {
    World w;
    api::TestUser friendUser = api::newUser();
    api::TestUser stranger = api::newUser();
    long long newsShop = w.shop(), quietShop = w.shop(), visited = w.shop();
    long long older = 0, newer = 0;

    Circle() {
        befriend(w.user, friendUser);
        const long long now = api::nowMillis();
        insertActivity(newsShop, w.city, 0, 3);
        insertGoods(newsShop, 100, now - 3 * kDayMs);
        insertGoods(quietShop, 100, now - 10 * kDayMs);
        // Favourites of the quiet shop, old enough not to be news.
        older = insertGoods(quietShop, 2550, now - 10 * kDayMs);
        newer = insertGoods(quietShop, 300, now - 10 * kDayMs, 1, "199");
        for (const long long goods : {older, newer}) {
            MMX_REQUIRE_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(goods)}}));
        }
        for (const long long shop : {quietShop, newsShop}) {
            MMX_REQUIRE_OK(call(w.user, "/shop/shop!concern", {{"sid", api::id(shop)}}));
        }
        MMX_REQUIRE_OK(call(w.user, "/shop/shop!enter", {{"sid", api::id(visited)}}));
    }

    api::Params of(const api::Params& more = {}) const {
        api::Params params{{"friendId", mmx::apitest::id(w.user)}};
        params.insert(params.end(), more.begin(), more.end());
        return params;
    }

    void setSwitches(const std::string& favorites, const std::string& fans,
                     const std::string& visits) const {
        MMX_REQUIRE_OK(
            call(w.user, "/user/setting!privacy",
                 {{"favoriteEnable", favorites}, {"fansEnable", fans}, {"visitEnable", visits}}));
    }
};

std::vector<long long> switchesIn(const api::Response& r) {
    const rapidjson::Value* setting = r.data("setting");
    BOOST_REQUIRE_MESSAGE(setting != nullptr, r.describe());
    return {(*setting)["favoriteEnable"].GetInt64(), (*setting)["fansEnable"].GetInt64(),
            (*setting)["visitEnable"].GetInt64()};
}

const char* const kFriendLists[] = {"/user/friend!favorites", "/user/friend!fans",
                                    "/user/friend!visits"};

}  // namespace

BOOST_AUTO_TEST_CASE(privacy_switches_default_to_visible_and_change_one_at_a_time) {
    const api::TestUser u = api::newUser();
    BOOST_CHECK(
        (switchesIn(callGet(u, "/user/setting!privacy")) == std::vector<long long>{1, 1, 1}));
    const api::Response set = call(u, "/user/setting!privacy", {{"fansEnable", "0"}});
    MMX_REQUIRE_OK(set);
    BOOST_CHECK((switchesIn(set) == std::vector<long long>{1, 0, 1}));
    MMX_REQUIRE_OK(call(u, "/user/setting!privacy", {{"visitEnable", "0"}}));
    BOOST_CHECK(
        (switchesIn(callGet(u, "/user/setting!privacy")) == std::vector<long long>{1, 0, 0}));
    MMX_REQUIRE_OK(
        call(u, "/user/setting!privacy", {{"fansEnable", "1"}, {"favoriteEnable", "0"}}));
    BOOST_CHECK(
        (switchesIn(callGet(u, "/user/setting!privacy")) == std::vector<long long>{0, 1, 0}));
    MMX_CHECK_FAILS_WITH(call(u, "/user/setting!privacy", {{"fansEnable", "2"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(callGet(u, "/user/setting!privacy", {{"fansEnable", "1"}}), "BAD_PARAM");
    BOOST_CHECK(
        (switchesIn(callGet(u, "/user/setting!privacy")) == std::vector<long long>{0, 1, 0}));
}

BOOST_AUTO_TEST_CASE(a_friends_switches_are_read_by_friends_and_refused_to_strangers) {
    Circle c;
    c.setSwitches("1", "0", "1");
    const api::Response r = callGet(c.friendUser, "/user/friend!privacy", c.of());
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((switchesIn(r) == std::vector<long long>{1, 0, 1}));
    MMX_CHECK_FAILS_WITH(callGet(c.stranger, "/user/friend!privacy", c.of()), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(callGet(c.friendUser, "/user/friend!privacy"), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(a_friend_sees_favourites_fan_shops_and_visits_while_shown) {
    Circle c;
    const api::Response favorites = callGet(c.friendUser, "/user/friend!favorites", c.of());
    MMX_REQUIRE_OK(favorites);
    BOOST_CHECK((field(favorites, "goodsList", "id") == std::vector<long long>{c.newer, c.older}));
    BOOST_CHECK(favorites.body.find("\"price\":3,\"promot\":1.99") != std::string::npos);
    const rapidjson::Value& goods = (*favorites.data("goodsList"))[1];
    BOOST_CHECK_EQUAL(goods["desc"].GetString(), "收藏品" + api::id(c.older));
    BOOST_CHECK_EQUAL(goods["pic"].GetString(), std::string("http://x/f1.jpg"));

    const api::Response fans = callGet(c.friendUser, "/user/friend!fans", c.of());
    MMX_REQUIRE_OK(fans);
    BOOST_CHECK((field(fans, "shopList", "id") == std::vector<long long>{c.newsShop, c.quietShop}));
    BOOST_CHECK((field(fans, "shopList", "hasAct") == std::vector<long long>{1, 0}));
    BOOST_CHECK((field(fans, "shopList", "hasNew") == std::vector<long long>{1, 0}));

    const api::Response visits = callGet(c.friendUser, "/user/friend!visits", c.of());
    MMX_REQUIRE_OK(visits);
    BOOST_CHECK((field(visits, "shopList", "id") == std::vector<long long>{c.visited}));
    const long long time = (*visits.data("shopList"))[0]["time"].GetInt64();
    BOOST_CHECK_LE(time, api::nowMillis() + 5000);
    BOOST_CHECK_GE(time, api::nowMillis() - 600000);

    // Pages: offset and count.
    const api::Response second =
        callGet(c.friendUser, "/user/friend!favorites", c.of({{"offset", "1"}, {"count", "1"}}));
    BOOST_CHECK((field(second, "goodsList", "id") == std::vector<long long>{c.older}));
    MMX_CHECK_FAILS_WITH(callGet(c.friendUser, "/user/friend!fans", c.of({{"count", "51"}})),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(strangers_are_refused_every_list_of_another_user) {
    Circle c;
    for (const char* route : kFriendLists) {
        BOOST_TEST_CONTEXT(route) {
            MMX_CHECK_FAILS_WITH(callGet(c.stranger, route, c.of()), "FORBIDDEN");
            MMX_CHECK_FAILS_WITH(callGet(c.stranger, route, {{"friendId", api::id(uniqueId())}}),
                                 "FORBIDDEN");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_switch_turned_off_refuses_that_list_alone_until_turned_on) {
    Circle c;
    const struct {
        const char* favorites;
        const char* fans;
        const char* visits;
        bool shown[3];
    } cases[] = {
        {"0", "1", "1", {false, true, true}}, {"1", "0", "1", {true, false, true}},
        {"1", "1", "0", {true, true, false}}, {"0", "0", "0", {false, false, false}},
        {"1", "1", "1", {true, true, true}},
    };
    for (const auto& k : cases) {
        c.setSwitches(k.favorites, k.fans, k.visits);
        for (int i = 0; i < 3; ++i) {
            BOOST_TEST_CONTEXT(kFriendLists[i] << " " << k.favorites << k.fans << k.visits) {
                const api::Response r = callGet(c.friendUser, kFriendLists[i], c.of());
                if (k.shown[i]) {
                    MMX_CHECK_OK(r);
                } else {
                    MMX_CHECK_FAILS_WITH(r, "FORBIDDEN");
                }
            }
        }
        // The owner's own lists are never hidden from the owner.
        MMX_CHECK_OK(callGet(c.w.user, "/user/user!counts"));
    }
}

BOOST_AUTO_TEST_CASE(counts_for_me_for_a_friend_by_switch_and_refused_for_a_stranger) {
    Circle c;
    api::Response mine = callGet(c.w.user, "/user/user!counts");
    MMX_REQUIRE_OK(mine);
    const rapidjson::Value& own = *mine.data("ffvCount");
    BOOST_CHECK_EQUAL(own["fans"].GetInt64(), 2);
    BOOST_CHECK_EQUAL(own["favorite"].GetInt64(), 2);
    BOOST_CHECK_EQUAL(own["visited"].GetInt64(), 1);

    const api::Params ofOwner{{"userId", mmx::apitest::id(c.w.user)}};
    api::Response seen = callGet(c.friendUser, "/user/user!counts", ofOwner);
    MMX_REQUIRE_OK(seen);
    BOOST_CHECK_EQUAL((*seen.data("ffvCount"))["fans"].GetInt64(), 2);
    BOOST_CHECK_EQUAL((*seen.data("ffvCount"))["favorite"].GetInt64(), 2);
    BOOST_CHECK_EQUAL((*seen.data("ffvCount"))["visited"].GetInt64(), 1);

    c.setSwitches("0", "1", "1");
    seen = callGet(c.friendUser, "/user/user!counts", ofOwner);
    MMX_REQUIRE_OK(seen);
    BOOST_CHECK((*seen.data("ffvCount"))["favorite"].IsNull());
    BOOST_CHECK_EQUAL((*seen.data("ffvCount"))["fans"].GetInt64(), 2);
    mine = callGet(c.w.user, "/user/user!counts");
    BOOST_CHECK_EQUAL((*mine.data("ffvCount"))["favorite"].GetInt64(), 2);

    c.setSwitches("0", "0", "0");
    MMX_CHECK_FAILS_WITH(callGet(c.friendUser, "/user/user!counts", ofOwner), "FORBIDDEN");
    c.setSwitches("1", "1", "1");
    MMX_CHECK_FAILS_WITH(callGet(c.stranger, "/user/user!counts", ofOwner), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(
        callGet(c.stranger, "/user/user!counts", {{"userId", api::id(uniqueId())}}), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(callGet(c.stranger, "/user/user!counts", {{"userId", "x"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(a_user_who_blocked_me_shows_me_nothing) {
    Circle c;
    MMX_REQUIRE_OK(
        call(c.w.user, "/user/friend!block", {{"friendId", mmx::apitest::id(c.friendUser)}}));
    for (const char* route : kFriendLists) {
        BOOST_TEST_CONTEXT(route) {
            MMX_CHECK_FAILS_WITH(callGet(c.friendUser, route, c.of()), "FORBIDDEN");
        }
    }
    MMX_CHECK_FAILS_WITH(callGet(c.friendUser, "/user/friend!privacy", c.of()), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(
        callGet(c.friendUser, "/user/user!counts", {{"userId", mmx::apitest::id(c.w.user)}}),
        "FORBIDDEN");
}
