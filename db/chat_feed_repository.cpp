#include "db/chat_feed_repository.hpp"

namespace mmx::db {
namespace {

#define MMX_RECIPIENTS "JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$')) AS r"

// New users start at 1; the rows are locked in ascending user order.
constexpr std::string_view kBumpCounters =
    "INSERT INTO chat_feed_counters (user_id, last_feed_seq)"
    " SELECT r.user_id, 1 FROM " MMX_RECIPIENTS
    " ORDER BY r.user_id"
    " ON DUPLICATE KEY UPDATE last_feed_seq = chat_feed_counters.last_feed_seq + 1";
// Takes the same row locks as kBumpCounters, in the same order, changing nothing.
constexpr std::string_view kLockCounters =
    "INSERT INTO chat_feed_counters (user_id, last_feed_seq)"
    " SELECT r.user_id, 0 FROM " MMX_RECIPIENTS
    " ORDER BY r.user_id"
    " ON DUPLICATE KEY UPDATE last_feed_seq = chat_feed_counters.last_feed_seq";
constexpr std::string_view kAppend =
    "INSERT INTO chat_feed (user_id, feed_seq, message_id, group_id, kind)"
    " SELECT c.user_id, c.last_feed_seq, ?, ?, ? FROM " MMX_RECIPIENTS
    " JOIN chat_feed_counters c ON c.user_id = r.user_id";
constexpr std::string_view kReceivers =
    "SELECT user_id FROM chat_feed WHERE message_id = ? AND kind = 1 ORDER BY user_id";
constexpr std::string_view kReceived =
    "SELECT 1 FROM chat_feed WHERE message_id = ? AND user_id = ? AND kind = 1";
// Kinds 1 and 2 always find their message (a deletion removes them with it);
// kind 3 finds the tombstone, kind 4 neither.
constexpr std::string_view kAfter =
    "SELECT f.feed_seq, f.kind, f.message_id, f.group_id, d.conversation_id, "
    "d.seq, " MMX_CHAT_MESSAGE_COLUMNS
    " FROM chat_feed f"
    " LEFT JOIN chat_messages m ON m.id = f.message_id AND f.kind IN (1, 2)"
    " LEFT JOIN chat_deleted_messages d ON d.message_id = f.message_id AND f.kind = 3"
    " WHERE f.user_id = ? AND f.feed_seq > ? ORDER BY f.feed_seq LIMIT ?";
// A picture's chats and who received each (kind 1), for the three statements that
// announce their deletion however many chats and receivers there are.
#define MMX_PICTURE_RECEIPTS                                  \
    " FROM chat_messages m"                                   \
    " JOIN chat_feed f ON f.message_id = m.id AND f.kind = 1" \
    " WHERE m.pic_id = ?"
// The receivers' counters, ascending, as kLockCounters.
constexpr std::string_view kLockPictureCounters =
    "INSERT INTO chat_feed_counters (user_id, last_feed_seq)"
    " SELECT DISTINCT f.user_id, 0" MMX_PICTURE_RECEIPTS
    " ORDER BY f.user_id"
    " ON DUPLICATE KEY UPDATE last_feed_seq = chat_feed_counters.last_feed_seq";
// Each receiver's entries take the next feed seqs, in the order of the chats' ids
// (the order one append per chat gave them).
constexpr std::string_view kAppendPictureDeletions =
    "INSERT INTO chat_feed (user_id, feed_seq, message_id, group_id, kind)"
    " SELECT f.user_id,"
    " c.last_feed_seq + ROW_NUMBER() OVER (PARTITION BY f.user_id ORDER BY m.id), m.id, NULL, 3"
    " FROM chat_messages m"
    " JOIN chat_feed f ON f.message_id = m.id AND f.kind = 1"
    " JOIN chat_feed_counters c ON c.user_id = f.user_id"
    " WHERE m.pic_id = ?";
constexpr std::string_view kBumpPictureCounters =
    "UPDATE chat_feed_counters c JOIN (SELECT f.user_id, COUNT(*) AS n" MMX_PICTURE_RECEIPTS
    " GROUP BY f.user_id) d ON d.user_id = c.user_id"
    " SET c.last_feed_seq = c.last_feed_seq + d.n";

#undef MMX_PICTURE_RECEIPTS
#undef MMX_RECIPIENTS

}  // namespace

void ChatFeedRepository::append(std::string_view recipients, std::int64_t messageId,
                                FeedKind kind) {
    db_.execute(kBumpCounters, {recipients});
    db_.execute(kAppend, {messageId, nullptr, static_cast<std::int64_t>(kind), recipients});
}

void ChatFeedRepository::appendGroupDeleted(std::string_view recipients, std::int64_t groupId) {
    db_.execute(kBumpCounters, {recipients});
    db_.execute(kAppend,
                {nullptr, groupId, static_cast<std::int64_t>(FeedKind::GroupDeleted), recipients});
}

void ChatFeedRepository::appendPictureDeletions(std::int64_t picId) {
    db_.execute(kLockPictureCounters, {picId});
    db_.execute(kAppendPictureDeletions, {picId});
    db_.execute(kBumpPictureCounters, {picId});
}

void ChatFeedRepository::lockCounters(std::string_view recipients) {
    db_.execute(kLockCounters, {recipients});
}

std::vector<std::int64_t> ChatFeedRepository::receivers(std::int64_t messageId) {
    std::vector<std::int64_t> users;
    for (const Row& row : db_.query(kReceivers, {messageId})) users.push_back(row.i64(0));
    return users;
}

bool ChatFeedRepository::received(std::int64_t userId, std::int64_t messageId) {
    return db_.queryOne(kReceived, {messageId, userId}).has_value();
}

std::vector<FeedEntry> ChatFeedRepository::after(std::int64_t userId, std::int64_t afterFeedSeq,
                                                 std::int64_t limit) {
    std::vector<FeedEntry> entries;
    for (const Row& row : db_.query(kAfter, {userId, afterFeedSeq, limit})) {
        FeedEntry e;
        e.feedSeq = row.i64(0);
        e.kind = static_cast<FeedKind>(row.i64(1));
        switch (e.kind) {
            case FeedKind::Message:
            case FeedKind::Recall:
                e.message = readChatMessage(row, 6);
                break;
            case FeedKind::Delete:
                e.deletedMessageId = row.i64(2);
                e.deletedConversationId = row.str(4);
                e.deletedSeq = row.i64(5);
                break;
            case FeedKind::GroupDeleted:
                e.groupId = row.i64(3);
                break;
        }
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace mmx::db
