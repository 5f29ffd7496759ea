#pragma once

#include <cstdint>

#include "db/chat_message.hpp"
#include "fcgi/response.hpp"

namespace mmx::chat {

// A message as every chat route shows it: the read-chat fields (`chatId`,
// `picId`, `fromUserId`, `toUserId`, `content`) plus the conversation's order
// (`conversationId`, `seq`) and the recall marker. A recalled message has no
// content left. `clientMsgId` is shown to its sender only.
void writeChatMessage(JsonObject out, const db::ChatMessage& message, std::int64_t viewerId);

}  // namespace mmx::chat
