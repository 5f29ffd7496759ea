// /chat/group!create, !update, !delete, !info, !mine: thin adapters over services/groups.
#include "handlers/group.hpp"

#include "handlers/group_common.hpp"
#include "handlers/params.hpp"
#include "services/groups.hpp"

namespace mmx::group {
namespace {

constexpr std::size_t kMaxNameChars = 30;

}  // namespace

Response create(Services& services, const Request& request) {
    const std::int64_t creator = request.actor().userId;
    // Creating is for site staff: anyone else is refused before the form is looked at.
    services::requireGroupCreator(services, creator);
    services::NewGroup group;
    group.name = requireText(request, "groupName", 1, kMaxNameChars);
    group.logo = readLogo(request);
    group.memberIds = readIds(request, kMemberNames, kMaxIdsPerRequest);
    const services::CreatedGroup created = services::createGroup(services, creator, group);

    Response response("创建群组成功");
    JsonObject data = response.data();
    data.set("groupId", created.groupId);
    data.set("groupName", group.name);
    data.set("logo", created.logo);
    data.array("added").addAll(created.added);
    data.array("unknownIds").addAll(created.unknown);
    data.set("memberCount", static_cast<std::int64_t>(created.added.size() + 1));
    return response;
}

Response update(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    const auto name = optionalNonEmptyText(request, "groupName", kMaxNameChars);
    const auto logo = readLogo(request);
    if (!name && !logo) throwBadParam("缺少参数 groupName 或 logo");
    services::updateGroup(services, request.actor().userId, groupId, name, logo);
    return Response("修改群组信息成功");
}

Response remove(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    services::deleteGroup(services, request.actor().userId, groupId);
    return Response("删除群组成功");
}

Response info(Services& services, const Request& request) {
    const std::int64_t groupId = requireId(request, "groupId");
    const services::GroupView view = services::groupInfo(services, request.actor().userId, groupId);

    Response response("获取群组信息成功");
    JsonObject data = response.data();
    data.set("groupId", view.group.id);
    data.set("groupName", view.group.name);
    data.set("logo", view.group.logo);
    data.set("ownerId", view.group.ownerId);
    data.set("memberCount", view.memberCount);
    data.set("maxMembers", view.group.maxMembers);
    data.set("createdAt", view.group.createdAt);
    data.set("myRole", groupRoleName(view.myRole));
    if (view.mine) {
        data.set("showName", view.mine->showName.value_or(""));
        data.set("messageRemainMode", view.mine->messageRemainMode);
    }
    return response;
}

Response mine(Services& services, const Request& request) {
    const auto [offset, count] = readPage(request, {50, 200});
    const services::MyGroups mine =
        services::myGroups(services, request.actor().userId, offset, count);

    Response response("获取我的群组成功");
    response.data().set("total", mine.total);
    JsonArray list = response.data().array("groups");
    for (const auto& summary : mine.groups) {
        JsonObject item = list.addObject();
        item.set("id", summary.id);
        item.set("name", summary.name);
        item.set("logo", summary.logo);
        item.set("type", "group");
        item.set("role", groupRoleName(summary.myRole));
        item.set("memberCount", summary.memberCount);
        item.set("messageRemainMode", summary.messageRemainMode);
        JsonArray friends = item.array("friend_list");
        const auto previews = mine.previews.find(summary.id);
        if (previews == mine.previews.end()) continue;
        for (const auto& member : previews->second) {
            friends.addObject()
                .set("id", member.userId)
                .set("name", member.name)
                .set("logo", member.logo);
        }
    }
    return response;
}

}  // namespace mmx::group
