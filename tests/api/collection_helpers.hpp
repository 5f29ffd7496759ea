#pragma once

// What the fan, favourite and friend-view suites share: a city and shops of their own,
// goods and activities written with SQL (there is no manager API yet), calls made from
// several threads at once, and the ids of an answer's lists.

#include <set>

#include "helpers.hpp"
#include "shop_helpers.hpp"

namespace collectiontest {

using namespace shoptest;

constexpr long long kDayMs = 86400000LL;

struct World {
    api::TestUser user = api::newUser();
    long long city = newCity(user);
    long long category = newCategory(user).child;

    long long shop() const { return insertShop({city, category, uniqueName("粉店"), 113.9, 22.5}); }
};

// One goods of `shop`, published at `publishedAt` (epoch ms); returns its id.
inline long long insertGoods(long long shop, long long priceFen, long long publishedAt,
                             int status = 1, const std::string& promotFen = "NULL") {
    const long long id = uniqueId();
    api::runSql(
        "INSERT INTO goods (id, shop_id, desp, price, promot, pics, basic, status,"
        " published_at) VALUES (" +
        std::to_string(id) + ", " + std::to_string(shop) + ", '收藏品" + std::to_string(id) +
        "', " + std::to_string(priceFen) + ", " + promotFen +
        ", '[\"http://x/f1.jpg\",\"http://x/f2.jpg\"]', '[{\"key\":\"颜色\",\"value\":\"红\"}]', " +
        std::to_string(status) + ", " + std::to_string(publishedAt) + ");");
    return id;
}

// An activity of `shop` valid from `beginDays` to `endDays` from today (China dates).
inline void insertActivity(long long shop, long long city, int beginDays, int endDays) {
    api::runSql(
        "INSERT INTO activity (shop_id, city_id, title, content, begin_date, end_date)"
        " VALUES (" +
        std::to_string(shop) + ", " + std::to_string(city) + ", '活动', '内容', '" +
        chinaDate(beginDays) + "', '" + chinaDate(endDays) + "');");
}

// The numbers of data.<member>, an array, in order.
inline std::vector<long long> numbers(const api::Response& r, const char* member) {
    std::vector<long long> list;
    const rapidjson::Value* items = r.data(member);
    BOOST_REQUIRE_MESSAGE(items != nullptr && items->IsArray(), r.describe());
    for (const auto& item : items->GetArray()) list.push_back(item.GetInt64());
    return list;
}

// The `key` of each object of data.<member>, in order.
inline std::vector<long long> field(const api::Response& r, const char* member, const char* key) {
    std::vector<long long> list;
    const rapidjson::Value* items = r.data(member);
    BOOST_REQUIRE_MESSAGE(items != nullptr && items->IsArray(), r.describe());
    for (const auto& item : items->GetArray()) list.push_back(item[key].GetInt64());
    return list;
}

inline long long shopFans(const api::TestUser& u, long long shop) {
    const api::Response r = callGet(u, "/shop/shop!info", {{"sid", api::id(shop)}});
    MMX_REQUIRE_OK(r);
    return (*r.data("info"))["fans"].GetInt64();
}

// The shops `u` is a fan of, as the server holds them (a diff against an empty phone).
inline std::set<long long> fanShopsOf(const api::TestUser& u) {
    const api::Response r = call(u, "/shop/fans!diff");
    MMX_REQUIRE_OK(r);
    const auto ids = numbers(r, "addShopIDs");
    return {ids.begin(), ids.end()};
}

// A route called as `u` on a client of the thread's own (the shared one is not
// thread-safe).
inline api::Response callFromThread(const api::TestUser& u, const std::string& route,
                                    const api::Params& params) {
    api::HttpClient http(api::stackEnv().baseUrl);
    return http.post(route, params, api::authHeaders(u.session));
}

}  // namespace collectiontest
