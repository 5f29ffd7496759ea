// Memberships: listing, adding, removing, roles, quitting, and seed 003's setingGroup.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/text.hpp"
#include "db/group_repository.hpp"
#include "handlers/group.hpp"
#include "handlers/group_common.hpp"
#include "handlers/params.hpp"
#include "services/chat_membership.hpp"
#include "services/group_access.hpp"

namespace mmx::group {

using services::actorIn;
using services::requireAllowed;
using services::requireGroup;

namespace {

constexpr std::string_view kNotAMember = "该用户不是群成员";

// The role of `userId` in the group, or NOT_FOUND when they are not in it.
GroupRole requireMemberRole(db::GroupRepository& groups, std::int64_t groupId,
                            std::int64_t userId) {
    const GroupRole role = groups.roleOf(groupId, userId);
    if (role == GroupRole::None) throw ApiError(ErrorCode::NotFound, std::string(kNotAMember));
    return role;
}

// seed 003: "1" receive and notify, "2" receive silently; empty leaves it as it is.
std::optional<int> readRemainMode(const Request& request) {
    const auto raw = request.param("messageRemainMode");
    if (!raw || trim(*raw).empty()) return std::nullopt;
    return static_cast<int>(*optionalInt(request, "messageRemainMode", 1, 2));
}

}  // namespace

Response members(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    const auto [offset, count] = readPage(request, {50, 200});
    db::GroupRepository groups(services.db);
    requireGroup(groups, groupId, false);
    requireAllowed(actorIn(groups, groupId, actor.userId), GroupAction::ListMembers,
                   "不是该群成员");

    Response response("获取群成员成功");
    JsonObject data = response.data();
    data.set("memberCount", groups.memberCount(groupId));
    JsonArray list = data.array("members");
    for (const auto& card : groups.members(groupId, offset, count)) {
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
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    const std::vector<std::int64_t> ids = readIds(request, "memberId", true);
    db::GroupRepository groups(services.db);

    std::vector<std::int64_t> added, alreadyMembers, unknown;
    std::int64_t memberCount = 0;
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        added.clear();
        alreadyMembers.clear();
        unknown.clear();
        const db::GroupRecord group = requireGroup(groups, groupId, true);
        requireAllowed(actorIn(groups, groupId, actor.userId), GroupAction::AddMembers,
                       "只有群主、群管理员或站点管理人员可以添加成员");
        for (const std::int64_t id : ids) {
            if (groups.roleOf(groupId, id) != GroupRole::None) {
                alreadyMembers.push_back(id);
            } else if (!groups.userExists(id)) {
                unknown.push_back(id);
            } else {
                added.push_back(id);
            }
        }
        memberCount = groups.memberCount(groupId);
        if (!withinMemberCap(memberCount, static_cast<std::int64_t>(added.size()),
                             group.maxMembers)) {
            throw ApiError(ErrorCode::Conflict,
                           "群成员不能超过" + std::to_string(group.maxMembers) + "人，当前已有" +
                               std::to_string(memberCount) + "人");
        }
        const std::int64_t now = nowMs();
        for (const std::int64_t id : added) groups.addMember(groupId, id, GroupRole::Member, now);
        // Someone coming back kept the group's chat line; what was sent while they
        // were out is not theirs to read (lock order: group row, members, then the
        // conversation, counters and lines).
        services::reopenGroupChat(services, groupId, added);
        transaction.commit();
        memberCount += static_cast<std::int64_t>(added.size());
    });

    Response response(added.empty() ? "没有新成员加入" : "添加群成员成功");
    JsonObject data = response.data();
    writeIds(data.array("added"), added);
    writeIds(data.array("alreadyMembers"), alreadyMembers);
    writeIds(data.array("unknownIds"), unknown);
    data.set("memberCount", memberCount);
    return response;
}

Response removeMembers(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    const std::vector<std::int64_t> ids = readIds(request, "memberId", true);
    db::GroupRepository groups(services.db);

    std::vector<std::int64_t> removed, notMembers;
    std::int64_t memberCount = 0;
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        removed.clear();
        notMembers.clear();
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor.userId);
        requireAllowed(who, GroupAction::RemoveMember, "无权移除群成员", GroupRole::Member);
        // Every target is judged before anything changes: one refusal fails the whole list.
        for (const std::int64_t id : ids) {
            const GroupRole target = groups.roleOf(groupId, id);
            if (target == GroupRole::None) {
                notMembers.push_back(id);
                continue;
            }
            if (!groupActionAllowed(who, GroupAction::RemoveMember, target)) {
                throw ApiError(ErrorCode::Forbidden,
                               target == GroupRole::Owner
                                   ? "不能移除群主，请先转让群"
                                   : "无权移除成员" + std::to_string(id) + "，没有成员被移除");
            }
            removed.push_back(id);
        }
        for (const std::int64_t id : removed) groups.removeMember(groupId, id);
        memberCount = groups.memberCount(groupId);
        transaction.commit();
    });

    Response response(removed.empty() ? "没有成员被移除" : "移除群成员成功");
    JsonObject data = response.data();
    writeIds(data.array("removed"), removed);
    writeIds(data.array("notMembers"), notMembers);
    data.set("memberCount", memberCount);
    return response;
}

Response setAdmin(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    const std::int64_t memberId = requireId(request, "memberId");
    const auto admin = optionalInt(request, "admin", 0, 1);
    if (!admin) throwBadParam("缺少参数 admin");
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor.userId);
        requireAllowed(who, GroupAction::SetAdmin, "只有群主可以设置管理员", GroupRole::Member);
        const GroupRole target = requireMemberRole(groups, groupId, memberId);
        requireAllowed(who, GroupAction::SetAdmin, "不能改变群主的身份", target);
        groups.setRole(groupId, memberId, *admin == 1 ? GroupRole::Admin : GroupRole::Member);
        transaction.commit();
    });
    return Response(*admin == 1 ? "设置管理员成功" : "取消管理员成功");
}

Response transfer(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    const std::int64_t memberId = requireId(request, "memberId");
    if (memberId == actor.userId) throwBadParam("参数 memberId 不能是自己");
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor.userId);
        requireAllowed(who, GroupAction::Transfer, "只有群主可以转让群", GroupRole::Member);
        const GroupRole target = requireMemberRole(groups, groupId, memberId);
        requireAllowed(who, GroupAction::Transfer, "不能转让给该成员", target);
        groups.setRole(groupId, actor.userId, GroupRole::Admin);
        groups.setRole(groupId, memberId, GroupRole::Owner);
        groups.setOwner(groupId, memberId);
        transaction.commit();
    });
    return Response("转让群成功");
}

Response quit(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupRole role = groups.roleOf(groupId, actor.userId);
        if (role == GroupRole::Owner) throw ApiError(ErrorCode::Conflict, "群主请先转让群再退出");
        requireAllowed(GroupActor{SiteRole::None, role}, GroupAction::Quit, "不是该群成员");
        groups.removeMember(groupId, actor.userId);
        transaction.commit();
    });
    return Response("退出群成功");
}

Response setingGroup(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t groupId = requireId(request, "groupId");
    const auto mode = readRemainMode(request);
    const auto showName = optionalNonEmptyText(request, "showName", 50);
    const std::int64_t targetId = optionalId(request, "memberId").value_or(actor.userId);
    if (!mode && !showName) throwBadParam("缺少参数 messageRemainMode 或 showName");

    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor.userId);
        requireAllowed(who, GroupAction::SetOwnSettings, "不是该群成员");
        if (targetId != actor.userId) {
            if (mode) {
                requireAllowed(who, GroupAction::SetOthersRemainMode, "只能设置自己的消息提醒方式",
                               GroupRole::Member);
            }
            const GroupRole target = requireMemberRole(groups, groupId, targetId);
            requireAllowed(who, GroupAction::SetOthersShowName, "无权设置该成员的群名片", target);
        }
        groups.updateSettings(groupId, targetId, showName, mode);
        transaction.commit();
    });
    return Response("群设置成功");
}

}  // namespace mmx::group
