// Translation only: every rule is the services' (the same the /shop/fans!…, /shop/favorite!…
// and /user/friend!… routes call); no SQL and no repository here.

#include "core/api_error.hpp"
#include "core/collection_rules.hpp"
#include "dialects/userapi/common.hpp"
#include "dialects/userapi/shop_parts.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "services/collections.hpp"
#include "services/shop_json.hpp"

namespace mmx::dialects::userapi::shops {
namespace {

constexpr Names kShopNames = {"sid", "shopID"};
constexpr Names kGoodsNames = {"gid", "goodsID"};
constexpr Names kUserNames = {"uid", "userID"};
constexpr std::size_t kMaxInfoIds = 100;
constexpr PageLimits kFriendPage{10, 50};
constexpr std::int64_t kFavoritePageMax = 50;
constexpr std::int64_t kFavoritePageDefault = 10;
constexpr std::int64_t kMaxOffset = 1000000;

Response diffAnswer(const IdDiff& diff, const char* added, const char* removed) {
    return ok([&](JsonObject root) {
        root.array(added).addAll(diff.added);
        root.array(removed).addAll(diff.removed);
    });
}

void setCount(JsonObject& object, std::string_view key, const std::optional<std::int64_t>& count) {
    if (count) {
        object.set(key, *count);
    } else {
        object.setNull(key);
    }
}

}  // namespace

Response concernShop(Services& services, const Request& request) {
    services::concernShop(services, request.actor().userId, requireId(request, kShopNames));
    return ok();
}

Response unconcernShop(Services& services, const Request& request) {
    services::unconcernShop(services, request.actor().userId, requireId(request, kShopNames));
    return ok();
}

Response concernGoods(Services& services, const Request& request) {
    services::concernGoods(services, request.actor().userId, requireId(request, kGoodsNames));
    return ok();
}

Response unconcernGoods(Services& services, const Request& request) {
    services::unconcernGoods(services, request.actor().userId, requireId(request, kGoodsNames));
    return ok();
}

Response fansDiff(Services& services, const Request& request) {
    const auto held =
        readIds(request, {"shopIDs"}, static_cast<std::size_t>(services.config.maxFanShops));
    return diffAnswer(services::diffFanShops(services, request.actor().userId, held), "addShopIDs",
                      "delShopIDs");
}

Response fansInfo(Services& services, const Request& request) {
    const auto shops = services::fanShopsInfo(services, request.actor().userId,
                                              requireIds(request, kShopNames, kMaxInfoIds));
    return ok([&](JsonObject root) {
        JsonArray list = root.array("shopList");
        for (const auto& shop : shops) {
            list.addObject()
                .set("id", shop.shopId)
                .set("name", shop.name)
                .set("pic", shop.pic)
                .set("time", shop.since)
                .set("msgEnable", shop.messages ? kMessagesOn : kMessagesOff);
        }
    });
}

Response fansNews(Services& services, const Request& request) {
    const auto shops = services::shopNews(services, requireIds(request, kShopNames, kMaxInfoIds));
    return ok([&](JsonObject root) {
        JsonArray list = root.array("shopList");
        for (const auto& shop : shops) {
            list.addObject()
                .set("id", shop.shopId)
                .set("hasAct", shop.hasActivity ? 1 : 0)
                .set("hasNew", shop.hasNewGoods ? 1 : 0);
        }
    });
}

Response favoriteDiff(Services& services, const Request& request) {
    const auto held =
        readIds(request, {"goodsIDs"}, static_cast<std::size_t>(services.config.maxFavoriteGoods));
    return diffAnswer(services::diffFavorites(services, request.actor().userId, held),
                      "addGoodsIDs", "delGoodsIDs");
}

Response favoriteInfo(Services& services, const Request& request) {
    const auto goods = services::favoritesInfo(services, request.actor().userId,
                                               requireIds(request, kGoodsNames, kMaxInfoIds));
    return ok([&](JsonObject root) {
        JsonArray list = root.array("goodsList");
        for (const auto& item : goods) {
            JsonObject object = list.addObject();
            object.set("gid", item.id).set("sid", item.shopId).set("desp", item.desp);
            shop::setYuan(object, "price", item.price);
            shop::setPromot(object, "promot", item.promot);
            object.set("pic", shop::firstPicture(item.pics));
        }
    });
}

// `shopID` -1 is every fan shop; `msgEnable` 0 off, 2 on (the notes), 1 on as well.
Response messageSetting(Services& services, const Request& request) {
    const auto setting = readers::readFanMessages(request, {"shopID", "sid"}, phoneMessageSwitch);
    services::setFanMessages(services, request.actor().userId, setting.shopId, setting.on);
    return ok();
}

// Mine without `uid`; a friend's counts as that friend's switches show them (null: hidden).
Response counts(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto shown =
        services::collectionCounts(services, me, optionalId(request, kUserNames).value_or(me));
    return ok([&](JsonObject root) {
        JsonObject counts = root.object("ffvCount");
        setCount(counts, "fans", shown.fans);
        setCount(counts, "favorite", shown.favorites);
        setCount(counts, "visited", shown.visited);
    });
}

Response friendFavorites(Services& services, const Request& request) {
    const std::int64_t friendId = requireId(request, kUserNames);
    const Page page = readPage(request, kFriendPage);
    const auto goods = services::friendFavorites(services, request.actor().userId, friendId,
                                                 page.offset, page.count);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("goodsList");
        for (const auto& item : goods) {
            JsonObject object = list.addObject();
            object.set("id", item.id).set("desc", item.desp);
            shop::setYuan(object, "price", item.price);
            shop::setPromot(object, "promot", item.promot);
            object.set("pic", shop::firstPicture(item.pics));
        }
    });
}

Response friendFans(Services& services, const Request& request) {
    const std::int64_t friendId = requireId(request, kUserNames);
    const Page page = readPage(request, kFriendPage);
    const auto shops = services::friendFanShops(services, request.actor().userId, friendId,
                                                page.offset, page.count);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("shopList");
        for (const auto& shop : shops) {
            list.addObject()
                .set("id", shop.shopId)
                .set("name", shop.name)
                .set("hasAct", shop.hasActivity ? 1 : 0)
                .set("hasNew", shop.hasNewGoods ? 1 : 0)
                .set("pic", shop.pic);
        }
    });
}

Response friendVisits(Services& services, const Request& request) {
    const std::int64_t friendId = requireId(request, kUserNames);
    const Page page = readPage(request, kFriendPage);
    const auto visits =
        services::friendVisits(services, request.actor().userId, friendId, page.offset, page.count);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("shopList");
        for (const auto& visit : visits) {
            list.addObject()
                .set("id", visit.shopId)
                .set("name", visit.name)
                .set("pic", visit.pic)
                .set("time", visit.visitedAt);
        }
    });
}

// /userweb/{uid}/favorites: mine, or a friend's while that friend shows them; `offset` and
// `limit` (`count` too).
Response favorites(Services& services, const Request& request) {
    const std::int64_t owner = requireId(request, "uid");
    const std::int64_t offset = optionalInt(request, "offset", 0, kMaxOffset).value_or(0);
    const std::int64_t limit =
        optionalInt(request, nameIn(request, {"limit", "count"}), 1, kFavoritePageMax)
            .value_or(kFavoritePageDefault);
    const auto page =
        services::userFavorites(services, request.actor().userId, owner, offset, limit);
    return ok([&](JsonObject root) {
        root.set("total_num", page.total);
        JsonArray list = root.array("goods");
        for (const auto& item : page.goods) shop::writeGoodsDetail(list.addObject(), item);
    });
}

}  // namespace mmx::dialects::userapi::shops
