// Goods, customers' try-on pictures, activities valid today in China, and a user's
// visits to shops.
#include <map>

#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "core/china_time.hpp"
#include "core/clock.hpp"
#include "db/upload_repository.hpp"
#include "services/shop_discovery.hpp"

namespace mmx::services {
namespace {

[[noreturn]] void notFound(const char* info) {
    throw ApiError(ErrorCode::NotFound, info);
}

void requireShop(Services& services, std::int64_t shopId) {
    if (!db::ShopRepository(services.db).exists(shopId)) notFound("没有这个商店");
}

void requireGoods(db::GoodsRepository& goods, std::int64_t goodsId) {
    if (!goods.byId(goodsId)) notFound("没有这个商品");
}

}  // namespace

std::vector<db::Goods> shopGoods(Services& services, std::int64_t shopId, std::int64_t offset,
                                 std::int64_t count) {
    requireShop(services, shopId);
    return db::GoodsRepository(services.db).shopPage(shopId, offset, count);
}

db::Goods goodsById(Services& services, std::int64_t goodsId) {
    auto goods = db::GoodsRepository(services.db).byId(goodsId);
    if (!goods) notFound("没有这个商品");
    return std::move(*goods);
}

db::Goods goodsByBarcode(Services& services, const std::string& barcode) {
    auto goods = db::GoodsRepository(services.db).byBarcode(barcode);
    if (!goods) notFound("没有这个商品");
    return std::move(*goods);
}

std::vector<db::Goods> goodsByIds(Services& services, const std::vector<std::int64_t>& ids) {
    return db::GoodsRepository(services.db).byIds(ids);
}

std::vector<ShopGoods> goodsOfShops(Services& services, const std::vector<std::int64_t>& shopIds,
                                    std::int64_t perShop) {
    db::ShopRepository shops(services.db);
    std::vector<ShopGoods> result;
    std::map<std::int64_t, std::size_t> index;
    for (const std::int64_t id : shopIds) {
        auto name = shops.name(id);
        if (!name) continue;
        index[id] = result.size();
        result.push_back({id, std::move(*name), {}});
    }
    for (auto& goods : db::GoodsRepository(services.db).newestOfShops(shopIds, perShop)) {
        if (const auto at = index.find(goods.shopId); at != index.end()) {
            result[at->second].goods.push_back(std::move(goods));
        }
    }
    return result;
}

std::vector<db::Fit> goodsFits(Services& services, std::int64_t goodsId, std::int64_t offset,
                               std::int64_t count) {
    db::GoodsRepository goods(services.db);
    requireGoods(goods, goodsId);
    return goods.fitsPage(goodsId, offset, count);
}

void addGoodsFit(Services& services, std::int64_t userId, std::int64_t goodsId,
                 const std::string& picUrl, const std::string& description) {
    db::GoodsRepository goods(services.db);
    requireGoods(goods, goodsId);
    const auto path = chatMediaPath(picUrl, services.config.publicBaseUrl);
    // Someone else's file is refused like a file that is not there.
    if (!path || !isChatImageExtension(*path) ||
        db::UploadRepository(services.db).ownerOf("chat/" + *path) != userId) {
        throw ApiError(ErrorCode::BadParam, "参数 picURL 必须是你上传图片返回的地址");
    }
    goods.addFit(goodsId, userId, picUrl, description, nowMs());
}

std::vector<db::Activity> shopActivities(Services& services, std::int64_t shopId) {
    requireShop(services, shopId);
    return db::ActivityRepository(services.db).validOfShop(shopId, chinaDate(nowMs()));
}

std::vector<db::Activity> cityActivities(Services& services, std::int64_t cityId,
                                         std::int64_t offset, std::int64_t count) {
    if (!db::ShopRepository(services.db).cityExists(cityId)) notFound("没有这个城市");
    return db::ActivityRepository(services.db)
        .validInCity(cityId, chinaDate(nowMs()), offset, count);
}

db::Activity activityById(Services& services, std::int64_t activityId) {
    auto activity = db::ActivityRepository(services.db).byId(activityId);
    if (!activity) notFound("没有这个活动");
    return std::move(*activity);
}

std::vector<db::Visit> myVisits(Services& services, std::int64_t userId, std::int64_t cursorSeconds,
                                VisitDirection direction, std::int64_t count) {
    db::VisitRepository visits(services.db);
    if (direction == VisitDirection::Older) {
        return visits.visitsBefore(userId, cursorSeconds * 1000, count);
    }
    return visits.visitsFrom(userId, (cursorSeconds + 1) * 1000, count);
}

}  // namespace mmx::services
