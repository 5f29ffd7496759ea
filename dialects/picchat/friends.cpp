// Translation only: every rule is the services' (the same the /user/friend!… routes call); no
// SQL and no repository here.
#include "services/friends.hpp"

#include <map>
#include <optional>
#include <string>

#include "dialects/picchat/common.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"
#include "services/friend_requests.hpp"

namespace mmx::dialects::picchat {
namespace {

// The house's limits: an invitation's remark, a remark set later.
constexpr std::size_t kMaxInviteNickNameChars = 64;
constexpr std::size_t kMaxNickNameChars = 32;
// The house's friend!list: the whole list in one page (a user has at most MMX_MAX_FRIENDS).
constexpr PageLimits kFriendPage{500, 500};

// A friend as the phone shows one: their id and address, my name for them, theirs, their
// avatar.
void writeFriend(JsonObject out, const db::FriendEntry& entry,
                 const std::map<std::int64_t, std::string>& emails) {
    out.set("userId", entry.card.id);
    if (const auto email = emails.find(entry.card.id); email != emails.end()) {
        out.set("email", email->second);
    } else {
        out.setNull("email");
    }
    out.set("nickName", entry.remark.value_or(""));
    out.set("name", entry.card.nickName);
    out.set("avatar", entry.card.portrait);
}

std::optional<std::string> readNickName(const Request& request, std::size_t maxChars) {
    auto nickName = optionalText(request, "nickName", maxChars);
    if (nickName && nickName->empty()) nickName.reset();
    return nickName;
}

// Friends at once when the other asked me first or takes anyone; else my request waits for
// their answer (`state` says which).
Response createFriend(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    services::Invitee invitee;
    invitee.userId = requireUser(services, request, "friendId");
    const auto invited = services::inviteFriend(services, request.actor().userId, invitee,
                                                readNickName(request, kMaxInviteNickNameChars));
    return ok(Ack::Without, [&](JsonObject root) {
        root.set("friendId", invited.friendId);
        root.set("state", invited.added ? "added" : "sent");
    });
}

Response deleteFriend(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    services::unfriend(services, request.actor().userId,
                       requireUser(services, request, "friendId"));
    return ok(Ack::Without);
}

// An empty nickName clears it.
Response updateNickName(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const std::int64_t friendId = requireUser(services, request, "friendId");
    if (!request.param("nickName")) throwBadParam("缺少参数 nickName");
    services::setFriendRemark(services, request.actor().userId, friendId,
                              readNickName(request, kMaxNickNameChars));
    return ok(Ack::Without);
}

Response readFriendInfo(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const std::int64_t friendId = requireUser(services, request, "friendId");
    const auto friends = services::readFriends(services, request.actor().userId, {friendId});
    if (friends.empty()) throw ApiError(ErrorCode::NotFound, "对方不是你的好友");
    const auto emails = services::emailsOf(services, {friendId});
    return ok(Ack::Without, [&](JsonObject root) {
        writeFriend(root.object("friend"), friends.front().entry, emails);
    });
}

Response readFriendList(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const Page page = readPage(request, kFriendPage);
    const auto listed =
        services::friendsAtoZ(services, request.actor().userId, page.offset, page.count);
    std::vector<std::int64_t> ids;
    for (const auto& one : listed.friends) ids.push_back(one.entry.card.id);
    const auto emails = services::emailsOf(services, ids);
    return ok(Ack::Without, [&](JsonObject root) {
        root.set("total", listed.total);
        JsonArray friends = root.array("friends");
        for (const auto& one : listed.friends) writeFriend(friends.addObject(), one.entry, emails);
    });
}

}  // namespace

std::vector<DialectRoute> friendRoutes() {
    using enum DialectAccess;
    // clang-format off
    return {
        {Method::Post,   "/friends/create-friend",          Session, createFriend},
        {Method::Delete, "/friends/delete-friend",          Session, deleteFriend},
        {Method::Post,   "/friends/update-friend-nick-name", Session, updateNickName},
        {Method::Get,    "/friends/read-friend-info",       Session, readFriendInfo},
        {Method::Get,    "/friends/read-friend-list",       Session, readFriendList},
    };
    // clang-format on
}

}  // namespace mmx::dialects::picchat
