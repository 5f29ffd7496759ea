// Concern a shop (become its fan) or goods (a favourite), and the routes a phone keeps
// its local copy of both with.
#include "core/api_error.hpp"
#include "handlers/collections.hpp"
#include "handlers/params.hpp"
#include "services/collections.hpp"
#include "services/shop_json.hpp"

namespace mmx::collections {
namespace {

constexpr Names kShopNames = {"sid", "shopID", "shopId"};
constexpr Names kGoodsNames = {"gid", "goodsID", "goodsId"};
// Ids one info or news request names (like goods!promot).
constexpr std::size_t kMaxInfoIds = 100;
constexpr PageLimits kFavoritePage{10, 50};

}  // namespace

Response concernShop(Services& services, const Request& request) {
    services::concernShop(services, request.actor().userId, requireId(request, kShopNames));
    return Response("关注成功");
}

Response unconcernShop(Services& services, const Request& request) {
    services::unconcernShop(services, request.actor().userId, requireId(request, kShopNames));
    return Response("已取消关注");
}

Response concernGoods(Services& services, const Request& request) {
    services::concernGoods(services, request.actor().userId, requireId(request, kGoodsNames));
    return Response("收藏成功");
}

Response unconcernGoods(Services& services, const Request& request) {
    services::unconcernGoods(services, request.actor().userId, requireId(request, kGoodsNames));
    return Response("已取消收藏");
}

Response fansDiff(Services& services, const Request& request) {
    const auto held = readIds(request, {"shopIDs", "shopIds"},
                              static_cast<std::size_t>(services.config.maxFanShops));
    const IdDiff diff = services::diffFanShops(services, request.actor().userId, held);
    Response response("获取粉丝店差异成功");
    response.data().array("addShopIDs").addAll(diff.added);
    response.data().array("delShopIDs").addAll(diff.removed);
    return response;
}

Response fansInfo(Services& services, const Request& request) {
    const auto shops = services::fanShopsInfo(services, request.actor().userId,
                                              requireIds(request, kShopNames, kMaxInfoIds));
    Response response("获取粉丝店信息成功");
    JsonArray list = response.data().array("shopList");
    for (const auto& shop : shops) {
        list.addObject()
            .set("id", shop.shopId)
            .set("name", shop.name)
            .set("pic", shop.pic)
            .set("time", shop.since)
            .set("msgEnable", shop.messages ? kMessagesOn : kMessagesOff);
    }
    return response;
}

Response fansNews(Services& services, const Request& request) {
    const auto shops = services::shopNews(services, requireIds(request, kShopNames, kMaxInfoIds));
    Response response("获取商店动态成功");
    JsonArray list = response.data().array("shopList");
    for (const auto& shop : shops) {
        list.addObject()
            .set("id", shop.shopId)
            .set("hasAct", shop.hasActivity ? 1 : 0)
            .set("hasNew", shop.hasNewGoods ? 1 : 0);
    }
    return response;
}

Response favoriteDiff(Services& services, const Request& request) {
    const auto held = readIds(request, {"goodsIDs", "goodsIds"},
                              static_cast<std::size_t>(services.config.maxFavoriteGoods));
    const IdDiff diff = services::diffFavorites(services, request.actor().userId, held);
    Response response("获取收藏差异成功");
    response.data().array("addGoodsIDs").addAll(diff.added);
    response.data().array("delGoodsIDs").addAll(diff.removed);
    return response;
}

Response favoriteInfo(Services& services, const Request& request) {
    const auto goods = services::favoritesInfo(services, request.actor().userId,
                                               requireIds(request, kGoodsNames, kMaxInfoIds));
    Response response("获取收藏信息成功");
    JsonArray list = response.data().array("goodsList");
    for (const auto& item : goods) {
        JsonObject object = list.addObject();
        object.set("gid", item.id).set("sid", item.shopId).set("desp", item.desp);
        shop::setYuan(object, "price", item.price);
        shop::setPromot(object, "promot", item.promot);
        object.set("pic", shop::firstPicture(item.pics));
    }
    return response;
}

Response favoriteList(Services& services, const Request& request) {
    const std::int64_t offset = optionalInt(request, "offset", 0, 1000000).value_or(0);
    const std::int64_t limit =
        optionalInt(request, nameIn(request, {"limit", "count"}), 1, kFavoritePage.maxCount)
            .value_or(kFavoritePage.defaultCount);
    const auto page = services::myFavorites(services, request.actor().userId, offset, limit);
    Response response("获取收藏成功");
    JsonObject data = response.data();
    data.set("total_num", page.total);
    JsonArray list = data.array("goods");
    for (const auto& item : page.goods) shop::writeGoodsDetail(list.addObject(), item);
    return response;
}

}  // namespace mmx::collections
