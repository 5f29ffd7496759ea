// Translation only: every rule is the services' (the same the /shop/goods!… routes call); no
// SQL and no repository here.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "dialects/userapi/common.hpp"
#include "dialects/userapi/shop_parts.hpp"
#include "handlers/params.hpp"
#include "services/shop_discovery.hpp"
#include "services/shop_json.hpp"

namespace mmx::dialects::userapi::shops {
namespace {

constexpr PageLimits kGoodsPage{10, 50};
constexpr std::size_t kMaxGoodsIds = 100;
constexpr std::size_t kMaxShopIds = 20;
constexpr std::int64_t kGoodsPerShop = 10;
constexpr std::size_t kMaxBarcodeChars = 32;
constexpr std::size_t kMaxPicUrlChars = 255;
constexpr std::size_t kMaxFitDescriptionChars = 200;

}  // namespace

Response goods(Services& services, const Request& request) {
    const std::int64_t shopId = requireId(request, "sid");
    const Page page = readPage(request, kGoodsPage);
    const auto items = services::shopGoods(services, shopId, page.offset, page.count);
    const std::int64_t now = nowMs();
    return ok([&](JsonObject root) {
        JsonArray list = root.array("goodsList");
        for (const auto& item : items) shop::writeGoodsCard(list.addObject(), item, now);
    });
}

// By `gid`, or by `barcode` when no gid is sent.
Response goodsInfo(Services& services, const Request& request) {
    const auto goodsId = optionalId(request, "gid");
    const auto barcode = optionalText(request, "barcode", kMaxBarcodeChars);
    if (!goodsId && (!barcode || barcode->empty())) throwBadParam("缺少参数 gid 或 barcode");
    const db::Goods item = goodsId ? services::goodsById(services, *goodsId)
                                   : services::goodsByBarcode(services, *barcode);
    return ok([&](JsonObject root) { shop::writeGoodsDetail(root.object("info"), item); });
}

Response fits(Services& services, const Request& request) {
    const std::int64_t goodsId = requireId(request, "gid");
    const Page page = readPage(request, kGoodsPage);
    const auto pictures = services::goodsFits(services, goodsId, page.offset, page.count);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("picList");
        for (const auto& fit : pictures) list.add(fit.picUrl);
    });
}

Response addFit(Services& services, const Request& request) {
    const std::int64_t goodsId = requireId(request, {"goodsID", "gid"});
    const std::string picUrl = requireText(request, "picURL", 1, kMaxPicUrlChars);
    const std::string description =
        optionalText(request, "description", kMaxFitDescriptionChars).value_or("");
    services::addGoodsFit(services, request.actor().userId, goodsId, picUrl, description);
    return ok();
}

// The notes list this path twice (the promotion price; then the price with the status of a
// favourite): one answer holds both.
Response promot(Services& services, const Request& request) {
    const auto items = services::goodsByIds(services, requireIds(request, {"gid"}, kMaxGoodsIds));
    return ok([&](JsonObject root) {
        JsonArray list = root.array("goodsList");
        for (const auto& item : items) {
            JsonObject object = list.addObject();
            object.set("gid", item.id);
            shop::setPromot(object, "promot", item.promot);
            object.set("status", item.status);
        }
    });
}

Response promotNews(Services& services, const Request& request) {
    const auto items = services::goodsByIds(services, requireIds(request, {"gid"}, kMaxGoodsIds));
    return ok([&](JsonObject root) {
        JsonArray list = root.array("goods");
        for (const auto& item : items) shop::writeGoodsDetail(list.addObject(), item);
    });
}

// /userweb/shopgoods/{sids}: "1,2,3" or "1, 2, 3" in the path.
Response shopGoods(Services& services, const Request& request) {
    const auto shops =
        services::goodsOfShops(services, requireIds(request, {"sids"}, kMaxShopIds), kGoodsPerShop);
    const std::int64_t now = nowMs();
    return ok([&](JsonObject root) {
        root.set("total_num", static_cast<std::int64_t>(shops.size()));
        JsonArray list = root.array("shops");
        for (const auto& one : shops) {
            JsonObject object = list.addObject();
            object.set("shop_id", one.shopId).set("shop_name", one.shopName);
            JsonArray items = object.array("goods");
            for (const auto& item : one.goods) shop::writeGoodsCard(items.addObject(), item, now);
        }
    });
}

}  // namespace mmx::dialects::userapi::shops
