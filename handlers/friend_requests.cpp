// Asking, accepting and refusing: how two users become friends.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/friend_rules.hpp"
#include "core/mcode.hpp"
#include "db/block_repository.hpp"
#include "db/friend_repository.hpp"
#include "db/friend_request_repository.hpp"
#include "db/people_repository.hpp"
#include "handlers/friend.hpp"
#include "handlers/params.hpp"
#include "handlers/user_card.hpp"

namespace mmx::friends {
namespace {

constexpr std::size_t kMaxInviteRemark = 64;

FriendLimits limitsOf(const Services& services) {
    return FriendLimits{services.config.maxFriends, services.config.maxPendingRequests};
}

[[noreturn]] void throwNoSuchUser() {
    throw ApiError(ErrorCode::NotFound, "用户不存在");
}

struct Invitee {
    std::int64_t id = 0;
    bool foundByLookup = false;  // by mobile or MMX code: a search, in effect
};

// The invitee named by `mode`: 1 mobile (`phone`), 2 MMX code (`mcode`), 3 user id
// (`friendId`, or seed 004's `userID`). A mobile whose owner turned off "findable by
// mobile" is answered like an unknown one.
Invitee resolveInvitee(Services& services, const Request& request) {
    const auto mode = optionalInt(request, "mode", 1, 3);
    if (!mode) throwBadParam("缺少参数 mode");
    db::PeopleRepository people(services.db);
    std::optional<std::int64_t> id;
    if (*mode == 1) {
        id = people.findableIdByMobile(requireMobile(request, "phone"));
    } else if (*mode == 2) {
        const std::string mcode = requireText(request, "mcode", 1, 10);
        if (!isMcode(mcode)) throwBadParam("参数 mcode 必须是8到10位数字");
        id = people.idByMcode(mcode);
    } else {
        const bool seedName = request.param("userID") && !request.param("friendId");
        id = requireId(request, seedName ? "userID" : "friendId");
    }
    if (!id) throwNoSuchUser();
    return Invitee{*id, *mode != 3};
}

std::optional<std::string> readInviteRemark(const Request& request) {
    auto remark = optionalText(request, "remark", kMaxInviteRemark);
    if (remark && remark->empty()) remark.reset();
    return remark;
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

std::string_view directionName(bool incoming) {
    return incoming ? "in" : "out";
}

std::string_view stateName(db::RequestState state) {
    switch (state) {
        case db::RequestState::Pending:
            return "pending";
        case db::RequestState::Accepted:
            return "accepted";
        case db::RequestState::Refused:
            return "refused";
    }
    return "pending";
}

}  // namespace

Response invite(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const Invitee invitee = resolveInvitee(services, request);
    const std::int64_t them = invitee.id;
    const auto remark = readInviteRemark(request);
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
        facts.foundByLookup = invitee.foundByLookup;

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

    Response response(added ? "已添加为好友" : "好友申请已发送");
    response.data().set("state", added ? "added" : "sent").set("friendId", them);
    return response;
}

Response listRequests(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const Page page = readPage(request, kPeoplePage);
    const auto entries = db::FriendRequestRepository(services.db).list(me, page.offset, page.count);
    Response response("获取好友申请成功");
    JsonArray items = response.data().array("requests");
    for (const auto& entry : entries) {
        JsonObject item = items.addObject();
        item.set("requestId", entry.id).set("direction", directionName(entry.incoming));
        writeUserCard(item.object("user"), entry.other);
        item.set("remark", entry.remark.value_or(""))
            .set("state", stateName(entry.state))
            .set("time", entry.time);
    }
    return response;
}

Response accept(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t requester = requireId(request, "friendId");
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
    Response response("已添加为好友");
    response.data().set("friendId", requester);
    return response;
}

Response refuse(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t requester = requireId(request, "friendId");
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
    Response response("已拒绝好友申请");
    response.data().set("friendId", requester);
    return response;
}

}  // namespace mmx::friends
