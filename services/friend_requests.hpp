#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/friend_request_repository.hpp"
#include "services/services.hpp"

// Asking, accepting and refusing: how two users become friends.
namespace mmx::services {

// Whom an invitation names: by mobile or MMX code (a search, in effect) or by user id.
struct Invitee {
    enum class By { Mobile, Mcode, UserId };
    By by = By::UserId;
    std::string key;          // the mobile or the MMX code
    std::int64_t userId = 0;  // when by user id
};

struct Invited {
    std::int64_t friendId = 0;
    bool added = false;  // friends at once, not a request left waiting
};

// Sends `me`'s invitation (or adds at once when they asked me, or take anyone), in one
// transaction over the pair's locks. NOT_FOUND for an unknown user (a mobile whose owner
// is not findable by it, or one hidden by a block, alike); BAD_PARAM for oneself;
// FORBIDDEN or CONFLICT as core/friend_rules decides.
Invited inviteFriend(Services& services, std::int64_t me, const Invitee& invitee,
                     const std::optional<std::string>& remark);

// Both directions, newest first.
std::vector<db::FriendRequestEntry> friendRequests(Services& services, std::int64_t me,
                                                   std::int64_t offset, std::int64_t count);

// Accepts `requester`'s pending request; NOT_FOUND when none, CONFLICT past a friend cap.
void acceptFriendRequest(Services& services, std::int64_t me, std::int64_t requester);

// Refuses `requester`'s pending request; NOT_FOUND when none.
void refuseFriendRequest(Services& services, std::int64_t me, std::int64_t requester);

}  // namespace mmx::services
