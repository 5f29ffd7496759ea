#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

// One stored message as the chat repositories read it.
struct ChatMessage {
    std::int64_t id = 0;
    std::string conversationId;
    std::int64_t seq = 0;
    std::int64_t senderId = 0;
    std::optional<std::int64_t> toUserId;
    std::optional<std::int64_t> groupId;
    std::string msgType;
    std::optional<std::string> content;
    std::optional<std::string> url;
    std::optional<std::int64_t> duration;
    std::optional<std::int64_t> picId;
    std::optional<std::string> clientMsgId;
    std::int64_t sentAt = 0;
    std::optional<std::int64_t> recalledAt;
    std::optional<std::int64_t> recalledBy;
};

// The columns readChatMessage expects, in order, from chat_messages aliased `m`.
#define MMX_CHAT_MESSAGE_COLUMNS                                                          \
    "m.id, m.conversation_id, m.seq, m.sender_id, m.to_user_id, m.group_id, m.msg_type,"  \
    " m.content, m.url, m.duration, m.pic_id, m.client_msg_id, m.sent_at, m.recalled_at," \
    " m.recalled_by"
inline constexpr std::size_t kChatMessageColumnCount = 15;

// Reads the message columns that start at `first`.
ChatMessage readChatMessage(const Row& row, std::size_t first = 0);

// The recipients of a fan-out as the JSON array the set-based statements take
// (`JSON_TABLE(?, '$[*]' ...)`): sorted and without repeats, so that every
// transaction takes the per-user locks in the same order.
std::string recipientsJson(std::vector<std::int64_t> userIds);

}  // namespace mmx::db
