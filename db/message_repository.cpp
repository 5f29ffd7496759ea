#include "db/message_repository.hpp"

namespace mmx::db {
namespace {

// LAST_INSERT_ID(expr) hands the new value back with the statement itself.
constexpr std::string_view kNextSeq =
    "INSERT INTO chat_conversations (id, last_seq) VALUES (?, LAST_INSERT_ID(1))"
    " ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(chat_conversations.last_seq + 1)";
constexpr std::string_view kLockConversation =
    "SELECT last_seq FROM chat_conversations WHERE id = ? FOR UPDATE";
constexpr std::string_view kInsert =
    "INSERT INTO chat_messages (conversation_id, seq, sender_id, to_user_id, group_id, msg_type,"
    " content, url, duration, pic_id, client_msg_id, sent_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kFind =
    "SELECT " MMX_CHAT_MESSAGE_COLUMNS " FROM chat_messages m WHERE m.id = ?";
constexpr std::string_view kFindForUpdate =
    "SELECT " MMX_CHAT_MESSAGE_COLUMNS " FROM chat_messages m WHERE m.id = ? FOR UPDATE";
constexpr std::string_view kFindByClientMsgId =
    "SELECT " MMX_CHAT_MESSAGE_COLUMNS
    " FROM chat_messages m WHERE m.sender_id = ? AND m.client_msg_id = ?";
constexpr std::string_view kMarkRecalled =
    "UPDATE chat_messages SET recalled_at = ?, recalled_by = ?, content = NULL, url = NULL,"
    " duration = NULL WHERE id = ?";
// Walks the conversation's seq index backwards and probes, per message, whether
// it reached the user; a user has at most one kind-1 feed row per message. The
// index is named because on small tables the optimizer would rather scan the
// user's whole feed, which grows without bound. The walk stops at the first seq
// delivered to the user (a late joiner's page never probes the group's past) and
// skips the seqs sent while they were last out of the group: two ranges of the index.
constexpr std::string_view kHistory =
    "SELECT STRAIGHT_JOIN " MMX_CHAT_MESSAGE_COLUMNS
    " FROM chat_messages m"
    " JOIN chat_feed f FORCE INDEX (ix_chat_feed_message)"
    "   ON f.message_id = m.id AND f.user_id = ? AND f.kind = 1"
    " WHERE m.conversation_id = ? AND m.seq < ? AND m.seq <= ? AND m.seq >= ?"
    "   AND (m.seq <= ? OR m.seq > ?)"
    " ORDER BY m.seq DESC LIMIT ?";
constexpr std::string_view kByPicture =
    "SELECT " MMX_CHAT_MESSAGE_COLUMNS
    " FROM chat_messages m WHERE m.pic_id = ? ORDER BY m.id LIMIT ? OFFSET ?";
constexpr std::string_view kByPictureReceived =
    "SELECT STRAIGHT_JOIN " MMX_CHAT_MESSAGE_COLUMNS
    " FROM chat_messages m"
    " JOIN chat_feed f FORCE INDEX (ix_chat_feed_message)"
    "   ON f.message_id = m.id AND f.user_id = ? AND f.kind = 1"
    " WHERE m.pic_id = ? ORDER BY m.id LIMIT ? OFFSET ?";

Param optional(const std::optional<std::int64_t>& value) {
    if (!value) return nullptr;
    return *value;
}

Param optional(const std::optional<std::string>& value) {
    if (!value) return nullptr;
    return std::string_view(*value);
}

std::optional<ChatMessage> one(std::optional<Row> row) {
    if (!row) return std::nullopt;
    return readChatMessage(*row);
}

std::vector<ChatMessage> all(const std::vector<Row>& rows) {
    std::vector<ChatMessage> messages;
    messages.reserve(rows.size());
    for (const Row& row : rows) messages.push_back(readChatMessage(row));
    return messages;
}

}  // namespace

ChatMessage MessageRepository::insert(const NewMessage& m) {
    const auto seq = static_cast<std::int64_t>(
        db_.execute(kNextSeq, {std::string_view(m.conversationId)}).insertId);
    const auto inserted = db_.execute(
        kInsert,
        {std::string_view(m.conversationId), seq, m.senderId, optional(m.toUserId),
         optional(m.groupId), std::string_view(m.msgType), optional(m.content), optional(m.url),
         optional(m.duration), optional(m.picId), optional(m.clientMsgId), m.sentAt});
    ChatMessage stored;
    stored.id = static_cast<std::int64_t>(inserted.insertId);
    stored.conversationId = m.conversationId;
    stored.seq = seq;
    stored.senderId = m.senderId;
    stored.toUserId = m.toUserId;
    stored.groupId = m.groupId;
    stored.msgType = m.msgType;
    stored.content = m.content;
    stored.url = m.url;
    stored.duration = m.duration;
    stored.picId = m.picId;
    stored.clientMsgId = m.clientMsgId;
    stored.sentAt = m.sentAt;
    return stored;
}

std::optional<std::int64_t> MessageRepository::lockConversation(std::string_view conversationId) {
    const auto row = db_.queryOne(kLockConversation, {conversationId});
    if (!row) return std::nullopt;
    return row->i64(0);
}

std::optional<ChatMessage> MessageRepository::find(std::int64_t messageId) {
    return one(db_.queryOne(kFind, {messageId}));
}

std::optional<ChatMessage> MessageRepository::findForUpdate(std::int64_t messageId) {
    return one(db_.queryOne(kFindForUpdate, {messageId}));
}

std::optional<ChatMessage> MessageRepository::findByClientMsgId(std::int64_t senderId,
                                                                std::string_view clientMsgId) {
    return one(db_.queryOne(kFindByClientMsgId, {senderId, clientMsgId}));
}

void MessageRepository::markRecalled(std::int64_t messageId, std::int64_t byUserId,
                                     std::int64_t at) {
    db_.execute(kMarkRecalled, {at, byUserId, messageId});
}

std::vector<ChatMessage> MessageRepository::history(std::int64_t userId,
                                                    std::string_view conversationId,
                                                    std::int64_t beforeSeq, const SeqBounds& bounds,
                                                    std::int64_t limit) {
    return all(db_.query(kHistory, {userId, conversationId, beforeSeq, bounds.upTo, bounds.from,
                                    bounds.gapFrom, bounds.gapTo, limit}));
}

std::vector<ChatMessage> MessageRepository::byPicture(std::int64_t picId, bool everything,
                                                      std::int64_t viewerId, std::int64_t offset,
                                                      std::int64_t limit) {
    if (everything) return all(db_.query(kByPicture, {picId, limit, offset}));
    return all(db_.query(kByPictureReceived, {viewerId, picId, limit, offset}));
}

}  // namespace mmx::db
