// /chat/group!members, !addMembers, !removeMembers, !setAdmin, !transfer, !quit,
// !setingGroup: thin adapters over services/group_members.
#include "services/group_members.hpp"

#include "core/text.hpp"
#include "handlers/group.hpp"
#include "handlers/group_common.hpp"
#include "handlers/params.hpp"

namespace mmx::group {
namespace {

// "1" receive and notify, "2" receive silently; empty leaves it as it is.
std::optional<int> readRemainMode(const Request& request) {
    const auto raw = request.param("messageRemainMode");
    if (!raw || trim(*raw).empty()) return std::nullopt;
    return static_cast<int>(*optionalInt(request, "messageRemainMode", 1, 2));
}

}  // namespace

Response members(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    const auto [offset, count] = readPage(request, {50, 200});
    const services::MemberPage page =
        services::groupMembers(services, request.actor().userId, groupId, offset, count);

    Response response("获取群成员成功");
    JsonObject data = response.data();
    data.set("memberCount", page.memberCount);
    JsonArray list = data.array("members");
    for (const auto& card : page.members) {
        JsonObject item = list.addObject();
        item.set("userId", card.userId);
        item.set("nickName", card.nickName.value_or(""));
        item.set("userPhoto", card.userPhoto.value_or(""));
        item.set("sex", card.sex.value_or(""));
        item.set("signature", card.signature.value_or(""));
        item.set("role", groupRoleName(card.role));
        item.set("showName", card.showName.value_or(""));
        item.set("joinedAt", card.joinedAt);
    }
    return response;
}

Response addMembers(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    const std::vector<std::int64_t> ids = requireIds(request, kMemberNames, kMaxIdsPerRequest);
    const services::AddedMembers result =
        services::addGroupMembers(services, request.actor().userId, groupId, ids);

    Response response(result.added.empty() ? "没有新成员加入" : "添加群成员成功");
    JsonObject data = response.data();
    data.array("added").addAll(result.added);
    data.array("alreadyMembers").addAll(result.alreadyMembers);
    data.array("unknownIds").addAll(result.unknown);
    data.set("memberCount", result.memberCount);
    return response;
}

Response removeMembers(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    const std::vector<std::int64_t> ids = requireIds(request, kMemberNames, kMaxIdsPerRequest);
    const services::RemovedMembers result =
        services::removeGroupMembers(services, request.actor().userId, groupId, ids);

    Response response(result.removed.empty() ? "没有成员被移除" : "移除群成员成功");
    JsonObject data = response.data();
    data.array("removed").addAll(result.removed);
    data.array("notMembers").addAll(result.notMembers);
    data.set("memberCount", result.memberCount);
    return response;
}

Response setAdmin(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    const std::int64_t memberId = requireId(request, "memberId");
    const auto admin = optionalInt(request, "admin", 0, 1);
    if (!admin) throwBadParam("缺少参数 admin");
    services::setGroupAdmin(services, request.actor().userId, groupId, memberId, *admin == 1);
    return Response(*admin == 1 ? "设置管理员成功" : "取消管理员成功");
}

Response transfer(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    const std::int64_t memberId = requireId(request, "memberId");
    services::transferGroup(services, request.actor().userId, groupId, memberId);
    return Response("转让群成功");
}

Response quit(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    services::quitGroup(services, request.actor().userId, groupId);
    return Response("退出群成功");
}

Response setingGroup(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t groupId = requireId(request, "groupId");
    services::MemberSettings settings;
    settings.messageRemainMode = readRemainMode(request);
    settings.showName = optionalNonEmptyText(request, "showName", 50);
    const std::int64_t target = optionalId(request, "memberId").value_or(me);
    if (!settings.messageRemainMode && !settings.showName) {
        throwBadParam("缺少参数 messageRemainMode 或 showName");
    }
    services::setGroupSettings(services, me, groupId, target, settings);
    return Response("群设置成功");
}

}  // namespace mmx::group
