#include "handlers/chat_message_view.hpp"

namespace mmx::chat {

void writeChatMessage(JsonObject out, const db::ChatMessage& m, std::int64_t viewerId) {
    out.set("chatId", m.id);
    out.set("messageId", m.id);
    out.set("conversationId", m.conversationId);
    out.set("seq", m.seq);
    out.set("fromUserId", m.senderId);
    if (m.toUserId) out.set("toUserId", *m.toUserId);
    if (m.groupId) out.set("groupId", *m.groupId);
    out.set("msgType", m.msgType);
    if (m.content) out.set("content", *m.content);
    if (m.url) out.set("url", *m.url);
    if (m.duration) out.set("duration", *m.duration);
    if (m.picId) out.set("picId", *m.picId);
    if (m.clientMsgId && m.senderId == viewerId) out.set("clientMsgId", *m.clientMsgId);
    out.set("sentAt", m.sentAt);
    out.set("recalled", m.recalledAt.has_value());
    if (m.recalledAt) out.set("recalledAt", *m.recalledAt);
    if (m.recalledBy) out.set("recalledBy", *m.recalledBy);
}

}  // namespace mmx::chat
