#pragma once

#include <cstdint>

namespace mmx {

// Who may add a user (users.friend_policy).
enum class FriendPolicy : int {
    Anyone = 1,   // an invitation makes friends at once
    Confirm = 2,  // an invitation waits for the invitee (default)
    Nobody = 3,   // invitations are refused
};

bool isFriendPolicy(std::int64_t value);

// Everything an invitation from "me" to "them" is decided on, read inside the
// transaction that acts on the decision.
struct InviteFacts {
    bool alreadyFriends = false;
    bool theyBlockedMe = false;
    bool iBlockedThem = false;
    bool theyAskedMe = false;   // a pending request from them to me
    bool iAskedBefore = false;  // my own request to them is still pending
    FriendPolicy theirPolicy = FriendPolicy::Confirm;
    std::int64_t myFriends = 0;
    std::int64_t theirFriends = 0;
    std::int64_t theirPendingIncoming = 0;
    bool foundByLookup = false;  // named by mobile or MMX code, as a search finds people
};

struct FriendLimits {
    std::int64_t maxFriends = 3000;
    std::int64_t maxPendingIncoming = 100;
};

enum class InviteOutcome {
    Send,     // a new pending request
    Refresh,  // my pending request gets the new remark and time
    AddNow,   // they asked me already, or take anyone: friends at once
    AlreadyFriends,
    BlockedByThem,   // named by user id: refused
    HiddenByBlock,   // named by mobile or MMX code: they are not there for me, as in search
    TheyAreBlocked,  // I blocked them: unblock first
    TheyTakeNobody,
    MyFriendsFull,
    TheirFriendsFull,
    TheirRequestsFull,
};

InviteOutcome decideInvite(const InviteFacts& facts, const FriendLimits& limits);

enum class AcceptOutcome { Add, MyFriendsFull, TheirFriendsFull };

// Accepting a pending request: both sides must have room for one more friend.
AcceptOutcome decideAccept(std::int64_t myFriends, std::int64_t theirFriends,
                           const FriendLimits& limits);

}  // namespace mmx
