// /user/friend!invite, !requests, !accept, !refuse: thin adapters over
// services/friend_requests.
#include "services/friend_requests.hpp"

#include "handlers/friend.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "handlers/user_card.hpp"

namespace mmx::friends {
namespace {

constexpr std::size_t kMaxInviteRemark = 64;

std::optional<std::string> readInviteRemark(const Request& request) {
    auto remark = optionalText(request, nameIn(request, kRemarkNames), kMaxInviteRemark);
    if (remark && remark->empty()) remark.reset();
    return remark;
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
    const services::Invitee invitee = readers::readInvitee(request, kFriendNames);
    const auto remark = readInviteRemark(request);
    const services::Invited invited =
        services::inviteFriend(services, request.actor().userId, invitee, remark);
    Response response(invited.added ? "已添加为好友" : "好友申请已发送");
    response.data()
        .set("state", invited.added ? "added" : "sent")
        .set("friendId", invited.friendId);
    return response;
}

Response listRequests(Services& services, const Request& request) {
    const Page page = readPage(request, kPeoplePage);
    const auto entries =
        services::friendRequests(services, request.actor().userId, page.offset, page.count);
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
    const std::int64_t requester = requireId(request, "friendId");
    services::acceptFriendRequest(services, request.actor().userId, requester);
    Response response("已添加为好友");
    response.data().set("friendId", requester);
    return response;
}

Response refuse(Services& services, const Request& request) {
    const std::int64_t requester = requireId(request, "friendId");
    services::refuseFriendRequest(services, request.actor().userId, requester);
    Response response("已拒绝好友申请");
    response.data().set("friendId", requester);
    return response;
}

}  // namespace mmx::friends
