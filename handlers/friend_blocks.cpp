// /user/friend!block, !unblock, !blocked: thin adapters over services/blocks.
#include "handlers/friend.hpp"
#include "handlers/params.hpp"
#include "handlers/user_card.hpp"
#include "services/blocks.hpp"

namespace mmx::friends {

Response block(Services& services, const Request& request) {
    const std::int64_t other = requireId(request, kFriendNames);
    services::block(services, request.actor().userId, other);
    Response response("已加入黑名单");
    response.data().set("friendId", other);
    return response;
}

Response unblock(Services& services, const Request& request) {
    const std::int64_t other = requireId(request, kFriendNames);
    services::unblock(services, request.actor().userId, other);
    Response response("已移出黑名单");
    response.data().set("friendId", other);
    return response;
}

Response blocked(Services& services, const Request& request) {
    const Page page = readPage(request, kPeoplePage);
    const auto entries =
        services::blocked(services, request.actor().userId, page.offset, page.count);
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
