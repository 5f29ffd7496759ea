#pragma once

// What the shop suites share: there is no manager API yet, so a test writes its own
// city, shops, goods and activities with SQL (the name keys with the server's own
// function, as the code that writes shops does), and reads them back through nginx.

#include <unistd.h>

#include <atomic>
#include <cmath>
#include <ctime>
#include <string>
#include <vector>

#include "api_test.hpp"
#include "core/shop_search_keys.hpp"

namespace shoptest {

inline api::Response call(const api::TestUser& u, const std::string& route,
                          const api::Params& params = {}) {
    return api::http().post(route, params, api::authHeaders(u.session));
}

inline api::Response callGet(const api::TestUser& u, const std::string& route,
                             const api::Params& params = {}) {
    return api::http().get(route, params, api::authHeaders(u.session));
}

// An id no other test process hands out: the shop tables are written with explicit ids
// so that a test knows them without reading them back. Each process takes 10,000 ids
// from its start second and pid; they stay below 2^53 (for decades), so the ids the
// tables hand out after them still read exactly as JavaScript numbers in the console.
inline long long uniqueId() {
    static std::atomic<long long> counter{0};
    static const long long base =
        (api::nowMillis() / 1000 - 1'700'000'000LL) * 10'000'000LL + (getpid() % 1000) * 10'000LL;
    return base + counter++;
}

inline std::string uniqueName(const std::string& prefix) {
    return prefix + std::to_string(uniqueId());
}

inline long long idOfNamed(const api::Response& r, const char* list, const std::string& name,
                           const char* childList = nullptr) {
    const rapidjson::Value* items = r.data(list);
    BOOST_REQUIRE_MESSAGE(items != nullptr && items->IsArray(), r.describe());
    for (const auto& item : items->GetArray()) {
        if (item["name"].GetString() == name) return item["id"].GetInt64();
        if (childList != nullptr && item.HasMember(childList)) {
            for (const auto& child : item[childList].GetArray()) {
                if (child["name"].GetString() == name) return child["id"].GetInt64();
            }
        }
    }
    BOOST_FAIL("no " << name << " in " << r.body.substr(0, 300));
    return 0;
}

// A new city of its own, so that no other test's shops appear in its lists.
inline long long newCity(const api::TestUser& u) {
    const std::string name = uniqueName("测试城");
    api::runSql("INSERT INTO city (name, sort) VALUES ('" + name + "', 1000);");
    return idOfNamed(callGet(u, "/shop/city!list"), "cityList", name);
}

struct Category {
    long long parent = 0;
    long long child = 0;
};

inline Category newCategory(const api::TestUser& u) {
    const std::string parent = uniqueName("大类"), child = uniqueName("小类");
    api::runSql(
        "INSERT INTO shop_category (name, pic) VALUES ('" + parent +
        "', 'http://x/p.png'); INSERT INTO shop_category (parent_id, name, pic) SELECT id, '" +
        child + "', 'http://x/c.png' FROM shop_category WHERE name = '" + parent + "';");
    const api::Response r = callGet(u, "/shop/category!list");
    return {idOfNamed(r, "categoryList", parent), idOfNamed(r, "categoryList", child, "child")};
}

inline std::string number(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.7f", value);
    return text;
}

struct ShopSpec {
    long long city = 0;
    long long category = 0;
    std::string name;
    double longitude = 0, latitude = 0;
    long long fans = 0;
};

inline std::string shopSql(const ShopSpec& s, long long id) {
    std::string sql =
        "INSERT INTO shop (id, city_id, category_id, name, pics, location, fans,"
        " created_at) VALUES (" +
        std::to_string(id) + ", " + std::to_string(s.city) + ", " + std::to_string(s.category) +
        ", '" + s.name + "', '[\"http://x/" + std::to_string(id) + ".jpg\"]', POINT(" +
        number(s.longitude) + ", " + number(s.latitude) + "), " + std::to_string(s.fans) + ", 0);";
    for (const auto& key : mmx::shopNameKeys(s.name)) {
        sql += "INSERT INTO shop_name_key (city_id, name_key, shop_id) VALUES (" +
               std::to_string(s.city) + ", '" + key + "', " + std::to_string(id) + ");";
    }
    return sql;
}

// Inserts the shops and their name keys in one go; returns their ids.
inline std::vector<long long> insertShops(const std::vector<ShopSpec>& specs) {
    std::vector<long long> ids;
    std::string sql;
    for (const auto& spec : specs) {
        ids.push_back(uniqueId());
        sql += shopSql(spec, ids.back());
    }
    api::runSql(sql);
    return ids;
}

inline long long insertShop(const ShopSpec& spec) {
    return insertShops({spec}).front();
}

// Metres on MariaDB's sphere (ST_Distance_Sphere: radius 6370986 m), computed here.
inline double metresBetween(double lon1, double lat1, double lon2, double lat2) {
    const double rad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    const double h = std::pow(std::sin(dLat / 2), 2) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::pow(std::sin(dLon / 2), 2);
    return 2 * 6370986.0 * std::asin(std::sqrt(h));
}

inline std::vector<long long> idsOf(const api::Response& r, const char* list = "shopList") {
    std::vector<long long> ids;
    const rapidjson::Value* items = r.data(list);
    BOOST_REQUIRE_MESSAGE(items != nullptr && items->IsArray(), r.describe());
    for (const auto& item : items->GetArray()) ids.push_back(item["id"].GetInt64());
    return ids;
}

// The China calendar date `days` from now, YYYY-MM-DD.
inline std::string chinaDate(int days) {
    const std::time_t t =
        static_cast<std::time_t>(api::nowMillis() / 1000 + 8 * 3600 + days * 86400);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &tm);
    return text;
}

}  // namespace shoptest
