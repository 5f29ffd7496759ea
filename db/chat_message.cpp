#include "db/chat_message.hpp"

#include <algorithm>

#include "db/json_ids.hpp"

namespace mmx::db {

ChatMessage readChatMessage(const Row& row, std::size_t first) {
    ChatMessage m;
    m.id = row.i64(first);
    m.conversationId = row.str(first + 1);
    m.seq = row.i64(first + 2);
    m.senderId = row.i64(first + 3);
    m.toUserId = row.optI64(first + 4);
    m.groupId = row.optI64(first + 5);
    m.msgType = row.str(first + 6);
    m.content = row.opt(first + 7);
    m.url = row.opt(first + 8);
    m.duration = row.optI64(first + 9);
    m.picId = row.optI64(first + 10);
    m.clientMsgId = row.opt(first + 11);
    m.sentAt = row.i64(first + 12);
    m.recalledAt = row.optI64(first + 13);
    m.recalledBy = row.optI64(first + 14);
    return m;
}

std::string recipientsJson(std::vector<std::int64_t> userIds) {
    std::sort(userIds.begin(), userIds.end());
    userIds.erase(std::unique(userIds.begin(), userIds.end()), userIds.end());
    return idsJson(userIds);
}

}  // namespace mmx::db
