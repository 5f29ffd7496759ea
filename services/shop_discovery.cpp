// Cities, categories and shops: lists near a point or by fans, search by name, a shop's
// card, and who is in it now.
#include "services/shop_discovery.hpp"

#include <map>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/shop_search_keys.hpp"

namespace mmx::services {
namespace {

// A page near a point reads the shops inside a box around it, through the spatial index,
// starting small and doubling the radius until the page is full: the last box holds a
// few times the page whatever the density, so a page costs what lies near the caller,
// not what the city holds. Past the largest radius, the whole Earth.
constexpr double kFirstRadiusMeters = 200;
constexpr double kLargestRadiusMeters = 3'300'000;
constexpr double kWholeEarthMeters = 4.1e7;

// A name that at most this many shops of the city match is read through the name keys
// alone and sorted; a commoner one is filtered while walking outward from the caller.
constexpr std::int64_t kFewMatches = 200;

constexpr std::int64_t kRecommendedShops = 20;

[[noreturn]] void notFound(const char* info) {
    throw ApiError(ErrorCode::NotFound, info);
}

std::int64_t presentSince(const Services& services) {
    return nowMs() - services.config.presenceTimeoutSeconds * 1000LL;
}

void requireCity(db::ShopRepository& shops, std::int64_t cityId) {
    if (!shops.cityExists(cityId)) notFound("没有这个城市");
}

void requireShop(db::ShopRepository& shops, std::int64_t shopId) {
    if (!shops.exists(shopId)) notFound("没有这个商店");
}

std::vector<db::ShopCard> pageNear(Services& services, const db::ShopFilter& filter, GeoPoint near,
                                   std::int64_t offset, std::int64_t count) {
    db::ShopRepository shops(services.db);
    const std::int64_t since = presentSince(services);
    std::vector<db::ShopCard> page;
    for (double radius = kFirstRadiusMeters;; radius *= 2) {
        if (radius > kLargestRadiusMeters) radius = kWholeEarthMeters;
        page = shops.nearPage(filter, near.longitude, near.latitude,
                              boxWkt(boxAround(near, radius)), radius, offset, count, since);
        if (static_cast<std::int64_t>(page.size()) == count || radius == kWholeEarthMeters) break;
    }
    return page;
}

}  // namespace

std::vector<db::City> cities(Services& services) {
    return db::ShopRepository(services.db).cities();
}

std::vector<CategoryNode> categoryTree(Services& services) {
    std::vector<CategoryNode> tree;
    std::map<std::int64_t, std::size_t> topIndex;
    // Tops come first in the repository's order, then children by parent.
    for (auto& category : db::ShopRepository(services.db).categories()) {
        if (!category.parentId) {
            topIndex[category.id] = tree.size();
            tree.push_back({std::move(category), {}});
        } else if (const auto top = topIndex.find(*category.parentId); top != topIndex.end()) {
            tree[top->second].children.push_back(std::move(category));
        }
    }
    return tree;
}

std::vector<db::RecommendedShop> recommendedShops(Services& services, std::int64_t cityId) {
    db::ShopRepository shops(services.db);
    requireCity(shops, cityId);
    return shops.recommended(cityId, kRecommendedShops);
}

std::vector<db::ShopCard> listShops(Services& services, const ShopListQuery& query) {
    db::ShopRepository shops(services.db);
    requireCity(shops, query.cityId);
    if (query.categoryId != 0 && !shops.categoryExists(query.categoryId)) {
        notFound("没有这个分类");
    }
    const db::ShopFilter filter{query.cityId, query.categoryId, std::nullopt};
    if (query.near) return pageNear(services, filter, *query.near, query.offset, query.count);
    return shops.byFansPage(filter, query.offset, query.count, presentSince(services));
}

std::vector<db::ShopCard> searchShops(Services& services, const ShopListQuery& query,
                                      const std::string& name) {
    db::ShopRepository shops(services.db);
    requireCity(shops, query.cityId);
    const auto key = shopSearchKey(name);
    if (!key) throw ApiError(ErrorCode::BadParam, "参数 name 不能为空");
    const std::string pattern = likePrefixPattern(*key);
    const std::int64_t since = presentSince(services);
    if (shops.countNameMatches(query.cityId, pattern, kFewMatches + 1) <= kFewMatches) {
        std::optional<std::pair<double, double>> point;
        if (query.near) point = std::pair{query.near->longitude, query.near->latitude};
        return shops.fewMatchesPage(query.cityId, pattern, point, query.offset, query.count, since);
    }
    const db::ShopFilter filter{query.cityId, 0, pattern};
    if (query.near) return pageNear(services, filter, *query.near, query.offset, query.count);
    return shops.byFansPage(filter, query.offset, query.count, since);
}

std::string shopName(Services& services, std::int64_t shopId) {
    auto name = db::ShopRepository(services.db).name(shopId);
    if (!name) notFound("没有这个商店");
    return std::move(*name);
}

db::ShopInfo shopInfo(Services& services, std::int64_t shopId, std::int64_t readerId) {
    auto info = db::ShopRepository(services.db).info(shopId, readerId, presentSince(services));
    if (!info) notFound("没有这个商店");
    return std::move(*info);
}

void enterShop(Services& services, std::int64_t shopId, std::int64_t userId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::ShopRepository shops(services.db);
        requireShop(shops, shopId);
        const std::int64_t now = nowMs();
        db::VisitRepository visits(services.db);
        visits.markPresent(shopId, userId, now);
        visits.recordVisit(userId, shopId, now);
        transaction.commit();
    });
}

void exitShop(Services& services, std::int64_t shopId, std::int64_t userId) {
    db::ShopRepository shops(services.db);
    requireShop(shops, shopId);
    db::VisitRepository(services.db).leave(shopId, userId);
}

std::int64_t shopCustomers(Services& services, std::int64_t shopId, std::int64_t askerId) {
    db::ShopRepository shops(services.db);
    requireShop(shops, shopId);
    db::VisitRepository visits(services.db);
    const std::int64_t since = presentSince(services);
    // The phone asks every 3 minutes while inside: that is its heartbeat.
    visits.refreshPresence(shopId, askerId, since, nowMs());
    return visits.countPresent(shopId, since);
}

}  // namespace mmx::services
