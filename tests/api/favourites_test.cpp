// Favourite goods: concern and unconcern are idempotent, the phone's diff and info, my
// list a page at a time with its total, prices as the goods routes answer them, and the
// cap per user, also under concurrent calls.
#define BOOST_TEST_MODULE api_favourites
#include <cstdlib>

#include "collection_helpers.hpp"

using namespace collectiontest;

namespace {

std::set<long long> favouritesOf(const api::TestUser& u) {
    const api::Response r = call(u, "/shop/favorite!diff");
    MMX_REQUIRE_OK(r);
    const auto ids = numbers(r, "addGoodsIDs");
    return {ids.begin(), ids.end()};
}

int cap() {
    return std::atoi(std::getenv("MMX_TEST_MAX_COLLECTION"));
}

}  // namespace

BOOST_AUTO_TEST_CASE(concern_goods_twice_keeps_one_and_unconcern_twice_leaves_none) {
    World w;
    const long long goods = insertGoods(w.shop(), 1280, api::nowMillis());
    MMX_REQUIRE_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(goods)}}));
    MMX_REQUIRE_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(goods)}}));
    BOOST_CHECK(favouritesOf(w.user) == std::set<long long>{goods});
    api::Response list = call(w.user, "/shop/favorite!list");
    MMX_REQUIRE_OK(list);
    BOOST_CHECK_EQUAL((*list.data("total_num")).GetInt64(), 1);
    MMX_REQUIRE_OK(call(w.user, "/shop/goods!unconcern", {{"gid", api::id(goods)}}));
    MMX_REQUIRE_OK(call(w.user, "/shop/goods!unconcern", {{"gid", api::id(goods)}}));
    BOOST_CHECK(favouritesOf(w.user).empty());
}

BOOST_AUTO_TEST_CASE(unknown_goods_are_not_found_and_a_bad_id_is_a_bad_param) {
    World w;
    const std::string missing = api::id(uniqueId());
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/goods!concern", {{"gid", missing}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/goods!unconcern", {{"gid", missing}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/goods!concern", {{"gid", "-3"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/goods!concern"), "BAD_PARAM");
    BOOST_CHECK(favouritesOf(w.user).empty());
}

BOOST_AUTO_TEST_CASE(favorite_diff_names_what_the_phone_lacks_and_what_it_should_drop) {
    World w;
    const long long shop = w.shop(), now = api::nowMillis();
    const long long a = insertGoods(shop, 100, now), b = insertGoods(shop, 100, now),
                    c = insertGoods(shop, 100, now), gone = uniqueId();
    for (const long long goods : {a, b, c}) {
        MMX_REQUIRE_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(goods)}}));
    }
    api::Response r = call(w.user, "/shop/favorite!diff",
                           {{"goodsIDs", api::id(c)}, {"goodsIDs", api::id(gone)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((numbers(r, "addGoodsIDs") == std::vector<long long>{a, b}));
    BOOST_CHECK((numbers(r, "delGoodsIDs") == std::vector<long long>{gone}));

    MMX_REQUIRE_OK(call(w.user, "/shop/goods!unconcern", {{"gid", api::id(b)}}));
    r = callGet(w.user, "/shop/favorite!diff",
                {{"goodsIDs", api::id(a) + "," + api::id(b) + "," + api::id(c)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(numbers(r, "addGoodsIDs").empty());
    BOOST_CHECK((numbers(r, "delGoodsIDs") == std::vector<long long>{b}));

    std::string tooMany;
    for (int i = 1; i <= cap() + 1; ++i) tooMany += (i > 1 ? "," : "") + std::to_string(i);
    MMX_CHECK_FAILS_WITH(call(w.user, "/shop/favorite!diff", {{"goodsIDs", tooMany}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(favorite_info_answers_my_favourites_with_prices_in_yuan) {
    World w;
    const long long shop = w.shop(), now = api::nowMillis();
    const long long promoted = insertGoods(shop, 1280, now, 1, "999");
    const long long plain = insertGoods(shop, 9900, now);
    const long long notMine = insertGoods(shop, 100, now);
    MMX_REQUIRE_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(promoted)}}));
    MMX_REQUIRE_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(plain)}}));
    const api::Response r =
        callGet(w.user, "/shop/favorite!info",
                {{"gid", api::id(plain)}, {"gid", api::id(notMine) + "," + api::id(promoted)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((field(r, "goodsList", "gid") == std::vector<long long>{plain, promoted}));
    BOOST_CHECK(r.body.find("\"price\":99,\"promot\":null") != std::string::npos);
    BOOST_CHECK(r.body.find("\"price\":12.8,\"promot\":9.99") != std::string::npos);
    const rapidjson::Value& first = (*r.data("goodsList"))[0];
    BOOST_CHECK_EQUAL(first["sid"].GetInt64(), shop);
    BOOST_CHECK_EQUAL(first["desp"].GetString(), "收藏品" + api::id(plain));
    BOOST_CHECK_EQUAL(first["pic"].GetString(), std::string("http://x/f1.jpg"));

    // The same price as the goods route answers.
    const api::Response goods = callGet(w.user, "/shop/goods!info", {{"gid", api::id(promoted)}});
    BOOST_CHECK_EQUAL((*goods.data("info"))["price"].GetDouble(), 12.8);
    BOOST_CHECK_EQUAL((*goods.data("info"))["promot"].GetDouble(), 9.99);
}

BOOST_AUTO_TEST_CASE(favorite_list_pages_newest_first_with_the_total) {
    World w;
    const long long shop = w.shop(), now = api::nowMillis();
    std::vector<long long> goods;
    for (int i = 0; i < 5; ++i) goods.push_back(insertGoods(shop, 100 + i, now));
    api::runSql("UPDATE goods SET status = 0 WHERE id = " + api::id(goods[0]) + ";");  // off sale
    for (const long long id : goods) {
        MMX_REQUIRE_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(id)}}));
    }
    std::vector<long long> seen;
    for (int offset = 0; offset < 6; offset += 2) {
        const api::Response r =
            callGet(w.user, "/shop/favorite!list", {{"offset", api::id(offset)}, {"limit", "2"}});
        MMX_REQUIRE_OK(r);
        BOOST_CHECK_EQUAL((*r.data("total_num")).GetInt64(), 5);
        const auto page = field(r, "goods", "id");
        BOOST_CHECK_EQUAL(page.size(), offset < 4 ? 2u : 1u);
        seen.insert(seen.end(), page.begin(), page.end());
    }
    BOOST_CHECK((seen == std::vector<long long>{goods[4], goods[3], goods[2], goods[1], goods[0]}));
    const api::Response last = callGet(w.user, "/shop/favorite!list", {{"offset", "4"}});
    MMX_REQUIRE_OK(last);
    const rapidjson::Value& offSale = (*last.data("goods"))[0];
    BOOST_CHECK_EQUAL(offSale["status"].GetInt64(), 0);  // still listed, shown off sale
    BOOST_CHECK_EQUAL(offSale["picList"].Size(), 2u);
    BOOST_CHECK_EQUAL(offSale["basic"][0]["key"].GetString(), std::string("颜色"));
    BOOST_CHECK_EQUAL(offSale["price"].GetDouble(), 1.0);
    MMX_CHECK_FAILS_WITH(callGet(w.user, "/shop/favorite!list", {{"limit", "51"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(callGet(w.user, "/shop/favorite!list", {{"offset", "-1"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(no_more_favourites_than_the_cap_also_from_eight_phones_at_once) {
    World w;
    const long long shop = w.shop(), now = api::nowMillis();
    const int room = 4;
    for (int i = 0; i < cap() - room; ++i) {
        MMX_REQUIRE_OK(
            call(w.user, "/shop/goods!concern", {{"gid", api::id(insertGoods(shop, 100, now))}}));
    }
    std::vector<long long> racing;
    for (int i = 0; i < 8; ++i) racing.push_back(insertGoods(shop, 100, now));
    std::vector<std::string> codes(8);
    std::vector<std::function<void()>> tasks;
    for (int i = 0; i < 8; ++i) {
        tasks.emplace_back([&, i] {
            codes[i] =
                callFromThread(w.user, "/shop/goods!concern", {{"gid", api::id(racing[i])}}).code();
        });
    }
    api::runTogether(std::move(tasks));
    int kept = 0, refused = 0;
    for (const auto& code : codes) {
        kept += code == "OK";
        refused += code == "CONFLICT";
    }
    BOOST_CHECK_EQUAL(kept, room);
    BOOST_CHECK_EQUAL(refused, 8 - room);
    BOOST_CHECK_EQUAL(favouritesOf(w.user).size(), static_cast<std::size_t>(cap()));
    // A repeat of one already kept is still fine at the cap.
    const long long keptOne = *favouritesOf(w.user).begin();
    MMX_CHECK_OK(call(w.user, "/shop/goods!concern", {{"gid", api::id(keptOne)}}));
}
