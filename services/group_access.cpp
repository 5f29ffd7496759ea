#include "services/group_access.hpp"

#include <string>

#include "core/api_error.hpp"

namespace mmx::services {

db::GroupRecord requireGroup(db::GroupRepository& groups, std::int64_t groupId, bool lock) {
    auto group = lock ? groups.lock(groupId) : groups.find(groupId);
    if (!group) throw ApiError(ErrorCode::NotFound, "群组不存在");
    return *group;
}

GroupActor actorIn(db::GroupRepository& groups, std::int64_t groupId, std::int64_t userId) {
    return GroupActor{groups.siteRoleOf(userId), groups.roleOf(groupId, userId)};
}

void requireAllowed(GroupActor actor, GroupAction action, std::string_view info, GroupRole target) {
    if (!groupActionAllowed(actor, action, target)) {
        throw ApiError(ErrorCode::Forbidden, std::string(info));
    }
}

}  // namespace mmx::services
