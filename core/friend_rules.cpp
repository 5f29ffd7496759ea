#include "core/friend_rules.hpp"

namespace mmx {

bool isFriendPolicy(std::int64_t value) {
    return value >= 1 && value <= 3;
}

InviteOutcome decideInvite(const InviteFacts& f, const FriendLimits& limits) {
    if (f.theyBlockedMe) {
        return f.foundByLookup ? InviteOutcome::HiddenByBlock : InviteOutcome::BlockedByThem;
    }
    if (f.iBlockedThem) return InviteOutcome::TheyAreBlocked;
    if (f.alreadyFriends) return InviteOutcome::AlreadyFriends;
    if (f.myFriends >= limits.maxFriends) return InviteOutcome::MyFriendsFull;
    // Their own pending request is their consent, whatever their policy says now.
    if (f.theyAskedMe || f.theirPolicy == FriendPolicy::Anyone) {
        if (f.theirFriends >= limits.maxFriends) return InviteOutcome::TheirFriendsFull;
        return InviteOutcome::AddNow;
    }
    if (f.theirPolicy == FriendPolicy::Nobody) return InviteOutcome::TheyTakeNobody;
    // A repeat is not a new request: it fits even when their queue is full.
    if (f.iAskedBefore) return InviteOutcome::Refresh;
    if (f.theirPendingIncoming >= limits.maxPendingIncoming) {
        return InviteOutcome::TheirRequestsFull;
    }
    return InviteOutcome::Send;
}

AcceptOutcome decideAccept(std::int64_t myFriends, std::int64_t theirFriends,
                           const FriendLimits& limits) {
    if (myFriends >= limits.maxFriends) return AcceptOutcome::MyFriendsFull;
    if (theirFriends >= limits.maxFriends) return AcceptOutcome::TheirFriendsFull;
    return AcceptOutcome::Add;
}

}  // namespace mmx
