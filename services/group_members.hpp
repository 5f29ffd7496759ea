#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/group_repository.hpp"
#include "services/services.hpp"

// Memberships: listing, adding, removing, roles, quitting, and one's settings in a group.
// Each change takes the group's row first, then members, then the chat's rows.
namespace mmx::services {

struct MemberPage {
    std::int64_t memberCount = 0;
    std::vector<db::MemberCard> members;  // owner, admins, then members by join time
};

// For members only; NOT_FOUND, FORBIDDEN.
MemberPage groupMembers(Services& services, std::int64_t reader, std::int64_t groupId,
                        std::int64_t offset, std::int64_t count);

struct AddedMembers {
    std::vector<std::int64_t> added;
    std::vector<std::int64_t> alreadyMembers;
    std::vector<std::int64_t> unknown;  // ids of no user
    std::int64_t memberCount = 0;       // after the change
};

// Adds the users of `ids` who exist and are not members yet, in one transaction; a user
// coming back finds the group's chat line read up to now. NOT_FOUND, FORBIDDEN, CONFLICT
// past the group's cap.
AddedMembers addGroupMembers(Services& services, std::int64_t actor, std::int64_t groupId,
                             const std::vector<std::int64_t>& ids);

struct RemovedMembers {
    std::vector<std::int64_t> removed;
    std::vector<std::int64_t> notMembers;
    std::int64_t memberCount = 0;  // after the change
};

// Every target is judged before anything changes: one that `actor` may not remove
// refuses the whole list (FORBIDDEN). NOT_FOUND for the group.
RemovedMembers removeGroupMembers(Services& services, std::int64_t actor, std::int64_t groupId,
                                  const std::vector<std::int64_t>& ids);

// Makes `memberId` an admin, or a plain member again. For the owner; NOT_FOUND, FORBIDDEN.
void setGroupAdmin(Services& services, std::int64_t actor, std::int64_t groupId,
                   std::int64_t memberId, bool admin);

// The owner hands the group to a member and stays as an admin. BAD_PARAM for oneself;
// NOT_FOUND, FORBIDDEN.
void transferGroup(Services& services, std::int64_t actor, std::int64_t groupId,
                   std::int64_t memberId);

// CONFLICT for the owner (who transfers first); FORBIDDEN for a non-member.
void quitGroup(Services& services, std::int64_t actor, std::int64_t groupId);

// nullopt leaves a setting as it is.
struct MemberSettings {
    std::optional<std::string> showName;
    std::optional<int> messageRemainMode;  // 1 receive and notify, 2 receive silently
};

// `target`'s settings in the group: one's own, or, as the rules allow, another member's
// show name. NOT_FOUND, FORBIDDEN.
void setGroupSettings(Services& services, std::int64_t actor, std::int64_t groupId,
                      std::int64_t target, const MemberSettings& settings);

}  // namespace mmx::services
