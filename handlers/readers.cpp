#include "handlers/readers.hpp"

#include <limits>
#include <optional>
#include <string>

#include "core/address_rules.hpp"
#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "core/mcode.hpp"
#include "core/text.hpp"

namespace mmx::readers {
namespace {

constexpr std::size_t kMaxContactNameChars = 20;
constexpr std::size_t kMaxAddressChars = 120;
constexpr std::int64_t kAllFanShops = -1;
constexpr PageLimits kShopPage{10, 50};

// A postcode when one was sent: "" when the parameter is there but empty.
std::optional<std::string> readPostcode(const Request& request) {
    const auto raw = request.param("postcode");
    if (!raw) return std::nullopt;
    std::string postcode(trim(*raw));
    if (!postcode.empty() && !isPostcode(postcode)) throwBadParam("参数 postcode 必须是6位数字");
    return postcode;
}

std::optional<std::string> optionalNonEmpty(const Request& request, std::string_view name,
                                            std::size_t maxChars) {
    if (!request.param(name)) return std::nullopt;
    return requireText(request, name, 1, maxChars);
}

}  // namespace

services::NewAddress readNewAddress(const Request& request) {
    services::NewAddress address;
    address.name = requireText(request, "name", 1, kMaxContactNameChars);
    address.phone = requireMobile(request, "phone");
    address.address = requireText(request, "address", 1, kMaxAddressChars);
    if (auto postcode = readPostcode(request); postcode && !postcode->empty()) {
        address.postcode = std::move(postcode);
    }
    return address;
}

services::AddressChanges readAddressChanges(const Request& request) {
    services::AddressChanges changes;
    changes.name = optionalNonEmpty(request, "name", kMaxContactNameChars);
    if (request.param("phone")) changes.phone = requireMobile(request, "phone");
    changes.address = optionalNonEmpty(request, "address", kMaxAddressChars);
    changes.postcode = readPostcode(request);
    if (!changes.name && !changes.phone && !changes.address && !changes.postcode) {
        throwBadParam("缺少要修改的字段 name、phone、address 或 postcode");
    }
    return changes;
}

services::Invitee readInvitee(const Request& request, Names userIdNames) {
    const auto mode = optionalInt(request, "mode", 1, 3);
    if (!mode) throwBadParam("缺少参数 mode");
    services::Invitee invitee;
    if (*mode == 1) {
        invitee.by = services::Invitee::By::Mobile;
        invitee.key = requireMobile(request, "phone");
    } else if (*mode == 2) {
        invitee.by = services::Invitee::By::Mcode;
        invitee.key = requireText(request, "mcode", 1, 10);
        if (!isMcode(invitee.key)) throwBadParam("参数 mcode 必须是8到10位数字");
    } else {
        invitee.userId = requireId(request, userIdNames);
    }
    return invitee;
}

services::ShopListQuery readShopListQuery(const Request& request) {
    services::ShopListQuery query;
    query.cityId = requireId(request, "city");
    query.near = optionalPoint(request);
    const Page page = readPage(request, kShopPage);
    query.offset = page.offset;
    query.count = page.count;
    return query;
}

void readMessageBody(const Request& request, db::NewMessage& message) {
    const auto typeName = request.param("msgType");
    if (!typeName || typeName->empty()) throwBadParam("缺少参数 msgType");
    const auto type = parseMessageType(*typeName);
    if (!type) throwBadParam("参数 msgType 必须是 text、voice 或 image");
    message.msgType = std::string(messageTypeName(*type));
    if (*type == MessageType::Text) {
        const auto content = firstOf(request, {"content", "text"});
        if (!content) throwBadParam("缺少参数 content");
        if (const auto problem = chatTextProblem(content->value)) {
            throwBadParam("参数 " + std::string(content->name) + " " + *problem);
        }
        message.content = std::string(content->value);
        return;
    }
    const auto url = firstOf(request, {"url", "voiceUrl"});
    if (!url || url->value.empty()) {
        throwBadParam(*type == MessageType::Voice ? "缺少参数 voiceUrl" : "缺少参数 url");
    }
    message.url = std::string(url->value);
    if (*type == MessageType::Voice) {
        message.duration = optionalInt(request, "duration", 1, kVoiceMaxSeconds);
        if (!message.duration) throwBadParam("缺少参数 duration");
    }
}

FanMessages readFanMessages(const Request& request, Names shopNames,
                            std::optional<bool> (*switchOf)(std::int64_t)) {
    const std::string_view shopName = nameIn(request, shopNames);
    const auto shop =
        optionalInt(request, shopName, kAllFanShops, std::numeric_limits<std::int64_t>::max());
    if (!shop) throwBadParam("缺少参数 shopID");
    if (*shop == 0) throwBadParam("参数 " + std::string(shopName) + " 必须是商店ID或-1");
    const auto value = optionalInt(request, "msgEnable", 0, 2);
    if (!value) throwBadParam("缺少参数 msgEnable");
    const auto on = switchOf(*value);
    if (!on) throwBadParam("参数 msgEnable 必须是0（不接收）或2（接收）");
    return {*shop == kAllFanShops ? std::nullopt : std::optional(*shop), *on};
}

}  // namespace mmx::readers
