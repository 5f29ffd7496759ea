// Translation only: every rule is the services' (the same the /shop/… routes call); no SQL
// and no repository here.
#include "dialects/userapi/common.hpp"
#include "dialects/userapi/shop_parts.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "services/shop_discovery.hpp"
#include "services/shop_json.hpp"

namespace mmx::dialects::userapi {
namespace shops {
namespace {

constexpr PageLimits kActivityPage{10, 50};
constexpr std::int64_t kVisitPageMax = 50;
constexpr std::int64_t kVisitPageDefault = 10;
constexpr std::int64_t kFarFutureSeconds = 4102444800;  // 2100-01-01

Response shopList(const std::vector<db::ShopCard>& cards) {
    return ok([&](JsonObject root) {
        JsonArray list = root.array("shopList");
        for (const auto& card : cards) shop::writeShopCard(list.addObject(), card);
    });
}

}  // namespace

Response categories(Services& services, const Request&) {
    const auto tree = services::categoryTree(services);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("categoryList");
        for (const auto& node : tree) {
            JsonObject top = list.addObject();
            top.set("id", node.category.id)
                .set("name", node.category.name)
                .set("pic", node.category.pic);
            JsonArray children = top.array("child");
            for (const auto& child : node.children) {
                children.addObject()
                    .set("id", child.id)
                    .set("name", child.name)
                    .set("pic", child.pic);
            }
        }
    });
}

Response cities(Services& services, const Request&) {
    const auto all = services::cities(services);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("cityList");
        for (const auto& city : all) list.addObject().set("id", city.id).set("name", city.name);
    });
}

Response recommend(Services& services, const Request& request) {
    const auto shops = services::recommendedShops(services, requireId(request, "city"));
    return ok([&](JsonObject root) {
        JsonArray list = root.array("shopList");
        for (const auto& shop : shops) {
            list.addObject()
                .set("id", shop.id)
                .set("name", shop.name)
                .set("pic", shop.pic)
                .set("dec", shop.slogan);
        }
    });
}

Response list(Services& services, const Request& request) {
    services::ShopListQuery query = readers::readShopListQuery(request);
    query.categoryId = optionalId(request, "category").value_or(0);
    return shopList(services::listShops(services, query));
}

Response search(Services& services, const Request& request) {
    const std::string name = requireText(request, "name", 1, 32);
    return shopList(services::searchShops(services, readers::readShopListQuery(request), name));
}

Response name(Services& services, const Request& request) {
    const std::string shopName = services::shopName(services, requireId(request, "sid"));
    return ok([&](JsonObject root) { root.set("shopName", shopName); });
}

Response info(Services& services, const Request& request) {
    const auto shop =
        services::shopInfo(services, requireId(request, "sid"), request.actor().userId);
    return ok([&](JsonObject root) { shop::writeShopInfo(root.object("info"), shop); });
}

Response enter(Services& services, const Request& request) {
    services::enterShop(services, requireId(request, "sid"), request.actor().userId);
    return ok();
}

Response exit(Services& services, const Request& request) {
    services::exitShop(services, requireId(request, "sid"), request.actor().userId);
    return ok();
}

Response customers(Services& services, const Request& request) {
    const std::int64_t count =
        services::shopCustomers(services, requireId(request, "sid"), request.actor().userId);
    return ok([&](JsonObject root) { root.set("count", count); });
}

Response shopActivities(Services& services, const Request& request) {
    const auto activities = services::shopActivities(services, requireId(request, "sid"));
    return ok([&](JsonObject root) {
        JsonArray list = root.array("actList");
        for (const auto& activity : activities) shop::writeShopActivity(list.addObject(), activity);
    });
}

Response cityActivities(Services& services, const Request& request) {
    const std::int64_t cityId = requireId(request, "city");
    const Page page = readPage(request, kActivityPage);
    const auto activities = services::cityActivities(services, cityId, page.offset, page.count);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("actList");
        for (const auto& activity : activities) shop::writeCityActivity(list.addObject(), activity);
    });
}

// /userweb/activity/{actID}: the activity's fields at the top of the answer.
Response activity(Services& services, const Request& request) {
    const auto found = services::activityById(services, requireId(request, "actID"));
    return ok([&](JsonObject root) { shop::writeCityActivity(root, found); });
}

// `time` is the cursor in epoch seconds, `direct` 1 older (newest first) or 2 newer.
Response visits(Services& services, const Request& request) {
    const auto direct = optionalInt(request, "direct", 1, 2).value_or(1);
    const auto direction =
        direct == 1 ? services::VisitDirection::Older : services::VisitDirection::Newer;
    const std::int64_t cursor = optionalInt(request, "time", 0, kFarFutureSeconds)
                                    .value_or(direct == 1 ? kFarFutureSeconds : 0);
    const std::int64_t count =
        optionalInt(request, "count", 1, kVisitPageMax).value_or(kVisitPageDefault);
    const auto visited =
        services::myVisits(services, request.actor().userId, cursor, direction, count);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("shopList");
        for (const auto& visit : visited) {
            list.addObject()
                .set("id", visit.shopId)
                .set("name", visit.shopName)
                .set("time", visit.visitedAt / 1000);
        }
    });
}

}  // namespace shops

std::vector<DialectRoute> shopRoutes() {
    using enum DialectAccess;
    using namespace shops;
    // clang-format off
    return {
        {Method::Get,    "/user/category",             Headers, categories},
        {Method::Get,    "/user/city",                 Headers, cities},
        {Method::Get,    "/user/shop/recommend",       Headers, recommend},
        {Method::Get,    "/user/shop",                 Headers, list},
        {Method::Get,    "/user/shop/search",          Headers, search},
        {Method::Get,    "/user/shop/name",            Headers, name},
        {Method::Get,    "/user/shop/info",            Headers, info},
        {Method::Post,   "/user/shop/enter",           Headers, enter},
        {Method::Post,   "/user/shop/exit",            Headers, exit},
        {Method::Get,    "/user/shop/customer",        Headers, customers},
        {Method::Get,    "/user/shop/activity",        Headers, shopActivities},
        {Method::Get,    "/user/activity",             Headers, cityActivities},
        {Method::Get,    "/userweb/activity/{actID}",  Headers, activity},
        {Method::Get,    "/user/shop/visit",           Headers, visits},
        {Method::Get,    "/user/goods",                Headers, goods},
        {Method::Get,    "/user/goods/info",           Headers, goodsInfo},
        {Method::Get,    "/user/goods/fit",            Headers, fits},
        {Method::Put,    "/user/goods/fit",            Headers, addFit},
        {Method::Get,    "/user/goods/promot",         Headers, promot},
        {Method::Get,    "/user/goods/promot/news",    Headers, promotNews},
        {Method::Get,    "/userweb/shopgoods/{sids}",  Headers, shopGoods},
        {Method::Post,   "/user/shop/concern",         Headers, concernShop},
        {Method::Delete, "/user/shop/concern",         Headers, unconcernShop},
        {Method::Post,   "/user/goods/concern",        Headers, concernGoods},
        {Method::Delete, "/user/goods/concern",        Headers, unconcernGoods},
        {Method::Post,   "/user/fans/diff",            Headers, fansDiff},
        {Method::Get,    "/user/fans/info",            Headers, fansInfo},
        {Method::Get,    "/user/fans/news",            Headers, fansNews},
        {Method::Post,   "/user/favorite/diff",        Headers, favoriteDiff},
        {Method::Get,    "/user/favorite/info",        Headers, favoriteInfo},
        {Method::Post,   "/user/setting/message",      Headers, messageSetting},
        {Method::Get,    "/user/ffv/count",            Headers, counts},
        {Method::Get,    "/user/friend/favorite",      Headers, friendFavorites},
        {Method::Get,    "/user/friend/fans",          Headers, friendFans},
        {Method::Get,    "/user/friend/visit",         Headers, friendVisits},
        {Method::Get,    "/userweb/{uid}/favorites",   Headers, favorites},
    };
    // clang-format on
}

}  // namespace mmx::dialects::userapi
