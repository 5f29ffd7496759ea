// /user/friend!delete, !updateRemark, !read, !list, !diff: thin adapters over
// services/friends.
#include "handlers/friend.hpp"
#include "handlers/params.hpp"
#include "handlers/user_vo.hpp"
#include "services/friends.hpp"

namespace mmx::friends {
namespace {

constexpr std::size_t kMaxRemark = 32;
constexpr std::size_t kMaxReadIds = 100;
// The A-Z list a page at a time, in the order the phone shows it.
constexpr PageLimits kFriendPage{500, 500};
// A phone holds at most the friend cap; the bound leaves room for stale ids.
constexpr std::size_t kMaxDiffIds = 10000;

void writeFriend(JsonObject item, const db::FriendEntry& entry) {
    item.set("frdID", entry.card.id)
        .set("rmkName", entry.remark.value_or(""))
        .set("nickName", entry.card.nickName)
        .set("mcode", entry.card.mcode)
        .set("portrait", entry.card.portrait)
        .set("city", entry.card.city);
}

}  // namespace

Response remove(Services& services, const Request& request) {
    const std::int64_t other = requireId(request, kFriendNames);
    services::unfriend(services, request.actor().userId, other);
    Response response("已删除好友");
    response.data().set("friendId", other);
    return response;
}

Response updateRemark(Services& services, const Request& request) {
    const std::int64_t other = requireId(request, kFriendNames);
    auto remark = optionalText(request, nameIn(request, kRemarkNames), kMaxRemark);
    if (!remark) throwBadParam("缺少参数 remark");
    if (remark->empty()) remark.reset();
    services::setFriendRemark(services, request.actor().userId, other, remark);
    Response response(remark ? "修改好友备注成功" : "已清除好友备注");
    response.data().set("friendId", other).set("rmkName", remark.value_or(""));
    return response;
}

Response read(Services& services, const Request& request) {
    const auto ids = readIds(request, kFriendNames, kMaxReadIds);
    if (ids.empty()) throwBadParam("缺少参数 friendId");
    const auto found = services::readFriends(services, request.actor().userId, ids);
    Response response("获取好友信息成功");
    JsonObject data = response.data();
    JsonArray all = data.array("frdList");
    for (const auto& [entry, profile] : found) {
        JsonObject item = all.addObject();
        writeFriend(item, entry);
        item.set("time", entry.since);
        writeUserVO(item.object("userVO"), profile, visibilityOf(Relation::Friend));
    }
    if (ids.size() == 1 && found.size() == 1) {  // one id: also answered as a single friend
        JsonObject single = data.object("friend");
        writeFriend(single, found.front().entry);
        single.set("time", found.front().entry.since);
        writeUserVO(data.object("userVO"), found.front().profile, visibilityOf(Relation::Friend));
    }
    return response;
}

Response list(Services& services, const Request& request) {
    const Page page = readPage(request, kFriendPage);
    const auto listed =
        services::friendsAtoZ(services, request.actor().userId, page.offset, page.count);
    Response response("获取好友列表成功");
    JsonObject data = response.data();
    data.set("total_num", listed.total);
    JsonObject groups = data.object("friends");
    const auto& friends = listed.friends;
    for (std::size_t i = 0; i < friends.size();) {
        const char initial = friends[i].initial;
        JsonArray group = groups.array(std::string_view(&initial, 1));
        for (; i < friends.size() && friends[i].initial == initial; ++i) {
            writeFriend(group.addObject(), friends[i].entry);
        }
    }
    return response;
}

Response diff(Services& services, const Request& request) {
    const auto held = readIds(request, {"frdIDs", "friendIds"}, kMaxDiffIds);
    const auto diff = services::diffFriends(services, request.actor().userId, held);
    Response response("获取好友差异成功");
    JsonObject data = response.data();
    data.array("addFrdIDs").addAll(diff.added);
    data.array("delFrdIDs").addAll(diff.removed);
    return response;
}

}  // namespace mmx::friends
