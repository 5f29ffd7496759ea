#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/group_rules.hpp"
#include "db/group_repository.hpp"
#include "services/services.hpp"

// Groups themselves: create, update, delete, info, and the chat list's groups.
namespace mmx::services {

// FORBIDDEN unless the user's site role may create groups (site owner, admins).
void requireGroupCreator(Services& services, std::int64_t userId);

struct NewGroup {
    std::string name;
    std::optional<std::string> logo;      // nullopt: a built-in logo picked at random
    std::vector<std::int64_t> memberIds;  // the creator among them is left out
};

struct CreatedGroup {
    std::int64_t groupId = 0;
    std::string logo;
    std::vector<std::int64_t> added;    // besides the creator, who is the owner
    std::vector<std::int64_t> unknown;  // ids of no user
};

// Creates the group with its creator as owner and the users of `memberIds` that exist as
// members, in one transaction. FORBIDDEN as requireGroupCreator; CONFLICT when the name
// is taken or the members pass the cap (MMX_GROUP_MAX_MEMBERS).
CreatedGroup createGroup(Services& services, std::int64_t creator, NewGroup group);

// nullopt leaves a field as it is. NOT_FOUND, FORBIDDEN, CONFLICT for a taken name.
void updateGroup(Services& services, std::int64_t actor, std::int64_t groupId,
                 const std::optional<std::string>& name, const std::optional<std::string>& logo);

// The group, its members and its chat go, in one transaction. NOT_FOUND, FORBIDDEN.
void deleteGroup(Services& services, std::int64_t actor, std::int64_t groupId);

struct GroupView {
    db::GroupRecord group;
    std::int64_t memberCount = 0;
    GroupRole myRole = GroupRole::None;
    std::optional<db::Membership> mine;  // when the reader is a member
};

// For members and site staff; NOT_FOUND, FORBIDDEN.
GroupView groupInfo(Services& services, std::int64_t reader, std::int64_t groupId);

struct MyGroups {
    std::int64_t total = 0;
    std::vector<db::GroupSummary> groups;
    // The first members of each group of the page, by group id.
    std::map<std::int64_t, std::vector<db::PreviewMember>> previews;
};

// `count` of the user's groups after the first `offset`, by id.
MyGroups myGroups(Services& services, std::int64_t userId, std::int64_t offset, std::int64_t count);

}  // namespace mmx::services
