#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "db/activity_repository.hpp"
#include "db/goods_repository.hpp"
#include "db/shop_repository.hpp"
#include "db/visit_repository.hpp"
#include "services/services.hpp"

namespace mmx::services {

// The use cases of shop discovery: what a phone reads of cities, categories, shops,
// goods and activities, and a user's presence in shops and visits to them. Refusals are
// ApiError (NOT_FOUND for an unknown city, category, shop, goods or activity).

struct CategoryNode {
    db::Category category;
    std::vector<db::Category> children;
};

std::vector<db::City> cities(Services& services);
std::vector<CategoryNode> categoryTree(Services& services);
std::vector<db::RecommendedShop> recommendedShops(Services& services, std::int64_t cityId);

struct ShopListQuery {
    std::int64_t cityId = 0;
    std::int64_t categoryId = 0;   // 0: every category
    std::optional<GeoPoint> near;  // none: most fans first
    std::int64_t offset = 0;
    std::int64_t count = 10;
};
std::vector<db::ShopCard> listShops(Services& services, const ShopListQuery& query);
// `name`: a part of the name in Chinese, or pinyin (full or initials).
std::vector<db::ShopCard> searchShops(Services& services, const ShopListQuery& query,
                                      const std::string& name);

std::string shopName(Services& services, std::int64_t shopId);
db::ShopInfo shopInfo(Services& services, std::int64_t shopId, std::int64_t readerId);

void enterShop(Services& services, std::int64_t shopId, std::int64_t userId);
void exitShop(Services& services, std::int64_t shopId, std::int64_t userId);
// Users in the shop now; the asker, if in it, counts on for another timeout.
std::int64_t shopCustomers(Services& services, std::int64_t shopId, std::int64_t askerId);

std::vector<db::Goods> shopGoods(Services& services, std::int64_t shopId, std::int64_t offset,
                                 std::int64_t count);
db::Goods goodsById(Services& services, std::int64_t goodsId);
db::Goods goodsByBarcode(Services& services, const std::string& barcode);
std::vector<db::Goods> goodsByIds(Services& services, const std::vector<std::int64_t>& ids);
struct ShopGoods {
    std::int64_t shopId = 0;
    std::string shopName;
    std::vector<db::Goods> goods;
};
// Each known shop among `shopIds` with its newest `perShop` goods on sale.
std::vector<ShopGoods> goodsOfShops(Services& services, const std::vector<std::int64_t>& shopIds,
                                    std::int64_t perShop);
std::vector<db::Fit> goodsFits(Services& services, std::int64_t goodsId, std::int64_t offset,
                               std::int64_t count);
// The picture must be an upload of the user's own (its URL under MMX_PUBLIC_BASE_URL).
void addGoodsFit(Services& services, std::int64_t userId, std::int64_t goodsId,
                 const std::string& picUrl, const std::string& description);

// Activities valid today in China.
std::vector<db::Activity> shopActivities(Services& services, std::int64_t shopId);
std::vector<db::Activity> cityActivities(Services& services, std::int64_t cityId,
                                         std::int64_t offset, std::int64_t count);
db::Activity activityById(Services& services, std::int64_t activityId);

enum class VisitDirection { Older = 1, Newer = 2 };
// The user's shops by latest visit, from a cursor in epoch seconds: older ones newest
// first, or newer ones oldest first.
std::vector<db::Visit> myVisits(Services& services, std::int64_t userId, std::int64_t cursorSeconds,
                                VisitDirection direction, std::int64_t count);

}  // namespace mmx::services
