#include "db/chat_inbox_repository.hpp"

namespace mmx::db {
namespace {

// For a user conversation the peer of recipient r is (a + b) - r; NULL for a group.
constexpr std::string_view kDeliver =
    "INSERT INTO chat_inbox (user_id, conversation_id, peer_user_id, group_id, read_seq,"
    " last_seq, last_message_id, updated_at)"
    " SELECT r.user_id, ?, ? - r.user_id, ?, IF(r.user_id = ?, ?, ? - 1), ?, ?, ?"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$')) AS r"
    " ORDER BY r.user_id"
    " ON DUPLICATE KEY UPDATE"
    " read_seq = IF(chat_inbox.user_id = ?, VALUES(last_seq), chat_inbox.read_seq),"
    " last_seq = VALUES(last_seq), last_message_id = VALUES(last_message_id),"
    " updated_at = VALUES(updated_at)";
constexpr std::string_view kReadState =
    "SELECT read_seq, last_seq FROM chat_inbox WHERE user_id = ? AND conversation_id = ?";
constexpr std::string_view kMarkRead =
    "UPDATE chat_inbox SET read_seq = LEAST(GREATEST(read_seq, ?), last_seq)"
    " WHERE user_id = ? AND conversation_id = ?";
constexpr std::string_view kList =
    "SELECT i.conversation_id, i.peer_user_id, i.group_id, i.read_seq, i.last_seq,"
    " u.nick_name, u.user_photo, fr.remark, g.name, g.logo, "
    "gm.message_remain_mode, " MMX_CHAT_MESSAGE_COLUMNS
    " FROM chat_inbox i"
    " LEFT JOIN users u ON u.id = i.peer_user_id"
    " LEFT JOIN friendships fr ON fr.user_id = i.user_id AND fr.friend_id = i.peer_user_id"
    " LEFT JOIN chat_groups g ON g.id = i.group_id"
    " LEFT JOIN group_members gm ON gm.group_id = i.group_id AND gm.user_id = i.user_id"
    " LEFT JOIN chat_messages m ON m.id = i.last_message_id"
    " WHERE i.user_id = ? ORDER BY i.updated_at DESC, i.conversation_id LIMIT ?";

Param optional(const std::optional<std::int64_t>& value) {
    if (!value) return nullptr;
    return *value;
}

}  // namespace

void ChatInboxRepository::deliver(const Delivery& d) {
    db_.execute(kDeliver, {d.conversationId, optional(d.pairSum), optional(d.groupId), d.senderId,
                           d.seq, d.seq, d.seq, d.messageId, d.at, d.recipients, d.senderId});
}

std::optional<ReadState> ChatInboxRepository::readState(std::int64_t userId,
                                                        std::string_view conversationId) {
    const auto row = db_.queryOne(kReadState, {userId, conversationId});
    if (!row) return std::nullopt;
    return ReadState{row->i64(0), row->i64(1)};
}

std::optional<ReadState> ChatInboxRepository::markRead(std::int64_t userId,
                                                       std::string_view conversationId,
                                                       std::int64_t seq) {
    db_.execute(kMarkRead, {seq, userId, conversationId});
    return readState(userId, conversationId);
}

std::vector<ConversationEntry> ChatInboxRepository::list(std::int64_t userId, std::int64_t limit) {
    std::vector<ConversationEntry> entries;
    for (const Row& row : db_.query(kList, {userId, limit})) {
        ConversationEntry e;
        e.conversationId = row.str(0);
        e.peerUserId = row.optI64(1);
        e.groupId = row.optI64(2);
        e.readSeq = row.i64(3);
        e.lastSeq = row.i64(4);
        e.peerNickName = row.opt(5);
        e.peerPhoto = row.opt(6);
        e.remark = row.opt(7);
        e.groupName = row.opt(8);
        e.groupLogo = row.opt(9);
        e.muted = row.optI64(10).value_or(1) == 2;
        if (!row.isNull(11)) e.lastMessage = readChatMessage(row, 11);
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace mmx::db
