// Goods: prices exact to the fen, newest first with isNew at 7 days, by barcode, by ids
// and by shops; try-on pictures; activities valid today in China, around a day boundary.
#define BOOST_TEST_MODULE api_shop_goods
#include "shop_helpers.hpp"

using namespace shoptest;

namespace {

struct Store {
    api::TestUser user = api::newUser();
    long long city = newCity(user);
    long long shop =
        insertShop({city, newCategory(user).child, uniqueName("货"), 113.26, 23.13, 0});
};

// Inserts one goods; returns its id.
long long insertGoods(long long shop, long long priceFen, const std::string& promotFen,
                      long long publishedAt, int status = 1, const std::string& barcode = "NULL") {
    const long long id = uniqueId();
    api::runSql(
        "INSERT INTO goods (id, shop_id, barcode, desp, price, promot, pics, basic, status,"
        " published_at) VALUES (" +
        std::to_string(id) + ", " + std::to_string(shop) + ", " + barcode + ", '描述" +
        std::to_string(id) + "', " + std::to_string(priceFen) + ", " + promotFen +
        ", '[\"http://x/g1.jpg\",\"http://x/g2.jpg\"]',"
        " '[{\"key\":\"款式\",\"value\":\"宽松\"}]', " +
        std::to_string(status) + ", " + std::to_string(publishedAt) + ");");
    return id;
}

// The text of `"key":value` as the body carries it: the check that no float crept in.
bool bodyHas(const api::Response& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
}

constexpr long long kDay = 86400000LL;

}  // namespace

BOOST_AUTO_TEST_CASE(prices_show_as_yuan_exact_to_the_fen) {
    Store s;
    const long long now = api::nowMillis();
    const struct {
        long long fen;
        const char* yuan;
    } cases[] = {{1280, "12.8"}, {9900, "99"}, {1, "0.01"}, {1999999, "19999.99"},
                 {10, "0.1"},    {30, "0.3"},  {700, "7"},  {123456789, "1234567.89"}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.fen) {
            const long long id = insertGoods(s.shop, c.fen, "1", now);
            const api::Response r =
                callGet(s.user, "/shop/goods!info", {{"gid", std::to_string(id)}});
            MMX_REQUIRE_OK(r);
            BOOST_CHECK_MESSAGE(bodyHas(r, std::string("\"price\":") + c.yuan + ","), r.body);
            BOOST_CHECK_MESSAGE(bodyHas(r, "\"promot\":0.01,"), r.body);
        }
    }
    const long long noPromotion = insertGoods(s.shop, 500, "NULL", now);
    const api::Response r =
        callGet(s.user, "/shop/goods!info", {{"gid", std::to_string(noPromotion)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((*r.data("info"))["promot"].IsNull());
    const rapidjson::Value& info = *r.data("info");
    BOOST_CHECK_EQUAL(info["shop_id"].GetInt64(), s.shop);
    BOOST_CHECK_EQUAL(info["picList"].Size(), 2u);
    BOOST_CHECK_EQUAL(info["basic"][0]["key"].GetString(), std::string("款式"));
    BOOST_CHECK_EQUAL(info["basic"][0]["value"].GetString(), std::string("宽松"));
    BOOST_CHECK_EQUAL(info["status"].GetInt64(), 1);
}

BOOST_AUTO_TEST_CASE(goods_come_newest_first_in_stable_pages_and_are_new_for_7_days) {
    Store s;
    const long long now = api::nowMillis();
    const long long fresh = insertGoods(s.shop, 100, "NULL", now - 7 * kDay + 60000);
    const long long stale = insertGoods(s.shop, 100, "NULL", now - 7 * kDay - 60000);
    const long long newest = insertGoods(s.shop, 100, "NULL", now - 1000);
    insertGoods(s.shop, 100, "NULL", now, 0);  // off sale: not listed
    std::vector<long long> tied;
    for (int i = 0; i < 3; ++i) tied.push_back(insertGoods(s.shop, 100, "NULL", now - 2 * kDay));
    const api::Response r =
        callGet(s.user, "/shop/goods!list", {{"sid", std::to_string(s.shop)}, {"count", "50"}});
    MMX_REQUIRE_OK(r);
    const auto ids = idsOf(r, "goodsList");
    const std::vector<long long> expected{newest, tied[2], tied[1], tied[0], fresh, stale};
    BOOST_CHECK(ids == expected);
    for (const auto& item : r.data("goodsList")->GetArray()) {
        const long long id = item["id"].GetInt64();
        BOOST_CHECK_EQUAL(item["isNew"].GetBool(), id != stale);
        BOOST_CHECK_EQUAL(item["pic"].GetString(), std::string("http://x/g1.jpg"));
    }
    std::vector<long long> paged;
    for (int offset = 0; offset < 6; offset += 4) {
        const auto page = idsOf(callGet(s.user, "/shop/goods!list",
                                        {{"sid", std::to_string(s.shop)},
                                         {"offset", std::to_string(offset)},
                                         {"count", "4"}}),
                                "goodsList");
        paged.insert(paged.end(), page.begin(), page.end());
    }
    BOOST_CHECK(paged == expected);
    MMX_CHECK_FAILS_WITH(
        callGet(s.user, "/shop/goods!list", {{"sid", std::to_string(s.shop)}, {"count", "51"}}),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(callGet(s.user, "/shop/goods!list", {{"sid", "9000000000000000000"}}),
                         "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(goods_are_found_by_barcode_on_sale_first) {
    Store s;
    const std::string barcode = "'BC" + std::to_string(uniqueId()) + "'";
    const long long now = api::nowMillis();
    const long long onSale = insertGoods(s.shop, 1280, "NULL", now - kDay, 1, barcode);
    insertGoods(s.shop, 1280, "NULL", now, 2, barcode);
    const api::Response r =
        callGet(s.user, "/shop/goods!info", {{"barcode", barcode.substr(1, barcode.size() - 2)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL((*r.data("info"))["id"].GetInt64(), onSale);
    MMX_CHECK_FAILS_WITH(callGet(s.user, "/shop/goods!info", {{"barcode", "NO-SUCH-CODE"}}),
                         "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(callGet(s.user, "/shop/goods!info", {{"gid", "9000000000000000000"}}),
                         "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(callGet(s.user, "/shop/goods!info"), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(goods_read_by_ids_and_by_shops_in_the_order_asked) {
    Store s;
    const long long now = api::nowMillis();
    const long long a = insertGoods(s.shop, 1000, "850", now - 2000);
    const long long b = insertGoods(s.shop, 2000, "NULL", now - 1000, 2);
    const api::Response promot = callGet(
        s.user, "/shop/goods!promot",
        {{"gid", std::to_string(b)}, {"gid", std::to_string(a)}, {"gid", "9000000000000000000"}});
    MMX_REQUIRE_OK(promot);
    const rapidjson::Value& list = *promot.data("goodsList");
    BOOST_REQUIRE_EQUAL(list.Size(), 2u);
    BOOST_CHECK_EQUAL(list[0]["gid"].GetInt64(), b);
    BOOST_CHECK(list[0]["promot"].IsNull());
    BOOST_CHECK_EQUAL(list[0]["status"].GetInt64(), 2);
    BOOST_CHECK(bodyHas(promot, "\"promot\":8.5,"));
    const api::Response latest = callGet(s.user, "/shop/goods!latest",
                                         {{"gid", std::to_string(a) + "," + std::to_string(b)}});
    MMX_REQUIRE_OK(latest);
    BOOST_CHECK((idsOf(latest, "goods") == std::vector<long long>{a, b}));
    const Store other;
    const long long c = insertGoods(other.shop, 300, "NULL", now);
    const api::Response byShops =
        callGet(s.user, "/shop/goods!byShops",
                {{"sid", std::to_string(other.shop)}, {"sid", std::to_string(s.shop)}});
    MMX_REQUIRE_OK(byShops);
    BOOST_CHECK_EQUAL(byShops.data("total_num")->GetInt64(), 2);
    const rapidjson::Value& shops = *byShops.data("shops");
    BOOST_CHECK_EQUAL(shops[0]["shop_id"].GetInt64(), other.shop);
    BOOST_CHECK_EQUAL(shops[0]["goods"][0]["id"].GetInt64(), c);
    BOOST_CHECK_EQUAL(shops[1]["goods"].Size(), 1u);  // b is off sale
    BOOST_CHECK_EQUAL(shops[1]["goods"][0]["id"].GetInt64(), a);
    MMX_CHECK_FAILS_WITH(callGet(s.user, "/shop/goods!promot"), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(try_on_pictures_take_only_the_callers_own_upload) {
    Store s;
    const long long goods = insertGoods(s.shop, 100, "NULL", api::nowMillis());
    const std::string url = api::stackEnv().baseUrl + "/upload/chat/202601/someone_else.jpg";
    MMX_CHECK_FAILS_WITH(
        call(s.user, "/shop/goods!addFit", {{"goodsID", std::to_string(goods)}, {"picURL", url}}),
        "BAD_PARAM");
    const std::string mine = "fit_" + std::to_string(uniqueId()) + ".jpg";
    api::runSql("INSERT INTO upload (name, owner_id, kind, created_at) VALUES ('chat/202601/" +
                mine + "', " + std::to_string(s.user.session.userId) + ", 'image', 0);");
    const std::string myUrl = api::stackEnv().baseUrl + "/upload/chat/202601/" + mine;
    MMX_CHECK_OK(
        call(s.user, "/shop/goods!addFit",
             {{"goodsID", std::to_string(goods)}, {"picURL", myUrl}, {"description", "合身"}}));
    const api::Response fits =
        callGet(s.user, "/shop/goods!fits", {{"gid", std::to_string(goods)}});
    MMX_REQUIRE_OK(fits);
    BOOST_REQUIRE_EQUAL(fits.data("picList")->Size(), 1u);
    BOOST_CHECK_EQUAL((*fits.data("picList"))[0].GetString(), myUrl);
    MMX_CHECK_FAILS_WITH(
        call(s.user, "/shop/goods!addFit", {{"goodsID", "9000000000000000000"}, {"picURL", myUrl}}),
        "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(activities_are_listed_while_valid_on_todays_china_date) {
    Store s;
    // Dates around today's China calendar day; computed again after the reads, so a
    // run across China's midnight is seen and retried rather than misjudged.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const std::string today = chinaDate(0), yesterday = chinaDate(-1), tomorrow = chinaDate(1);
        const long long base = uniqueId();
        const auto row = [&](long long id, const std::string& from, const std::string& to) {
            return "INSERT INTO activity (id, shop_id, city_id, title, content, begin_date,"
                   " end_date) VALUES (" +
                   std::to_string(id) + ", " + std::to_string(s.shop) + ", " +
                   std::to_string(s.city) + ", '活动', '内容', '" + from + "', '" + to + "');";
        };
        api::runSql("DELETE FROM activity WHERE shop_id = " + std::to_string(s.shop) + ";" +
                    row(base, yesterday, yesterday) + row(base + 1, yesterday, today) +
                    row(base + 2, today, today) + row(base + 3, today, tomorrow) +
                    row(base + 4, tomorrow, tomorrow));
        const api::Response byShop =
            callGet(s.user, "/shop/activity!byShop", {{"sid", std::to_string(s.shop)}});
        const api::Response byCity =
            callGet(s.user, "/shop/activity!byCity", {{"city", std::to_string(s.city)}});
        if (chinaDate(0) != today) continue;
        MMX_REQUIRE_OK(byShop);
        MMX_REQUIRE_OK(byCity);
        auto ids = idsOf(byShop, "actList");
        std::sort(ids.begin(), ids.end());
        BOOST_CHECK((ids == std::vector<long long>{base + 1, base + 2, base + 3}));
        std::vector<long long> cityIds;
        for (const auto& a : byCity.data("actList")->GetArray())
            cityIds.push_back(a["actID"].GetInt64());
        BOOST_CHECK((cityIds == std::vector<long long>{base + 3, base + 2, base + 1}));
        const rapidjson::Value& first = (*byCity.data("actList"))[0];
        BOOST_CHECK_EQUAL(first["bt"].GetString(), today);
        BOOST_CHECK_EQUAL(first["et"].GetString(), tomorrow);
        BOOST_CHECK_EQUAL(first["shopID"].GetInt64(), s.shop);
        const api::Response one =
            callGet(s.user, "/shop/activity!info", {{"actID", std::to_string(base + 4)}});
        MMX_REQUIRE_OK(one);
        BOOST_CHECK_EQUAL(one.data("actID")->GetInt64(), base + 4);
        BOOST_CHECK_EQUAL(one.data("bt")->GetString(), tomorrow);
        break;
    }
    MMX_CHECK_FAILS_WITH(callGet(s.user, "/shop/activity!info", {{"actID", "9000000000000000000"}}),
                         "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(callGet(s.user, "/shop/activity!byCity", {{"city", "4000000000"}}),
                         "NOT_FOUND");
}
