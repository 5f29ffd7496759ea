#include "services/blocks.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/friend_repository.hpp"
#include "db/friend_request_repository.hpp"

namespace mmx::services {

void block(Services& services, std::int64_t me, std::int64_t other) {
    if (other == me) throwBadParam("不能把自己加入黑名单");
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FriendRepository friends(services.db);
        if (!friends.lockPair(me, other)) throw ApiError(ErrorCode::NotFound, "用户不存在");
        const std::int64_t now = nowMs();
        db::BlockRepository(services.db).block(me, other, now);
        friends.unfriend(me, other);  // blocking ends a friendship
        db::FriendRequestRepository(services.db).refuseBetween(me, other, now);
        transaction.commit();
    });
}

void unblock(Services& services, std::int64_t me, std::int64_t other) {
    if (!db::BlockRepository(services.db).unblock(me, other)) {
        throw ApiError(ErrorCode::NotFound, "对方不在黑名单中");
    }
}

std::vector<db::BlockedEntry> blocked(Services& services, std::int64_t me, std::int64_t offset,
                                      std::int64_t count) {
    return db::BlockRepository(services.db).list(me, offset, count);
}

}  // namespace mmx::services
