#pragma once

#include <cstdint>
#include <string_view>

#include "core/group_rules.hpp"
#include "db/group_repository.hpp"

// What the group use cases share: the group, the actor's standing in it, and refusing.
// Who may do what is core/group_rules.hpp.
namespace mmx::services {

// The group, or NOT_FOUND. `lock` holds its row until the transaction ends.
db::GroupRecord requireGroup(db::GroupRepository& groups, std::int64_t groupId, bool lock);

// The user's site role and role in the group.
GroupActor actorIn(db::GroupRepository& groups, std::int64_t groupId, std::int64_t userId);

// FORBIDDEN with `info` unless allowed.
void requireAllowed(GroupActor actor, GroupAction action, std::string_view info,
                    GroupRole target = GroupRole::None);

}  // namespace mmx::services
