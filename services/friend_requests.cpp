#include "services/friend_requests.hpp"

#include <stdexcept>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/friend_rules.hpp"
#include "db/block_repository.hpp"
#include "db/friend_repository.hpp"
#include "db/people_repository.hpp"

namespace mmx::services {
namespace {

FriendLimits limitsOf(const Services& services) {
    return FriendLimits{services.config.maxFriends, services.config.maxPendingRequests};
}

[[noreturn]] void throwNoSuchUser() {
    throw ApiError(ErrorCode::NotFound, "用户不存在");
}

// A mobile whose owner turned off "findable by mobile" is answered like an unknown one.
std::int64_t resolve(Services& services, const Invitee& invitee) {
    if (invitee.by == Invitee::By::UserId) return invitee.userId;
    db::PeopleRepository people(services.db);
    const auto id = invitee.by == Invitee::By::Mobile ? people.findableIdByMobile(invitee.key)
                                                      : people.idByMcode(invitee.key);
    if (!id) throwNoSuchUser();
    return *id;
}

[[noreturn]] void refuseInvite(InviteOutcome outcome) {
    switch (outcome) {
        case InviteOutcome::AlreadyFriends:
            throw ApiError(ErrorCode::Conflict, "对方已经是你的好友");
        case InviteOutcome::BlockedByThem:
            throw ApiError(ErrorCode::Forbidden, "对方拒绝添加你为好友");
        case InviteOutcome::HiddenByBlock:
            throwNoSuchUser();
        case InviteOutcome::TheyAreBlocked:
            throw ApiError(ErrorCode::Forbidden, "你已将对方加入黑名单，请先移出黑名单");
        case InviteOutcome::TheyTakeNobody:
            throw ApiError(ErrorCode::Forbidden, "对方设置了不允许任何人添加好友");
        case InviteOutcome::MyFriendsFull:
            throw ApiError(ErrorCode::Conflict, "你的好友数量已达上限");
        case InviteOutcome::TheirFriendsFull:
            throw ApiError(ErrorCode::Conflict, "对方的好友数量已达上限");
        case InviteOutcome::TheirRequestsFull:
            throw ApiError(ErrorCode::Conflict, "对方待处理的好友申请已满，请稍后再试");
        default:
            throw std::logic_error("refuseInvite called for an accepted invitation");
    }
}

}  // namespace

Invited inviteFriend(Services& services, std::int64_t me, const Invitee& invitee,
                     const std::optional<std::string>& remark) {
    const std::int64_t them = resolve(services, invitee);
    if (them == me) throwBadParam("不能添加自己为好友");

    const bool added = db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FriendRepository friends(services.db);
        db::FriendRequestRepository requests(services.db);
        db::BlockRepository blocks(services.db);
        if (!friends.lockPair(me, them)) throwNoSuchUser();

        InviteFacts facts;
        facts.alreadyFriends = friends.areFriends(me, them);
        facts.theyBlockedMe = blocks.isBlocked(them, me);
        facts.iBlockedThem = blocks.isBlocked(me, them);
        facts.theyAskedMe = requests.state(them, me) == db::RequestState::Pending;
        facts.iAskedBefore = requests.state(me, them) == db::RequestState::Pending;
        facts.theirPolicy =
            static_cast<FriendPolicy>(db::PeopleRepository(services.db).privacy(them).friendPolicy);
        facts.myFriends = friends.countFriends(me);
        facts.theirFriends = friends.countFriends(them);
        facts.theirPendingIncoming = requests.countPendingIncoming(them);
        facts.foundByLookup = invitee.by != Invitee::By::UserId;

        const std::int64_t now = nowMs();
        const InviteOutcome outcome = decideInvite(facts, limitsOf(services));
        if (outcome == InviteOutcome::AddNow) {
            friends.befriend(me, them, now);
            if (facts.theyAskedMe) {
                requests.answer(them, me, db::RequestState::Accepted, now);
            } else {  // they take anyone: the invitation is kept, already accepted
                requests.upsert(me, them, remark, db::RequestState::Accepted, now);
            }
        } else if (outcome == InviteOutcome::Send || outcome == InviteOutcome::Refresh) {
            requests.upsert(me, them, remark, db::RequestState::Pending, now);
        } else {
            refuseInvite(outcome);
        }
        transaction.commit();
        return outcome == InviteOutcome::AddNow;
    });
    return Invited{them, added};
}

std::vector<db::FriendRequestEntry> friendRequests(Services& services, std::int64_t me,
                                                   std::int64_t offset, std::int64_t count) {
    return db::FriendRequestRepository(services.db).list(me, offset, count);
}

void acceptFriendRequest(Services& services, std::int64_t me, std::int64_t requester) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FriendRepository friends(services.db);
        db::FriendRequestRepository requests(services.db);
        friends.lockPair(me, requester);
        if (requests.state(requester, me) != db::RequestState::Pending) {
            throw ApiError(ErrorCode::NotFound, "好友申请不存在或已处理");
        }
        const std::int64_t now = nowMs();
        if (!friends.areFriends(me, requester)) {
            switch (decideAccept(friends.countFriends(me), friends.countFriends(requester),
                                 limitsOf(services))) {
                case AcceptOutcome::MyFriendsFull:
                    throw ApiError(ErrorCode::Conflict, "你的好友数量已达上限");
                case AcceptOutcome::TheirFriendsFull:
                    throw ApiError(ErrorCode::Conflict, "对方的好友数量已达上限");
                case AcceptOutcome::Add:
                    friends.befriend(me, requester, now);
            }
        }
        requests.answer(requester, me, db::RequestState::Accepted, now);
        requests.answer(me, requester, db::RequestState::Accepted, now);
        transaction.commit();
    });
}

void refuseFriendRequest(Services& services, std::int64_t me, std::int64_t requester) {
    // The pair's locks first, as accept takes them: a refusal racing an acceptance of the
    // same request waits for it instead of deadlocking with it, and then finds it answered.
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FriendRepository(services.db).lockPair(me, requester);
        if (!db::FriendRequestRepository(services.db)
                 .answer(requester, me, db::RequestState::Refused, nowMs())) {
            throw ApiError(ErrorCode::NotFound, "好友申请不存在或已处理");
        }
        transaction.commit();
    });
}

}  // namespace mmx::services
