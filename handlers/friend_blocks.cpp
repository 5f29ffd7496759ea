// The block list: a blocked user cannot invite me, message me or find me by search.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/block_repository.hpp"
#include "db/friend_repository.hpp"
#include "db/friend_request_repository.hpp"
#include "handlers/friend.hpp"
#include "handlers/params.hpp"
#include "handlers/user_card.hpp"

namespace mmx::friends {

Response block(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t other = requireId(request, "friendId");
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
    Response response("已加入黑名单");
    response.data().set("friendId", other);
    return response;
}

Response unblock(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t other = requireId(request, "friendId");
    if (!db::BlockRepository(services.db).unblock(me, other)) {
        throw ApiError(ErrorCode::NotFound, "对方不在黑名单中");
    }
    Response response("已移出黑名单");
    response.data().set("friendId", other);
    return response;
}

Response blocked(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const Page page = readPage(request, kPeoplePage);
    const auto entries = db::BlockRepository(services.db).list(me, page.offset, page.count);
    Response response("获取黑名单成功");
    JsonArray users = response.data().array("users");
    for (const auto& entry : entries) {
        JsonObject item = users.addObject();
        writeUserCard(item, entry.card);
        item.set("time", entry.since);
    }
    return response;
}

}  // namespace mmx::friends
