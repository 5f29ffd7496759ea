#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/catalog_repository.hpp"
#include "services/manager.hpp"

// Staff's writes of cities, categories, shops, goods and activities, each audited in its
// own transaction, into the tables the app's shop routes read. Refusals: NOT_FOUND for an
// unknown object, BAD_PARAM naming the parameter for an unknown city, category or shop
// referred to, CONFLICT for a taken name or an object that others still hang on.
namespace mmx::services {

db::JsonPage listCities(Services& services, std::int64_t offset, std::int64_t count);
std::string addCity(Services& services, const Staff& staff, const std::string& name,
                    std::int64_t sort);
std::string updateCity(Services& services, const Staff& staff, std::int64_t cityId,
                       const db::CityFields& fields);
// Refused (CONFLICT, data.shops) while shops are in the city.
void deleteCity(Services& services, const Staff& staff, std::int64_t cityId);

db::JsonPage listCategories(Services& services, std::optional<std::int64_t> parentId,
                            std::int64_t offset, std::int64_t count);
// Two levels: a parent must be a top category.
std::string addCategory(Services& services, const Staff& staff,
                        std::optional<std::int64_t> parentId, const std::string& name,
                        const std::string& pic, std::int64_t sort);
std::string updateCategory(Services& services, const Staff& staff, std::int64_t categoryId,
                           const db::CategoryFields& fields);
// Refused (CONFLICT) while it has children or shops.
void deleteCategory(Services& services, const Staff& staff, std::int64_t categoryId);

// What the staff's shop and activity lists filter by.
using ShopQuery = db::CatalogRepository::ShopQuery;
using ActivityQuery = db::CatalogRepository::ActivityQuery;

db::JsonPage listShops(Services& services, const ShopQuery& query, std::int64_t offset,
                       std::int64_t count);
std::string shopInfo(Services& services, std::int64_t shopId);
// A new shop needs city, category, name, long and lat.
std::string addShop(Services& services, const Staff& staff, const db::ShopFields& fields);
std::string updateShop(Services& services, const Staff& staff, std::int64_t shopId,
                       const db::ShopFields& fields);
// Refused (CONFLICT, data.fans/goods/activities) while anything hangs on the shop, unless
// `cascade`: then all of it goes with the shop in one transaction.
void deleteShop(Services& services, const Staff& staff, std::int64_t shopId, bool cascade);

db::JsonPage listGoods(Services& services, std::int64_t shopId, std::int64_t offset,
                       std::int64_t count);
std::string goodsInfo(Services& services, std::int64_t goodsId);
std::string addGoods(Services& services, const Staff& staff, std::int64_t shopId,
                     const db::GoodsFields& fields);
std::string updateGoods(Services& services, const Staff& staff, std::int64_t goodsId,
                        const db::GoodsFields& fields);
void deleteGoods(Services& services, const Staff& staff, std::int64_t goodsId);

db::JsonPage listActivities(Services& services, const ActivityQuery& query, std::int64_t offset,
                            std::int64_t count);
std::string addActivity(Services& services, const Staff& staff, std::int64_t shopId,
                        const db::ActivityFields& fields);
std::string updateActivity(Services& services, const Staff& staff, std::int64_t activityId,
                           const db::ActivityFields& fields);
void deleteActivity(Services& services, const Staff& staff, std::int64_t activityId);

// A picture for the catalog, decoded and encoded again, stored under /upload/shop/.
struct StoredPicture {
    std::string url;
    std::int64_t width = 0;
    std::int64_t height = 0;
    std::int64_t size = 0;
};
StoredPicture uploadCatalogPicture(Services& services, const Staff& staff,
                                   const std::string& bytes);
// The URLs, each a stored catalog picture (BAD_PARAM on `param` otherwise), as the JSON
// array the tables keep.
std::string requireCatalogPictures(const Services& services, const std::vector<std::string>& urls,
                                   std::string_view param);

}  // namespace mmx::services
