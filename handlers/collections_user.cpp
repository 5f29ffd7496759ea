// The counts of a user's collections, a friend's collections while that friend shows
// them, and my own switches: what friends see, and which fan shops may message me.

#include "core/api_error.hpp"
#include "handlers/collections.hpp"
#include "handlers/friend.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "services/collections.hpp"
#include "services/shop_json.hpp"

namespace mmx::collections {
namespace {

constexpr Names kUserNames = {"userId", "uid", "userID"};
constexpr Names kSetShopNames = {"shopID", "shopId", "sid"};
constexpr PageLimits kFriendPage{10, 50};

void writeSwitches(JsonObject object, const ShareSwitches& switches) {
    object.set("favoriteEnable", switches.favorites ? 1 : 0)
        .set("fansEnable", switches.fans ? 1 : 0)
        .set("visitEnable", switches.visits ? 1 : 0);
}

void setCount(JsonObject& object, std::string_view key, const std::optional<std::int64_t>& count) {
    if (count) {
        object.set(key, *count);
    } else {
        object.setNull(key);
    }
}

std::optional<bool> readSwitch(const Request& request, std::string_view name) {
    const auto value = optionalInt(request, name, 0, 1);
    if (!value) return std::nullopt;
    return *value == 1;
}

}  // namespace

Response counts(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t userId = optionalId(request, kUserNames).value_or(me);
    const auto shown = services::collectionCounts(services, me, userId);
    Response response("获取数量成功");
    JsonObject counts = response.data().object("ffvCount");
    setCount(counts, "fans", shown.fans);
    setCount(counts, "favorite", shown.favorites);
    setCount(counts, "visited", shown.visited);
    return response;
}

Response friendPrivacy(Services& services, const Request& request) {
    const auto switches = services::friendShareSwitches(services, request.actor().userId,
                                                        requireId(request, friends::kFriendNames));
    Response response("获取好友隐私设置成功");
    writeSwitches(response.data().object("setting"), switches);
    return response;
}

Response friendFavorites(Services& services, const Request& request) {
    const std::int64_t friendId = requireId(request, friends::kFriendNames);
    const Page page = readPage(request, kFriendPage);
    const auto goods = services::friendFavorites(services, request.actor().userId, friendId,
                                                 page.offset, page.count);
    Response response("获取好友收藏成功");
    JsonArray list = response.data().array("goodsList");
    for (const auto& item : goods) {
        JsonObject object = list.addObject();
        object.set("id", item.id).set("desc", item.desp).set("desp", item.desp);
        shop::setYuan(object, "price", item.price);
        shop::setPromot(object, "promot", item.promot);
        object.set("pic", shop::firstPicture(item.pics));
    }
    return response;
}

Response friendFans(Services& services, const Request& request) {
    const std::int64_t friendId = requireId(request, friends::kFriendNames);
    const Page page = readPage(request, kFriendPage);
    const auto shops = services::friendFanShops(services, request.actor().userId, friendId,
                                                page.offset, page.count);
    Response response("获取好友粉丝店成功");
    JsonArray list = response.data().array("shopList");
    for (const auto& shop : shops) {
        list.addObject()
            .set("id", shop.shopId)
            .set("name", shop.name)
            .set("hasAct", shop.hasActivity ? 1 : 0)
            .set("hasNew", shop.hasNewGoods ? 1 : 0)
            .set("pic", shop.pic);
    }
    return response;
}

Response friendVisits(Services& services, const Request& request) {
    const std::int64_t friendId = requireId(request, friends::kFriendNames);
    const Page page = readPage(request, kFriendPage);
    const auto visits =
        services::friendVisits(services, request.actor().userId, friendId, page.offset, page.count);
    Response response("获取好友逛店记录成功");
    JsonArray list = response.data().array("shopList");
    for (const auto& visit : visits) {
        list.addObject()
            .set("id", visit.shopId)
            .set("name", visit.name)
            .set("pic", visit.pic)
            .set("time", visit.visitedAt);
    }
    return response;
}

Response privacySetting(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    ShareSwitches switches;
    if (request.method == Method::Post) {
        switches = services::changeShareSwitches(
            services, me, readSwitch(request, "favoriteEnable"), readSwitch(request, "fansEnable"),
            readSwitch(request, "visitEnable"));
    } else {
        if (firstOf(request, {"favoriteEnable", "fansEnable", "visitEnable"})) {
            throwBadParam("修改设置请使用POST");
        }
        switches = services::shareSwitches(services, me);
    }
    Response response(request.method == Method::Post ? "设置成功" : "获取隐私设置成功");
    writeSwitches(response.data().object("setting"), switches);
    return response;
}

Response messageSetting(Services& services, const Request& request) {
    const auto setting = readers::readFanMessages(request, kSetShopNames, messageSwitch);
    services::setFanMessages(services, request.actor().userId, setting.shopId, setting.on);
    return Response("设置成功");
}

}  // namespace mmx::collections
