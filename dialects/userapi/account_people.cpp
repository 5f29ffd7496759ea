// Translation only: every rule is the services'; no SQL and no repository here.
#include "core/api_error.hpp"
#include "core/text.hpp"
#include "dialects/userapi/account_parts.hpp"
#include "dialects/userapi/common.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "services/addresses.hpp"
#include "services/app_versions.hpp"
#include "services/collections.hpp"
#include "services/feedback.hpp"
#include "services/friend_requests.hpp"
#include "services/friends.hpp"
#include "services/people.hpp"

namespace mmx::dialects::userapi::account {
namespace {

// The house's bounds on what a phone sends (the Struts routes read the same).
constexpr std::size_t kMaxRemarkChars = 32;
constexpr std::size_t kMaxInviteRemarkChars = 64;
constexpr std::size_t kMaxFriendsRead = 100;
constexpr std::size_t kMaxDiffIds = 10000;
constexpr PageLimits kFeedbackPage{10, 50};

std::optional<bool> readSwitch(const Request& request, std::string_view name) {
    const auto value = optionalInt(request, name, 0, 1);
    if (!value) return std::nullopt;
    return *value == 1;
}

void writeSwitches(JsonObject setting, const ShareSwitches& switches) {
    setting.set("favoriteEnable", switches.favorites ? 1 : 0)
        .set("fansEnable", switches.fans ? 1 : 0)
        .set("visitEnable", switches.visits ? 1 : 0);
}

}  // namespace

Response addressList(Services& services, const Request& request) {
    const auto addresses = services::addresses(services, request.actor().userId);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("addressList");
        for (const auto& address : addresses) {
            list.addObject()
                .set("addrID", address.id)
                .set("name", address.name)
                .set("phone", address.phone)
                .set("address", address.address)
                .set("postcode", address.postcode.value_or(""))
                .set("default", address.isDefault);
        }
    });
}

Response addressChange(Services& services, const Request& request) {
    const std::int64_t id = requireId(request, "addrID");
    services::updateAddress(services, request.actor().userId, id,
                            readers::readAddressChanges(request));
    return ok();
}

// At most kMaxAddresses (4): one more is refused with CONFLICT's err.
Response addressAdd(Services& services, const Request& request) {
    const std::int64_t id =
        services::addAddress(services, request.actor().userId, readers::readNewAddress(request));
    return ok([&](JsonObject root) { root.set("addrID", id); });
}

Response addressDelete(Services& services, const Request& request) {
    services::deleteAddress(services, request.actor().userId, requireId(request, "addrID"));
    return ok();
}

Response addressDefault(Services& services, const Request& request) {
    services::setDefaultAddress(services, request.actor().userId, requireId(request, "addrID"));
    return ok();
}

Response friendDiff(Services& services, const Request& request) {
    const auto held = readIds(request, {"frdIDs"}, kMaxDiffIds);
    const auto diff = services::diffFriends(services, request.actor().userId, held);
    return ok([&](JsonObject root) {
        root.array("addFrdIDs").addAll(diff.added);
        root.array("delFrdIDs").addAll(diff.removed);
    });
}

Response friendRead(Services& services, const Request& request) {
    const auto ids = requireIds(request, {"uid"}, kMaxFriendsRead);
    const auto found = services::readFriends(services, request.actor().userId, ids);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("frdList");
        for (const auto& [entry, profile] : found) {
            list.addObject()
                .set("frdID", entry.card.id)
                .set("rmkName", entry.remark.value_or(""))
                .set("nickName", entry.card.nickName)
                .set("mcode", entry.card.mcode)
                .set("portrait", entry.card.portrait);
        }
    });
}

// An empty rmkName clears the remark.
Response friendName(Services& services, const Request& request) {
    const std::int64_t other = requireId(request, "frdID");
    auto remark = optionalText(request, "rmkName", kMaxRemarkChars);
    if (!remark) throwBadParam("缺少参数 rmkName");
    if (remark->empty()) remark.reset();
    services::setFriendRemark(services, request.actor().userId, other, remark);
    return ok();
}

Response friendPrivate(Services& services, const Request& request) {
    const auto switches =
        services::friendShareSwitches(services, request.actor().userId, requireId(request, "uid"));
    return ok([&](JsonObject root) { writeSwitches(root.object("setting"), switches); });
}

// mode 1 by mobile (`phone`), 2 by MMX code (`mcode`), 3 by user id (`userID`).
Response friendInvite(Services& services, const Request& request) {
    const services::Invitee invitee = readers::readInvitee(request, {"userID", "userId"});
    auto remark = optionalText(request, "remark", kMaxInviteRemarkChars);
    if (remark && remark->empty()) remark.reset();
    services::inviteFriend(services, request.actor().userId, invitee, remark);
    return ok();
}

Response friendAccept(Services& services, const Request& request) {
    services::acceptFriendRequest(services, request.actor().userId, requireId(request, "uid"));
    return ok();
}

Response userInfo(Services& services, const Request& request) {
    const auto ids = requireIds(request, {"uid"}, services::kMaxCardsPerRead);
    const auto cards =
        services::readCards(services, request.actor().userId, request.remoteAddr, ids);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("userList");
        for (const auto& card : cards) {
            list.addObject()
                .set("userID", card.id)
                .set("nickName", card.nickName)
                .set("city", card.city)
                .set("portrait", card.portrait);
        }
    });
}

Response privacyRead(Services& services, const Request& request) {
    const auto switches = services::shareSwitches(services, request.actor().userId);
    return ok([&](JsonObject root) { writeSwitches(root.object("setting"), switches); });
}

// Only the switches sent change; the answer holds them as they now are.
Response privacyChange(Services& services, const Request& request) {
    const auto favorites = readSwitch(request, "favoriteEnable");
    const auto fans = readSwitch(request, "fansEnable");
    const auto visits = readSwitch(request, "visitEnable");
    if (!favorites && !fans && !visits) {
        throwBadParam("缺少参数 favoriteEnable、fansEnable 或 visitEnable");
    }
    const auto switches =
        services::changeShareSwitches(services, request.actor().userId, favorites, fans, visits);
    return ok([&](JsonObject root) { writeSwitches(root.object("setting"), switches); });
}

Response feedbackList(Services& services, const Request& request) {
    const Page page = readPage(request, kFeedbackPage);
    const auto entries =
        services::feedbackThread(services, request.actor().userId, page.offset, page.count);
    return ok([&](JsonObject root) {
        JsonArray list = root.array("feedList");
        for (const auto& entry : entries) {
            list.addObject()
                .set("content", entry.content)
                .set("time", entry.createdAt)
                .set("direction", static_cast<std::int64_t>(entry.direction));
        }
    });
}

Response feedbackSubmit(Services& services, const Request& request) {
    const auto content = request.param("feedback");
    if (!content || trim(*content).empty()) throwBadParam("缺少参数 feedback");
    services::submitFeedback(services, request.actor().userId, std::string(trim(*content)));
    return ok();
}

// No version published yet: version, time, remark and packet are null.
Response version(Services& services, const Request& request) {
    const auto platform =
        optionalInt(request, "sys", services::kPlatformAndroid, services::kPlatformIos);
    if (!platform) throwBadParam("缺少参数 sys");
    const auto latest = services::latestAppVersion(services, *platform);
    return ok([&](JsonObject root) {
        if (!latest) {
            root.setNull("version").setNull("time").setNull("remark").setNull("packet");
            return;
        }
        root.set("version", latest->version)
            .set("time", latest->publishedAt)
            .set("remark", latest->remark)
            .set("packet", services::packageUrl(services.config, latest->fileName));
    });
}

}  // namespace mmx::dialects::userapi::account
