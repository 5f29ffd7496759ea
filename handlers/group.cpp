// Groups themselves: create, update, delete, info, and the chat list's groups.
#include "handlers/group.hpp"

#include <map>
#include <vector>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/group_repository.hpp"
#include "handlers/group_common.hpp"
#include "handlers/params.hpp"
#include "services/chat_membership.hpp"

namespace mmx::group {
namespace {

constexpr std::size_t kMaxNameChars = 30;
constexpr std::int64_t kPreviewMembers = 9;
constexpr std::string_view kNameTaken = "群名称已存在";

struct NewMembers {
    std::vector<std::int64_t> added;
    std::vector<std::int64_t> unknown;
};

// The users of `ids` that exist, added as plain members; the cap holds for the whole list.
NewMembers addInitialMembers(db::GroupRepository& groups, std::int64_t groupId,
                             const std::vector<std::int64_t>& ids, std::int64_t cap,
                             std::int64_t now) {
    NewMembers result;
    for (const std::int64_t id : ids) {
        (groups.userExists(id) ? result.added : result.unknown).push_back(id);
    }
    if (!withinMemberCap(1, static_cast<std::int64_t>(result.added.size()), cap)) {
        throw ApiError(ErrorCode::Conflict, "群成员不能超过" + std::to_string(cap) + "人");
    }
    for (const std::int64_t id : result.added)
        groups.addMember(groupId, id, GroupRole::Member, now);
    return result;
}

}  // namespace

Response create(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    db::GroupRepository groups(services.db);
    requireAllowed(GroupActor{groups.siteRoleOf(actor.userId), GroupRole::None},
                   GroupAction::Create, "只有站长、副站长或管理员可以创建群");
    const std::string name = requireText(request, "groupName", 1, kMaxNameChars);
    const auto sentLogo = readLogo(request);
    std::vector<std::int64_t> memberIds = readIds(request, "memberId", false);
    std::erase(memberIds, actor.userId);  // the creator joins as the owner
    const std::string logo = sentLogo ? *sentLogo : randomBuiltInLogo(services);
    const std::int64_t cap = services.config.groupMaxMembers;

    struct Created {
        std::int64_t groupId = 0;
        NewMembers members;
    };
    const Created created = db::withTransaction(services.db, [&](db::Transaction& transaction) {
        const std::int64_t now = nowMs();
        Created result;
        try {
            result.groupId = groups.create(name, logo, actor.userId, cap, now);
        } catch (const db::DuplicateKey&) {
            throw ApiError(ErrorCode::Conflict, std::string(kNameTaken));
        }
        groups.addMember(result.groupId, actor.userId, GroupRole::Owner, now);
        result.members = addInitialMembers(groups, result.groupId, memberIds, cap, now);
        transaction.commit();
        return result;
    });

    Response response("创建群组成功");
    JsonObject data = response.data();
    data.set("groupId", created.groupId);
    data.set("groupName", name);
    data.set("logo", logo);
    writeIds(data.array("added"), created.members.added);
    writeIds(data.array("unknownIds"), created.members.unknown);
    data.set("memberCount", static_cast<std::int64_t>(created.members.added.size() + 1));
    return response;
}

Response update(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    const auto name = optionalNonEmptyText(request, "groupName", kMaxNameChars);
    const auto logo = readLogo(request);
    if (!name && !logo) throwBadParam("缺少参数 groupName 或 logo");

    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        requireAllowed(actorIn(groups, groupId, actor.userId), GroupAction::Update,
                       "只有群主、群管理员或站点管理人员可以修改群资料");
        try {
            groups.update(groupId, name, logo);
        } catch (const db::DuplicateKey&) {
            throw ApiError(ErrorCode::Conflict, std::string(kNameTaken));
        }
        transaction.commit();
    });
    return Response("修改群组信息成功");
}

Response remove(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        requireAllowed(actorIn(groups, groupId, actor.userId), GroupAction::Delete,
                       "只有群主或站长可以删除群");
        // Members, then the chat (conversation, feed counters, chat lists), as a send
        // to the group takes them; then the group goes.
        services::closeGroupChat(services, groupId, groups.lockMembers(groupId));
        groups.remove(groupId);
        transaction.commit();
    });
    return Response("删除群组成功");
}

Response info(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    db::GroupRepository groups(services.db);
    const db::GroupRecord group = requireGroup(groups, groupId, false);
    const auto mine = groups.membership(groupId, actor.userId);
    const GroupRole role = mine ? mine->role : GroupRole::None;
    requireAllowed(GroupActor{groups.siteRoleOf(actor.userId), role}, GroupAction::ViewInfo,
                   "不是该群成员");

    Response response("获取群组信息成功");
    JsonObject data = response.data();
    data.set("groupId", group.id);
    data.set("groupName", group.name);
    data.set("logo", group.logo);
    data.set("ownerId", group.ownerId);
    data.set("memberCount", groups.memberCount(groupId));
    data.set("maxMembers", group.maxMembers);
    data.set("createdAt", group.createdAt);
    data.set("myRole", groupRoleName(role));
    if (mine) {
        data.set("showName", mine->showName.value_or(""));
        data.set("messageRemainMode", mine->messageRemainMode);
    }
    return response;
}

Response mine(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const auto [offset, count] = readPage(request, {50, 200});
    db::GroupRepository groups(services.db);
    const auto summaries = groups.groupsOf(actor.userId, offset, count);
    std::vector<std::int64_t> pageIds;
    for (const auto& summary : summaries) pageIds.push_back(summary.id);
    std::map<std::int64_t, std::vector<db::PreviewMember>> previews;
    for (auto& preview : groups.previewsFor(pageIds, kPreviewMembers)) {
        previews[preview.groupId].push_back(std::move(preview));
    }

    Response response("获取我的群组成功");
    response.data().set("total", groups.groupCountOf(actor.userId));
    JsonArray list = response.data().array("groups");
    for (const auto& summary : summaries) {
        JsonObject item = list.addObject();
        item.set("id", summary.id);
        item.set("name", summary.name);
        item.set("logo", summary.logo);
        item.set("type", "group");
        item.set("role", groupRoleName(summary.myRole));
        item.set("memberCount", summary.memberCount);
        item.set("messageRemainMode", summary.messageRemainMode);
        JsonArray friends = item.array("friend_list");
        for (const auto& member : previews[summary.id]) {
            friends.addObject()
                .set("id", member.userId)
                .set("name", member.name)
                .set("logo", member.logo);
        }
    }
    return response;
}

}  // namespace mmx::group
