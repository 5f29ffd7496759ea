#pragma once

#include <cstdint>
#include <vector>

#include "services/services.hpp"

// The chat side of group membership: what a group's delete or new members change in the
// chat lists and feeds. Called inside the group's own transaction, in its lock order
// (services/chat_delivery has the whole order).
namespace mmx::services {

// Inside the transaction that deletes a group, after its member rows are locked
// (ascending, `members`): the group's conversation leaves every chat list that
// holds it, former members' included, and each of those users and each member
// gets a `groupDeleted` sync item. The group's messages stay (phones keep them).
void closeGroupChat(Services& services, std::int64_t groupId, std::vector<std::int64_t> members);

// Inside the transaction that adds members to a group, after the group's row is
// locked and their member rows are written: a user in `added` who still has the
// group's line in their chat list (kept when they quit or were removed) finds it
// moved to the conversation's last seq, read, so unread counts only what reaches
// them from now on.
void reopenGroupChat(Services& services, std::int64_t groupId, std::vector<std::int64_t> added);

}  // namespace mmx::services
