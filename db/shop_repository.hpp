#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

struct City {
    std::int64_t id = 0;
    std::string name;
};

struct Category {
    std::int64_t id = 0;
    std::optional<std::int64_t> parentId;
    std::string name;
    std::string pic;
};

struct RecommendedShop {
    std::int64_t id = 0;
    std::string name;
    std::string pic;
    std::string slogan;
};

// A shop in a list: `pics` is its JSON array of URLs; `meters` is set when the list was
// asked near a point.
struct ShopCard {
    std::int64_t id = 0;
    std::string name;
    std::string pics;
    std::optional<std::int64_t> meters;
    std::int64_t fans = 0;
    std::int64_t customers = 0;
};

struct ShopInfo {
    ShopCard card;
    bool isFan = false;
    std::string address;
    double longitude = 0;
    double latitude = 0;
    std::string hours;
    std::string phone;
    std::string intro;
};

// Which shops a list holds: a city, optionally a category (with its children) and a
// name key (core/shop_search_keys.hpp, as a LIKE prefix pattern).
struct ShopFilter {
    std::int64_t cityId = 0;
    std::int64_t categoryId = 0;  // 0: every category
    std::optional<std::string> namePattern;
};

// shop, city, shop_category, shop_name_key, shop_fan: what a phone reads of shops.
class ShopRepository {
  public:
    explicit ShopRepository(Connection& db) : db_(db) {}

    std::vector<City> cities();
    bool cityExists(std::int64_t cityId);
    std::vector<Category> categories();
    bool categoryExists(std::int64_t categoryId);
    std::vector<RecommendedShop> recommended(std::int64_t cityId, std::int64_t limit);

    // The page [offset, offset+count) of the shops of `filter` inside `boxWkt` and within
    // `radiusMeters` of (longitude, latitude), nearest first, ties by id. Complete for
    // that radius: a short page means fewer shops lie within it.
    std::vector<ShopCard> nearPage(const ShopFilter& filter, double longitude, double latitude,
                                   const std::string& boxWkt, double radiusMeters,
                                   std::int64_t offset, std::int64_t count,
                                   std::int64_t presentSince);
    // The page of the shops of `filter`, most fans first, ties by id (newest first).
    std::vector<ShopCard> byFansPage(const ShopFilter& filter, std::int64_t offset,
                                     std::int64_t count, std::int64_t presentSince);

    // How many shops of the city have a name key with this prefix, counting up to `cap`.
    std::int64_t countNameMatches(std::int64_t cityId, const std::string& namePattern,
                                  std::int64_t cap);
    // Every shop of the city matching the name key, as a page nearest first (a point) or
    // most fans first: for a name few shops match, read through the key index alone.
    std::vector<ShopCard> fewMatchesPage(std::int64_t cityId, const std::string& namePattern,
                                         std::optional<std::pair<double, double>> point,
                                         std::int64_t offset, std::int64_t count,
                                         std::int64_t presentSince);

    std::optional<std::string> name(std::int64_t shopId);
    std::optional<ShopInfo> info(std::int64_t shopId, std::int64_t readerId,
                                 std::int64_t presentSince);
    bool exists(std::int64_t shopId);

    // The name keys of a shop, written beside it (the loader and, later, the manager).
    void writeNameKeys(std::int64_t shopId, std::int64_t cityId,
                       const std::vector<std::string>& keys);

  private:
    Connection& db_;
};

}  // namespace mmx::db
