#include "services/group_members.hpp"

#include <string>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "services/chat_membership.hpp"
#include "services/group_access.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kNotAMember = "该用户不是群成员";

// The role of `userId` in the group, or NOT_FOUND when they are not in it.
GroupRole requireMemberRole(db::GroupRepository& groups, std::int64_t groupId,
                            std::int64_t userId) {
    const GroupRole role = groups.roleOf(groupId, userId);
    if (role == GroupRole::None) throw ApiError(ErrorCode::NotFound, std::string(kNotAMember));
    return role;
}

}  // namespace

MemberPage groupMembers(Services& services, std::int64_t reader, std::int64_t groupId,
                        std::int64_t offset, std::int64_t count) {
    db::GroupRepository groups(services.db);
    requireGroup(groups, groupId, false);
    requireAllowed(actorIn(groups, groupId, reader), GroupAction::ListMembers, "不是该群成员");
    MemberPage page;
    page.memberCount = groups.memberCount(groupId);
    page.members = groups.members(groupId, offset, count);
    return page;
}

AddedMembers addGroupMembers(Services& services, std::int64_t actor, std::int64_t groupId,
                             const std::vector<std::int64_t>& ids) {
    db::GroupRepository groups(services.db);
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        AddedMembers result;
        const db::GroupRecord group = requireGroup(groups, groupId, true);
        requireAllowed(actorIn(groups, groupId, actor), GroupAction::AddMembers,
                       "只有群主、群管理员或站点管理人员可以添加成员");
        for (const db::Candidate& candidate : groups.candidates(groupId, ids)) {
            if (candidate.role != GroupRole::None) {
                result.alreadyMembers.push_back(candidate.userId);
            } else if (!candidate.exists) {
                result.unknown.push_back(candidate.userId);
            } else {
                result.added.push_back(candidate.userId);
            }
        }
        const std::int64_t memberCount = groups.memberCount(groupId);
        if (!withinMemberCap(memberCount, static_cast<std::int64_t>(result.added.size()),
                             group.maxMembers)) {
            throw ApiError(ErrorCode::Conflict,
                           "群成员不能超过" + std::to_string(group.maxMembers) + "人，当前已有" +
                               std::to_string(memberCount) + "人");
        }
        const std::int64_t now = nowMs();
        groups.addMembers(groupId, result.added, GroupRole::Member, now);
        // Someone coming back kept the group's chat line; what was sent while they
        // were out is not theirs to read (lock order: group row, members, then the
        // conversation, counters and lines).
        reopenGroupChat(services, groupId, result.added);
        transaction.commit();
        result.memberCount = memberCount + static_cast<std::int64_t>(result.added.size());
        return result;
    });
}

RemovedMembers removeGroupMembers(Services& services, std::int64_t actor, std::int64_t groupId,
                                  const std::vector<std::int64_t>& ids) {
    db::GroupRepository groups(services.db);
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        RemovedMembers result;
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor);
        requireAllowed(who, GroupAction::RemoveMember, "无权移除群成员", GroupRole::Member);
        for (const db::Candidate& candidate : groups.candidates(groupId, ids)) {
            const std::int64_t id = candidate.userId;
            const GroupRole target = candidate.role;
            if (target == GroupRole::None) {
                result.notMembers.push_back(id);
                continue;
            }
            if (!groupActionAllowed(who, GroupAction::RemoveMember, target)) {
                throw ApiError(ErrorCode::Forbidden,
                               target == GroupRole::Owner
                                   ? "不能移除群主，请先转让群"
                                   : "无权移除成员" + std::to_string(id) + "，没有成员被移除");
            }
            result.removed.push_back(id);
        }
        groups.removeMembers(groupId, result.removed);
        result.memberCount = groups.memberCount(groupId);
        transaction.commit();
        return result;
    });
}

void setGroupAdmin(Services& services, std::int64_t actor, std::int64_t groupId,
                   std::int64_t memberId, bool admin) {
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor);
        requireAllowed(who, GroupAction::SetAdmin, "只有群主可以设置管理员", GroupRole::Member);
        const GroupRole target = requireMemberRole(groups, groupId, memberId);
        requireAllowed(who, GroupAction::SetAdmin, "不能改变群主的身份", target);
        groups.setRole(groupId, memberId, admin ? GroupRole::Admin : GroupRole::Member);
        transaction.commit();
    });
}

void transferGroup(Services& services, std::int64_t actor, std::int64_t groupId,
                   std::int64_t memberId) {
    if (memberId == actor) throwBadParam("参数 memberId 不能是自己");
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor);
        requireAllowed(who, GroupAction::Transfer, "只有群主可以转让群", GroupRole::Member);
        const GroupRole target = requireMemberRole(groups, groupId, memberId);
        requireAllowed(who, GroupAction::Transfer, "不能转让给该成员", target);
        groups.setRole(groupId, actor, GroupRole::Admin);
        groups.setRole(groupId, memberId, GroupRole::Owner);
        groups.setOwner(groupId, memberId);
        transaction.commit();
    });
}

void quitGroup(Services& services, std::int64_t actor, std::int64_t groupId) {
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupRole role = groups.roleOf(groupId, actor);
        if (role == GroupRole::Owner) throw ApiError(ErrorCode::Conflict, "群主请先转让群再退出");
        requireAllowed(GroupActor{SiteRole::None, role}, GroupAction::Quit, "不是该群成员");
        groups.removeMember(groupId, actor);
        transaction.commit();
    });
}

void setGroupSettings(Services& services, std::int64_t actor, std::int64_t groupId,
                      std::int64_t target, const MemberSettings& settings) {
    db::GroupRepository groups(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        requireGroup(groups, groupId, true);
        const GroupActor who = actorIn(groups, groupId, actor);
        requireAllowed(who, GroupAction::SetOwnSettings, "不是该群成员");
        if (target != actor) {
            if (settings.messageRemainMode) {
                requireAllowed(who, GroupAction::SetOthersRemainMode, "只能设置自己的消息提醒方式",
                               GroupRole::Member);
            }
            const GroupRole role = requireMemberRole(groups, groupId, target);
            requireAllowed(who, GroupAction::SetOthersShowName, "无权设置该成员的群名片", role);
        }
        groups.updateSettings(groupId, target, settings.showName, settings.messageRemainMode);
        transaction.commit();
    });
}

}  // namespace mmx::services
