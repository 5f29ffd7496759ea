#include "db/chat_inbox_repository.hpp"

namespace mmx::db {
namespace {

// For a user conversation the peer of recipient r is (a + b) - r; NULL for a group.
constexpr std::string_view kDeliver =
    "INSERT INTO chat_inbox (user_id, conversation_id, peer_user_id, group_id, read_seq,"
    " last_seq, last_message_id, updated_at, first_seq)"
    " SELECT r.user_id, ?, ? - r.user_id, ?, IF(r.user_id = ?, ?, ? - 1), ?, ?, ?, ?"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$')) AS r"
    " ORDER BY r.user_id"
    " ON DUPLICATE KEY UPDATE"
    " read_seq = IF(chat_inbox.user_id = ?, VALUES(last_seq), chat_inbox.read_seq),"
    " last_seq = VALUES(last_seq), last_message_id = VALUES(last_message_id),"
    " updated_at = VALUES(updated_at)";
// Unread: the seqs after read_seq up to last_seq, less the chats deleted among them
// (a deleted chat keeps its seq as a tombstone; see schema/005).
#define MMX_UNREAD                                                            \
    "i.last_seq - i.read_seq - (SELECT COUNT(*) FROM chat_deleted_messages d" \
    " WHERE d.conversation_id = i.conversation_id AND d.seq > i.read_seq AND d.seq <= i.last_seq)"
constexpr std::string_view kReadState = "SELECT i.read_seq, i.last_seq, " MMX_UNREAD
                                        ", i.first_seq, i.gap_from, i.gap_to FROM chat_inbox i "
                                        "WHERE i.user_id = ? AND i.conversation_id = ?";
constexpr std::string_view kMarkRead =
    "UPDATE chat_inbox SET read_seq = LEAST(GREATEST(read_seq, ?), last_seq)"
    " WHERE user_id = ? AND conversation_id = ?";
constexpr std::string_view kList =
    "SELECT i.conversation_id, i.peer_user_id, i.group_id, i.read_seq, i.last_seq, " MMX_UNREAD
    ", u.nick_name, u.user_photo, fr.remark, g.name, g.logo, "
    "gm.message_remain_mode, " MMX_CHAT_MESSAGE_COLUMNS
    " FROM chat_inbox i"
    " LEFT JOIN users u ON u.id = i.peer_user_id"
    " LEFT JOIN friendships fr ON fr.user_id = i.user_id AND fr.friend_id = i.peer_user_id"
    " LEFT JOIN chat_groups g ON g.id = i.group_id"
    " LEFT JOIN group_members gm ON gm.group_id = i.group_id AND gm.user_id = i.user_id"
    " LEFT JOIN chat_messages m ON m.id = i.last_message_id"
    " WHERE i.user_id = ? ORDER BY i.updated_at DESC, i.conversation_id LIMIT ? OFFSET ?";
// Everyone with a line of the conversation, former group members included.
// A plain read: the callers hold the locks that keep new lines from appearing.
constexpr std::string_view kHolders =
    "SELECT user_id FROM chat_inbox WHERE conversation_id = ? ORDER BY user_id";
// By primary key, ascending, like kDeliver: row locks only, no gap on the
// conversation index for other conversations' sends to run into.
constexpr std::string_view kRemoveLines =
    "DELETE i FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$')) AS r"
    " JOIN chat_inbox i ON i.user_id = r.user_id AND i.conversation_id = ?";
// Before kCatchUpAll, so that it reads the last_seq the owner had when they left.
constexpr std::string_view kRecordGaps =
    "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$')) AS r"
    " JOIN chat_inbox i ON i.user_id = r.user_id AND i.conversation_id = ?"
    " SET i.gap_from = i.last_seq, i.gap_to = ? WHERE i.last_seq < ?";
// read_seq and last_seq both up to `seq`, never down (nothing before it counts as unread
// any more), joined by primary key in ascending user order (the order of the feed
// counter locks the caller holds).
constexpr std::string_view kCatchUpAll =
    "UPDATE JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$')) AS r"
    " JOIN chat_inbox i ON i.user_id = r.user_id AND i.conversation_id = ?"
    " SET i.read_seq = GREATEST(i.read_seq, ?), i.last_seq = GREATEST(i.last_seq, ?)";
constexpr std::string_view kHoldersAmong =
    "SELECT i.user_id FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$')) AS r"
    " JOIN chat_inbox i ON i.user_id = r.user_id AND i.conversation_id = ? ORDER BY i.user_id";

#undef MMX_UNREAD

Param optional(const std::optional<std::int64_t>& value) {
    if (!value) return nullptr;
    return *value;
}

}  // namespace

const std::string_view ChatInboxRepository::kListStatement = kList;

void ChatInboxRepository::deliver(const Delivery& d) {
    db_.execute(kDeliver,
                {d.conversationId, optional(d.pairSum), optional(d.groupId), d.senderId, d.seq,
                 d.seq, d.seq, d.messageId, d.at, d.seq, d.recipients, d.senderId});
}

std::optional<ReadState> ChatInboxRepository::readState(std::int64_t userId,
                                                        std::string_view conversationId) {
    const auto row = db_.queryOne(kReadState, {userId, conversationId});
    if (!row) return std::nullopt;
    return ReadState{row->i64(0), row->i64(1), row->i64(2), row->i64(3), row->i64(4), row->i64(5)};
}

std::optional<ReadState> ChatInboxRepository::markRead(std::int64_t userId,
                                                       std::string_view conversationId,
                                                       std::int64_t seq) {
    db_.execute(kMarkRead, {seq, userId, conversationId});
    return readState(userId, conversationId);
}

std::vector<ConversationEntry> ChatInboxRepository::list(std::int64_t userId, std::int64_t offset,
                                                         std::int64_t limit) {
    std::vector<ConversationEntry> entries;
    for (const Row& row : db_.query(kList, {userId, limit, offset})) {
        ConversationEntry e;
        e.conversationId = row.str(0);
        e.peerUserId = row.optI64(1);
        e.groupId = row.optI64(2);
        e.readSeq = row.i64(3);
        e.lastSeq = row.i64(4);
        e.unread = row.i64(5);
        e.peerNickName = row.opt(6);
        e.peerPhoto = row.opt(7);
        e.remark = row.opt(8);
        e.groupName = row.opt(9);
        e.groupLogo = row.opt(10);
        e.muted = row.optI64(11).value_or(1) == 2;
        if (!row.isNull(12)) e.lastMessage = readChatMessage(row, 12);
        entries.push_back(std::move(e));
    }
    return entries;
}

void ChatInboxRepository::catchUpAll(std::string_view users, std::string_view conversationId,
                                     std::int64_t seq) {
    db_.execute(kRecordGaps, {users, conversationId, seq, seq});
    db_.execute(kCatchUpAll, {users, conversationId, seq, seq});
}

std::vector<std::int64_t> ChatInboxRepository::holdersAmong(std::string_view users,
                                                            std::string_view conversationId) {
    std::vector<std::int64_t> found;
    for (const Row& row : db_.query(kHoldersAmong, {users, conversationId})) {
        found.push_back(row.i64(0));
    }
    return found;
}

std::vector<std::int64_t> ChatInboxRepository::holders(std::string_view conversationId) {
    std::vector<std::int64_t> users;
    for (const Row& row : db_.query(kHolders, {conversationId})) users.push_back(row.i64(0));
    return users;
}

void ChatInboxRepository::removeLines(std::string_view recipients,
                                      std::string_view conversationId) {
    db_.execute(kRemoveLines, {recipients, conversationId});
}

}  // namespace mmx::db
