// Goods of shops, customers' try-on pictures, and activities valid today.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "handlers/params.hpp"
#include "handlers/shop.hpp"
#include "services/shop_discovery.hpp"
#include "services/shop_json.hpp"

namespace mmx::shop {
namespace {

constexpr PageLimits kGoodsPage{10, 50};
constexpr std::size_t kMaxGoodsIds = 100;
constexpr std::size_t kMaxShopIds = 20;
constexpr std::int64_t kGoodsPerShop = 10;

}  // namespace

Response goodsList(Services& services, const Request& request) {
    const std::int64_t shopId = requireId(request, "sid");
    const Page page = readPage(request, kGoodsPage);
    const auto goods = services::shopGoods(services, shopId, page.offset, page.count);
    const std::int64_t now = nowMs();
    Response response("获取商品列表成功");
    JsonArray list = response.data().array("goodsList");
    for (const auto& item : goods) writeGoodsCard(list.addObject(), item, now);
    return response;
}

Response goodsInfo(Services& services, const Request& request) {
    const auto goodsId = optionalId(request, "gid");
    const auto barcode = optionalText(request, "barcode", 32);
    if (!goodsId && (!barcode || barcode->empty())) throwBadParam("缺少参数 gid 或 barcode");
    const db::Goods goods = goodsId ? services::goodsById(services, *goodsId)
                                    : services::goodsByBarcode(services, *barcode);
    Response response("获取商品信息成功");
    writeGoodsDetail(response.data().object("info"), goods);
    return response;
}

Response goodsFits(Services& services, const Request& request) {
    const std::int64_t goodsId = requireId(request, "gid");
    const Page page = readPage(request, kGoodsPage);
    Response response("获取试穿图片成功");
    JsonArray list = response.data().array("picList");
    for (const auto& fit : services::goodsFits(services, goodsId, page.offset, page.count)) {
        list.add(fit.picUrl);
    }
    return response;
}

Response goodsAddFit(Services& services, const Request& request) {
    const std::int64_t goodsId = requireId(request, "goodsID");
    const std::string picUrl = requireText(request, "picURL", 1, 255);
    const std::string description = optionalText(request, "description", 200).value_or("");
    services::addGoodsFit(services, request.actor().userId, goodsId, picUrl, description);
    return Response("已添加试穿图片");
}

Response goodsPromot(Services& services, const Request& request) {
    const auto goods = services::goodsByIds(services, requireIds(request, {"gid"}, kMaxGoodsIds));
    Response response("获取促销价成功");
    JsonArray list = response.data().array("goodsList");
    for (const auto& item : goods) {
        JsonObject object = list.addObject();
        object.set("gid", item.id);
        setPromot(object, "promot", item.promot);
        object.set("status", item.status);
    }
    return response;
}

Response goodsLatest(Services& services, const Request& request) {
    const auto goods = services::goodsByIds(services, requireIds(request, {"gid"}, kMaxGoodsIds));
    Response response("获取商品最新信息成功");
    JsonArray list = response.data().array("goods");
    for (const auto& item : goods) writeGoodsDetail(list.addObject(), item);
    return response;
}

Response goodsByShops(Services& services, const Request& request) {
    const auto shops =
        services::goodsOfShops(services, requireIds(request, {"sid"}, kMaxShopIds), kGoodsPerShop);
    const std::int64_t now = nowMs();
    Response response("获取商店商品成功");
    JsonObject data = response.data();
    data.set("total_num", static_cast<std::int64_t>(shops.size()));
    JsonArray list = data.array("shops");
    for (const auto& shop : shops) {
        JsonObject object = list.addObject();
        object.set("shop_id", shop.shopId).set("shop_name", shop.shopName);
        JsonArray goods = object.array("goods");
        for (const auto& item : shop.goods) writeGoodsCard(goods.addObject(), item, now);
    }
    return response;
}

Response activityByShop(Services& services, const Request& request) {
    const auto activities = services::shopActivities(services, requireId(request, "sid"));
    Response response("获取商店活动成功");
    JsonArray list = response.data().array("actList");
    for (const auto& activity : activities) writeShopActivity(list.addObject(), activity);
    return response;
}

Response activityByCity(Services& services, const Request& request) {
    const std::int64_t cityId = requireId(request, "city");
    const Page page = readPage(request, kGoodsPage);
    const auto activities = services::cityActivities(services, cityId, page.offset, page.count);
    Response response("获取活动成功");
    JsonArray list = response.data().array("actList");
    for (const auto& activity : activities) writeCityActivity(list.addObject(), activity);
    return response;
}

Response activityInfo(Services& services, const Request& request) {
    const auto activity = services::activityById(services, requireId(request, "actID"));
    Response response("获取活动详情成功");
    writeCityActivity(response.data(), activity);
    return response;
}

}  // namespace mmx::shop
