// Shops near me: nearest first by distances this test computes itself, stable pages,
// filters by city and category, the list by fans, search by Chinese and pinyin, and
// refusals of bad coordinates, unknown ids and bad counts.
#define BOOST_TEST_MODULE api_shop_discovery
#include <map>
#include <random>

#include "shop_helpers.hpp"

using namespace shoptest;

namespace {

const std::string kList = "/shop/shop!list";
const std::string kSearch = "/shop/shop!search";

// Futian, Shenzhen.
constexpr double kLon = 114.0579, kLat = 22.5431;

api::Params near(long long city, int offset, int count) {
    return {{"city", std::to_string(city)},
            {"long", number(kLon)},
            {"lat", number(kLat)},
            {"offset", std::to_string(offset)},
            {"count", std::to_string(count)}};
}

struct Town {
    api::TestUser user = api::newUser();
    long long city = newCity(user);
    Category category = newCategory(user);
};

}  // namespace

BOOST_AUTO_TEST_CASE(shops_come_nearest_first_at_the_distance_the_test_computes) {
    Town town;
    std::mt19937 random(7);
    std::uniform_real_distribution<double> offset(-0.2, 0.2);  // about ±20 km
    std::map<long long, double> metres;
    for (int i = 0; i < 30; ++i) {
        const double lon = kLon + offset(random), lat = kLat + offset(random);
        const long long id =
            insertShop({town.city, town.category.child, uniqueName("店"), lon, lat, i});
        metres[id] = metresBetween(kLon, kLat, lon, lat);
    }
    const api::Response r = callGet(town.user, kList, near(town.city, 0, 50));
    MMX_REQUIRE_OK(r);
    const rapidjson::Value& shops = *r.data("shopList");
    BOOST_REQUIRE_EQUAL(shops.Size(), 30u);
    double previous = -1;
    for (const auto& shop : shops.GetArray()) {
        const double expected = metres.at(shop["id"].GetInt64());
        BOOST_CHECK_GE(expected + 0.5, previous);
        previous = expected;
        BOOST_CHECK_CLOSE_FRACTION(shop["distance"].GetDouble(), expected / 1000.0, 0.01);
        // Kilometres to two decimals, from whole metres: within 5.5 m of the exact figure.
        BOOST_CHECK_LE(std::fabs(shop["distance"].GetDouble() - expected / 1000.0), 0.0055 + 1e-9);
        BOOST_CHECK(shop["picList"].IsArray() && shop["picList"].Size() == 1);
        BOOST_CHECK_EQUAL(shop["customers"].GetInt64(), 0);
    }
}

BOOST_AUTO_TEST_CASE(pages_near_a_point_concatenated_equal_one_long_list_with_ties_by_id) {
    Town town;
    // Five shops share one spot, so only the id orders them.
    for (int i = 0; i < 23; ++i) {
        const double step = i < 5 ? 0.0 : 0.001 * i;
        insertShop({town.city, town.category.child, uniqueName("铺"), kLon + step, kLat, 0});
    }
    const std::vector<long long> whole = idsOf(callGet(town.user, kList, near(town.city, 0, 50)));
    BOOST_REQUIRE_EQUAL(whole.size(), 23u);
    std::vector<long long> paged;
    for (int offset = 0; offset < 30; offset += 7) {
        const auto page = idsOf(callGet(town.user, kList, near(town.city, offset, 7)));
        paged.insert(paged.end(), page.begin(), page.end());
    }
    BOOST_CHECK(paged == whole);
    BOOST_CHECK(std::is_sorted(whole.begin(), whole.begin() + 5));
}

BOOST_AUTO_TEST_CASE(without_a_point_shops_come_by_fans_and_pages_join_up) {
    Town town;
    std::map<long long, long long> fans;
    for (int i = 0; i < 12; ++i) {
        const long long id = insertShop(
            {town.city, town.category.child, uniqueName("粉"), kLon, kLat + 0.01 * i, i % 4});
        fans[id] = i % 4;
    }
    const api::Params all{{"city", std::to_string(town.city)}, {"count", "50"}};
    const api::Response r = callGet(town.user, kList, all);
    MMX_REQUIRE_OK(r);
    const auto whole = idsOf(r);
    BOOST_REQUIRE_EQUAL(whole.size(), 12u);
    for (std::size_t i = 1; i < whole.size(); ++i) {
        BOOST_CHECK(fans[whole[i - 1]] > fans[whole[i]] ||
                    (fans[whole[i - 1]] == fans[whole[i]] && whole[i - 1] > whole[i]));
    }
    BOOST_CHECK(!(*r.data("shopList"))[0].HasMember("distance"));
    std::vector<long long> paged;
    for (int offset = 0; offset < 12; offset += 5) {
        const auto page = idsOf(callGet(town.user, kList,
                                        {{"city", std::to_string(town.city)},
                                         {"offset", std::to_string(offset)},
                                         {"count", "5"}}));
        paged.insert(paged.end(), page.begin(), page.end());
    }
    BOOST_CHECK(paged == whole);
}

BOOST_AUTO_TEST_CASE(a_category_lists_its_own_shops_and_its_childrens) {
    Town town;
    const Category other = newCategory(town.user);
    const long long inChild =
        insertShop({town.city, town.category.child, uniqueName("子"), kLon, kLat, 0});
    const long long inParent =
        insertShop({town.city, town.category.parent, uniqueName("父"), kLon, kLat, 0});
    insertShop({town.city, other.child, uniqueName("别"), kLon, kLat, 0});
    auto params = near(town.city, 0, 50);
    params.push_back({"category", std::to_string(town.category.parent)});
    auto ids = idsOf(callGet(town.user, kList, params));
    std::sort(ids.begin(), ids.end());
    BOOST_CHECK((ids == std::vector<long long>{inChild, inParent}));
    params.back().second = std::to_string(town.category.child);
    BOOST_CHECK((idsOf(callGet(town.user, kList, params)) == std::vector<long long>{inChild}));
}

BOOST_AUTO_TEST_CASE(search_finds_a_chinese_substring_full_pinyin_and_initials_nearest_first) {
    Town town;
    const std::string tag = std::to_string(uniqueId());
    const long long farther =
        insertShop({town.city, town.category.child, "星巴克咖啡" + tag, kLon + 0.05, kLat, 0});
    const long long nearer =
        insertShop({town.city, town.category.child, "瑞幸咖啡" + tag, kLon + 0.01, kLat, 0});
    insertShop({town.city, town.category.child, "麦当劳" + tag, kLon, kLat, 0});
    const Town elsewhere;
    insertShop({elsewhere.city, elsewhere.category.child, "咖啡之家", kLon, kLat, 0});
    for (const std::string& name : {std::string("咖啡"), std::string("kafei"), std::string("KaFei"),
                                    std::string("kf"), std::string("ka fei")}) {
        BOOST_TEST_CONTEXT(name) {
            auto params = near(town.city, 0, 10);
            params.push_back({"name", name});
            const api::Response r = callGet(town.user, kSearch, params);
            MMX_REQUIRE_OK(r);
            BOOST_CHECK((idsOf(r) == std::vector<long long>{nearer, farther}));
        }
    }
    auto params = near(town.city, 0, 10);
    params.push_back({"name", "xbk"});
    BOOST_CHECK((idsOf(callGet(town.user, kSearch, params)) == std::vector<long long>{farther}));
    params.back().second = "巴克咖";
    BOOST_CHECK((idsOf(callGet(town.user, kSearch, params)) == std::vector<long long>{farther}));
    params.back().second = "不存在的店";
    BOOST_CHECK(idsOf(callGet(town.user, kSearch, params)).empty());
}

BOOST_AUTO_TEST_CASE(a_common_name_is_searched_nearest_first_with_stable_pages) {
    Town town;
    // More shops match than the key index is read for alone (200): the search walks
    // outward from the caller instead.
    std::vector<ShopSpec> specs;
    for (int i = 0; i < 210; ++i) {
        specs.push_back({town.city, town.category.child, "便利店" + std::to_string(i),
                         kLon + 0.0005 * (i % 30), kLat + 0.0005 * (i / 30), 0});
    }
    insertShops(specs);
    auto params = near(town.city, 0, 50);
    params.push_back({"name", "bld"});
    const auto whole = idsOf(callGet(town.user, kSearch, params));
    BOOST_REQUIRE_EQUAL(whole.size(), 50u);
    const auto listed = idsOf(callGet(town.user, kList, near(town.city, 0, 50)));
    BOOST_CHECK(whole == listed);
    std::vector<long long> paged;
    for (int offset = 0; offset < 50; offset += 10) {
        auto page = near(town.city, offset, 10);
        page.push_back({"name", "便利"});
        const auto ids = idsOf(callGet(town.user, kSearch, page));
        paged.insert(paged.end(), ids.begin(), ids.end());
    }
    BOOST_CHECK(paged == whole);
}

BOOST_AUTO_TEST_CASE(bad_coordinates_unknown_ids_and_bad_counts_are_refused) {
    Town town;
    const std::string city = std::to_string(town.city);
    const std::vector<api::Params> bad{
        {{"city", city}, {"long", "180.5"}, {"lat", "22"}},
        {{"city", city}, {"long", "114"}, {"lat", "-90.01"}},
        {{"city", city}, {"long", "114"}},
        {{"city", city}, {"long", "east"}, {"lat", "22"}},
        {{"city", city}, {"long", "nan"}, {"lat", "22"}},
        {{"city", city}, {"count", "0"}},
        {{"city", city}, {"count", "51"}},
        {{"city", city}, {"offset", "-1"}},
        {{"city", "abc"}},
        {},
    };
    for (const auto& params : bad) {
        BOOST_TEST_CONTEXT(api::http().formEncode(params)) {
            MMX_CHECK_FAILS_WITH(callGet(town.user, kList, params), "BAD_PARAM");
        }
    }
    MMX_CHECK_FAILS_WITH(callGet(town.user, kSearch, {{"city", city}, {"name", " "}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(callGet(town.user, kList, {{"city", "4000000000"}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(callGet(town.user, kList, {{"city", city}, {"category", "4000000000"}}),
                         "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(callGet(town.user, "/shop/shop!recommend", {{"city", "4000000000"}}),
                         "NOT_FOUND");
    for (const char* route : {"/shop/shop!info", "/shop/shop!name", "/shop/shop!customers"}) {
        MMX_CHECK_FAILS_WITH(callGet(town.user, route, {{"sid", "9000000000000000000"}}),
                             "NOT_FOUND");
    }
    MMX_CHECK_FAILS_WITH(call(town.user, "/shop/shop!enter", {{"sid", "9000000000000000000"}}),
                         "NOT_FOUND");
    MMX_CHECK_ANSWER(
        api::http().get(kList, {{"city", city}}, api::clientHeader(api::uniqueClient())), 200,
        "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_CASE(a_shops_card_name_and_the_recommended_brands_read_back) {
    Town town;
    const std::string name = uniqueName("名店");
    const long long id = insertShop({town.city, town.category.child, name, kLon, kLat, 3});
    api::runSql(
        "UPDATE shop SET address = '深南大道1号', hours = '10:00-22:00', phone = '0755-1',"
        " intro = '介绍', recommend_rank = 1, recommend_word = '好店' WHERE id = " +
        std::to_string(id) + ";");
    const api::Response info = callGet(town.user, "/shop/shop!info", {{"sid", std::to_string(id)}});
    MMX_REQUIRE_OK(info);
    const rapidjson::Value& shop = *info.data("info");
    BOOST_CHECK_EQUAL(shop["name"].GetString(), name);
    BOOST_CHECK_EQUAL(shop["address"].GetString(), std::string("深南大道1号"));
    BOOST_CHECK_CLOSE(shop["long"].GetDouble(), kLon, 1e-6);
    BOOST_CHECK_CLOSE(shop["lat"].GetDouble(), kLat, 1e-6);
    BOOST_CHECK_EQUAL(shop["fans"].GetInt64(), 3);
    BOOST_CHECK_EQUAL(shop["isFans"].GetBool(), false);
    api::runSql("INSERT INTO shop_fan (user_id, shop_id, created_at) VALUES (" +
                std::to_string(town.user.session.userId) + ", " + std::to_string(id) + ", 0);");
    BOOST_CHECK(callGet(town.user, "/shop/shop!info", {{"sid", std::to_string(id)}})
                    .data("info")
                    ->
                    operator[]("isFans")
                    .GetBool());
    const api::Response shopName =
        callGet(town.user, "/shop/shop!name", {{"sid", std::to_string(id)}});
    MMX_REQUIRE_OK(shopName);
    BOOST_CHECK_EQUAL(shopName.data("shopName")->GetString(), name);
    const api::Response recommended =
        callGet(town.user, "/shop/shop!recommend", {{"city", std::to_string(town.city)}});
    MMX_REQUIRE_OK(recommended);
    const rapidjson::Value& list = *recommended.data("shopList");
    BOOST_REQUIRE_EQUAL(list.Size(), 1u);
    BOOST_CHECK_EQUAL(list[0]["dec"].GetString(), std::string("好店"));
    BOOST_CHECK_EQUAL(list[0]["pic"].GetString(), "http://x/" + std::to_string(id) + ".jpg");
}
