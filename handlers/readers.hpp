#pragma once

#include <cstdint>
#include <optional>

#include "db/message_repository.hpp"
#include "fcgi/request.hpp"
#include "handlers/params.hpp"
#include "services/addresses.hpp"
#include "services/friend_requests.hpp"
#include "services/shop_discovery.hpp"

// What a form says about a delivery address, a friend to invite, a list of shops, a chat
// message or a fan shop's messages, read once for the house's routes and the older phones'
// dialects alike, with the same bounds and the same refusals.
namespace mmx::readers {

// A new address: `name` (1–20 characters), `phone` (a mobile), `address` (1–120), and
// `postcode` (six digits) when one is sent non-empty. BAD_PARAM naming the first bad one.
services::NewAddress readNewAddress(const Request& request);

// The fields an address change sends (the same bounds; a `postcode` sent empty clears it).
// BAD_PARAM when none of them is sent.
services::AddressChanges readAddressChanges(const Request& request);

// The invitee `mode` names: 1 a mobile (`phone`), 2 an MMX code (`mcode`), 3 a user id under
// one of `userIdNames`.
services::Invitee readInvitee(const Request& request, Names userIdNames);

// Which shops a list asks for: its `city`, the phone's point (`long` and `lat`, for nearest
// first) when sent, and a page (`offset`, `count` 1–50, default 10).
services::ShopListQuery readShopListQuery(const Request& request);

// A chat message's `msgType` and what it carries, into `message`: a text under `content` (or
// `text`, as the picture-chat phone's notes also name it), or the url of an upload under `url`
// (or `voiceUrl`) and, for a voice, its `duration` (1–kVoiceMaxSeconds). Whether the upload is
// the sender's own is the service's check.
void readMessageBody(const Request& request, db::NewMessage& message);

// A fan shop's message switch: the shop under the first of `shopNames` sent (-1 is every fan
// shop: `shopId` is then empty) and `msgEnable` as `switchOf` reads it. BAD_PARAM for either
// missing or out of its range.
struct FanMessages {
    std::optional<std::int64_t> shopId;
    bool on = false;
};
FanMessages readFanMessages(const Request& request, Names shopNames,
                            std::optional<bool> (*switchOf)(std::int64_t));

}  // namespace mmx::readers
