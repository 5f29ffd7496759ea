#pragma once

#include <cstdint>

#include "db/chat_message.hpp"
#include "db/message_repository.hpp"
#include "services/services.hpp"

// Sending and recalling messages: what changes what several users will read.
// services/chat_delivery.cpp holds the order in which every chat transaction takes
// its locks.
namespace mmx::services {

// Sends `message` from its senderId to exactly one of toUserId (a friend, never the
// sender) or groupId (a group the sender is in), and returns it as stored. The
// caller has checked the message's form (type, text, voice length, clientMsgId);
// this checks that an image or voice url is an upload of the sender's (BAD_PARAM on
// `url`), that the picture, if any, is one the sender sees and its owner takes
// part in the conversation, and who may receive it (NOT_FOUND, FORBIDDEN). A
// repeated clientMsgId returns the message first stored under it.
db::ChatMessage sendMessage(Services& services, db::NewMessage message);

// Recalls a message `actorId` received: their own within the recall window, or any
// in a group they own or administer. A repeated recall answers the recalled message
// again. NOT_FOUND, or FORBIDDEN with the reason.
db::ChatMessage recallMessage(Services& services, std::int64_t actorId, std::int64_t messageId);

}  // namespace mmx::services
