// Cities, categories and shops: the first screen of the app, a shop's page, and who is
// in it now.
#include "core/api_error.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "handlers/shop.hpp"
#include "services/shop_discovery.hpp"
#include "services/shop_json.hpp"

namespace mmx::shop {
namespace {

Response shopList(const std::vector<db::ShopCard>& shops, const char* info) {
    Response response(info);
    JsonArray list = response.data().array("shopList");
    for (const auto& shop : shops) writeShopCard(list.addObject(), shop);
    return response;
}

}  // namespace

Response cityList(Services& services, const Request&) {
    Response response("获取城市列表成功");
    JsonArray list = response.data().array("cityList");
    for (const auto& city : services::cities(services)) {
        list.addObject().set("id", city.id).set("name", city.name);
    }
    return response;
}

Response categoryList(Services& services, const Request&) {
    Response response("获取分类成功");
    JsonArray list = response.data().array("categoryList");
    for (const auto& node : services::categoryTree(services)) {
        JsonObject top = list.addObject();
        top.set("id", node.category.id)
            .set("name", node.category.name)
            .set("pic", node.category.pic);
        JsonArray children = top.array("child");
        for (const auto& child : node.children) {
            children.addObject().set("id", child.id).set("name", child.name).set("pic", child.pic);
        }
    }
    return response;
}

Response recommend(Services& services, const Request& request) {
    const auto shops = services::recommendedShops(services, requireId(request, "city"));
    Response response("获取推荐商店成功");
    JsonArray list = response.data().array("shopList");
    for (const auto& shop : shops) {
        list.addObject()
            .set("id", shop.id)
            .set("name", shop.name)
            .set("pic", shop.pic)
            .set("dec", shop.slogan);
    }
    return response;
}

Response list(Services& services, const Request& request) {
    services::ShopListQuery query = readers::readShopListQuery(request);
    query.categoryId = optionalId(request, "category").value_or(0);
    return shopList(services::listShops(services, query), "获取商店列表成功");
}

Response search(Services& services, const Request& request) {
    const std::string name = requireText(request, "name", 1, 32);
    return shopList(services::searchShops(services, readers::readShopListQuery(request), name),
                    "搜索商店成功");
}

Response name(Services& services, const Request& request) {
    Response response("获取商店名称成功");
    response.data().set("shopName", services::shopName(services, requireId(request, "sid")));
    return response;
}

Response info(Services& services, const Request& request) {
    const auto shop =
        services::shopInfo(services, requireId(request, "sid"), request.actor().userId);
    Response response("获取商店信息成功");
    writeShopInfo(response.data().object("info"), shop);
    return response;
}

Response enter(Services& services, const Request& request) {
    services::enterShop(services, requireId(request, "sid"), request.actor().userId);
    return Response("已进入商店");
}

Response exit(Services& services, const Request& request) {
    services::exitShop(services, requireId(request, "sid"), request.actor().userId);
    return Response("已离开商店");
}

Response customers(Services& services, const Request& request) {
    const std::int64_t count =
        services::shopCustomers(services, requireId(request, "sid"), request.actor().userId);
    Response response("获取逛店人数成功");
    response.data().set("count", count);
    return response;
}

Response visitMine(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto direct = optionalInt(request, "direct", 1, 2).value_or(1);
    const auto direction =
        direct == 1 ? services::VisitDirection::Older : services::VisitDirection::Newer;
    constexpr std::int64_t kFarFuture = 4102444800;  // 2100-01-01, seconds
    const std::int64_t cursor =
        optionalInt(request, "time", 0, kFarFuture).value_or(direct == 1 ? kFarFuture : 0);
    const std::int64_t count = optionalInt(request, "count", 1, 50).value_or(10);
    Response response("获取逛过的店成功");
    JsonArray list = response.data().array("shopList");
    for (const auto& visit : services::myVisits(services, me, cursor, direction, count)) {
        list.addObject()
            .set("id", visit.shopId)
            .set("name", visit.shopName)
            .set("time", visit.visitedAt / 1000);
    }
    return response;
}

}  // namespace mmx::shop
