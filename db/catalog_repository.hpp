#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "db/manager_repository.hpp"

// What staff write of cities, categories, shops, goods and activities: the very tables
// the app's shop routes read, so that what staff enter shows at once. Objects are read as
// JSON objects (JSON_OBJECT), the same text the answers show and the audit log keeps.
// Every lockX reads the row FOR UPDATE inside the caller's transaction.
namespace mmx::db {

// A field to write; nullopt leaves the column as it is.
template <typename T>
using Change = std::optional<T>;

struct CityFields {
    Change<std::string> name;
    Change<std::int64_t> sort;
};

struct CategoryFields {
    Change<std::string> name;
    Change<std::string> pic;
    Change<std::int64_t> sort;
};

struct ShopFields {
    Change<std::int64_t> cityId;
    Change<std::int64_t> categoryId;
    Change<std::string> name;
    Change<std::string> pics;  // JSON array of URLs
    Change<std::string> address;
    Change<double> longitude;  // with latitude
    Change<double> latitude;
    Change<std::string> hours;
    Change<std::string> phone;
    Change<std::string> intro;
    Change<std::string> recommendWord;
    Change<std::int64_t> recommendRank;
    bool clearRecommendRank = false;
};

struct GoodsFields {
    Change<std::string> desp;
    Change<std::int64_t> price;
    Change<std::int64_t> promot;
    bool clearPromot = false;
    Change<std::string> pics;   // JSON array of URLs
    Change<std::string> basic;  // JSON array of {"key","value"}
    Change<std::int64_t> status;
    Change<std::string> barcode;
    bool clearBarcode = false;
};

struct ActivityFields {
    Change<std::string> title;
    Change<std::string> content;
    Change<std::string> beginDate;  // YYYY-MM-DD
    Change<std::string> endDate;
};

// What hangs on a shop: a delete without cascade is refused while any is non-zero.
struct ShopDependents {
    std::int64_t fans = 0;
    std::int64_t goods = 0;
    std::int64_t activities = 0;
};

struct LockedShop {
    std::int64_t cityId = 0;
    std::string name;
    std::string json;
};

struct LockedActivity {
    std::string beginDate;  // YYYY-MM-DD
    std::string endDate;
    std::string json;
};

struct LockedCategory {
    std::optional<std::int64_t> parentId;
    std::string json;
};

class CatalogRepository {
  public:
    explicit CatalogRepository(Connection& db) : db_(db) {}

    JsonPage cities(std::int64_t offset, std::int64_t count);
    std::optional<std::string> lockCity(std::int64_t cityId);
    // Throw DuplicateKey when the name is taken.
    std::int64_t addCity(const std::string& name, std::int64_t sort);
    void updateCity(std::int64_t cityId, const CityFields& fields);
    std::int64_t shopsInCity(std::int64_t cityId);
    // Users who picked the city keep its name as text, not the reference.
    void deleteCity(std::int64_t cityId);

    JsonPage categories(std::optional<std::int64_t> parentId, std::int64_t offset,
                        std::int64_t count);
    std::optional<LockedCategory> lockCategory(std::int64_t categoryId);
    std::int64_t addCategory(std::optional<std::int64_t> parentId, const std::string& name,
                             const std::string& pic, std::int64_t sort);
    void updateCategory(std::int64_t categoryId, const CategoryFields& fields);
    // Its children and the shops filed under it.
    std::int64_t categoryDependents(std::int64_t categoryId);
    void deleteCategory(std::int64_t categoryId);

    struct ShopQuery {
        std::optional<std::int64_t> cityId;
        std::optional<std::int64_t> categoryId;
        std::optional<std::string> name;  // a part of the name
    };
    JsonPage shops(const ShopQuery& query, std::int64_t offset, std::int64_t count);
    std::optional<std::string> shopJson(std::int64_t shopId);
    std::optional<LockedShop> lockShop(std::int64_t shopId);
    std::int64_t addShop(const ShopFields& fields, std::int64_t now);
    void updateShop(std::int64_t shopId, const ShopFields& fields);
    // The name keys of a shop made again from its name (shop search reads them).
    void replaceNameKeys(std::int64_t shopId, std::int64_t cityId,
                         const std::vector<std::string>& keys);
    // An activity's city is its shop's.
    void moveActivities(std::int64_t shopId, std::int64_t cityId);
    ShopDependents shopDependents(std::int64_t shopId);
    // The shop and all that hangs on it (fans, goods, activities, presence, visits, keys).
    void deleteShop(std::int64_t shopId);

    JsonPage goods(std::int64_t shopId, std::int64_t offset, std::int64_t count);
    std::optional<std::string> goodsJson(std::int64_t goodsId);
    std::optional<std::string> lockGoods(std::int64_t goodsId);
    std::int64_t addGoods(std::int64_t shopId, const GoodsFields& fields, std::int64_t now);
    void updateGoods(std::int64_t goodsId, const GoodsFields& fields);
    void deleteGoods(std::int64_t goodsId);

    struct ActivityQuery {
        std::optional<std::int64_t> shopId;
        std::optional<std::int64_t> cityId;
    };
    JsonPage activities(const ActivityQuery& query, std::int64_t offset, std::int64_t count);
    std::optional<LockedActivity> lockActivity(std::int64_t activityId);
    std::int64_t addActivity(std::int64_t shopId, std::int64_t cityId,
                             const ActivityFields& fields);
    void updateActivity(std::int64_t activityId, const ActivityFields& fields);
    void deleteActivity(std::int64_t activityId);

  private:
    Connection& db_;
};

}  // namespace mmx::db
