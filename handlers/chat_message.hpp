#pragma once

#include <cstdint>
#include <vector>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/params.hpp"
#include "services/services.hpp"

// /chat/message!… — messages to friends and groups, the chat list, and the sync
// that phones poll.
namespace mmx::chat {

// A message's id, as the answers call it (messageId, and chatId where a chat is meant).
inline constexpr Names kMessageNames = {"messageId", "chatId"};

// chat_message_send.cpp: what changes messages.
Response sendMessage(Services& services, const Request& request);
Response recallMessage(Services& services, const Request& request);

// chat_message.cpp: what reads them.
Response readMessage(Services& services, const Request& request);
Response history(Services& services, const Request& request);
Response sync(Services& services, const Request& request);
Response conversations(Services& services, const Request& request);
Response markRead(Services& services, const Request& request);
Response listByPicture(Services& services, const Request& request);

}  // namespace mmx::chat
