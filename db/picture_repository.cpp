#include "db/picture_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kCreate =
    "INSERT INTO chat_pictures (owner_id, pic_url, created_at) VALUES (?, ?, ?)";
constexpr std::string_view kFind =
    "SELECT id, owner_id, pic_url, created_at FROM chat_pictures WHERE id = ?";
constexpr std::string_view kFindForUpdate =
    "SELECT id, owner_id, pic_url, created_at FROM chat_pictures WHERE id = ? FOR UPDATE";
constexpr std::string_view kByOwner =
    "SELECT id, owner_id, pic_url, created_at FROM chat_pictures WHERE owner_id = ?"
    " ORDER BY id DESC LIMIT ? OFFSET ?";
// The chats on a picture, locked before the feed counters (the recall's order:
// the message, then the counters).
constexpr std::string_view kLockChats =
    "SELECT id FROM chat_messages WHERE pic_id = ? ORDER BY id FOR UPDATE";
constexpr std::string_view kTombstones =
    "INSERT INTO chat_deleted_messages (message_id, conversation_id, seq, deleted_at)"
    " SELECT id, conversation_id, seq, ? FROM chat_messages WHERE pic_id = ?";
// Chat lists that end on one of these chats end on nothing instead; reached
// through the chats' receivers so that every step is an index lookup.
constexpr std::string_view kForgetLastMessages =
    "UPDATE chat_messages m"
    " JOIN chat_feed f ON f.message_id = m.id AND f.kind = 1"
    " JOIN chat_inbox i ON i.user_id = f.user_id AND i.conversation_id = m.conversation_id"
    " SET i.last_message_id = NULL WHERE m.pic_id = ? AND i.last_message_id = m.id";
// The messages and recalls go; the deletions (kind 3) just appended stay.
constexpr std::string_view kDeleteFeed =
    "DELETE f FROM chat_messages m JOIN chat_feed f ON f.message_id = m.id"
    " WHERE m.pic_id = ? AND f.kind IN (1, 2)";
constexpr std::string_view kDeleteMessages = "DELETE FROM chat_messages WHERE pic_id = ?";
constexpr std::string_view kDelete = "DELETE FROM chat_pictures WHERE id = ?";

ChatPicture readPicture(const Row& row) {
    return {row.i64(0), row.i64(1), row.str(2), row.i64(3)};
}

}  // namespace

std::int64_t PictureRepository::create(std::int64_t ownerId, std::string_view picUrl,
                                       std::int64_t now) {
    return static_cast<std::int64_t>(db_.execute(kCreate, {ownerId, picUrl, now}).insertId);
}

std::optional<ChatPicture> PictureRepository::find(std::int64_t picId) {
    const auto row = db_.queryOne(kFind, {picId});
    if (!row) return std::nullopt;
    return readPicture(*row);
}

std::optional<ChatPicture> PictureRepository::findForUpdate(std::int64_t picId) {
    const auto row = db_.queryOne(kFindForUpdate, {picId});
    if (!row) return std::nullopt;
    return readPicture(*row);
}

std::vector<ChatPicture> PictureRepository::byOwner(std::int64_t ownerId, std::int64_t offset,
                                                    std::int64_t limit) {
    std::vector<ChatPicture> pictures;
    for (const Row& row : db_.query(kByOwner, {ownerId, limit, offset})) {
        pictures.push_back(readPicture(row));
    }
    return pictures;
}

std::vector<std::int64_t> PictureRepository::lockChats(std::int64_t picId) {
    std::vector<std::int64_t> ids;
    for (const Row& row : db_.query(kLockChats, {picId})) ids.push_back(row.i64(0));
    return ids;
}

std::int64_t PictureRepository::removeWithChats(std::int64_t picId, std::int64_t now) {
    db_.execute(kTombstones, {now, picId});
    db_.execute(kForgetLastMessages, {picId});
    db_.execute(kDeleteFeed, {picId});
    const auto chats = db_.execute(kDeleteMessages, {picId}).affectedRows;
    db_.execute(kDelete, {picId});
    return static_cast<std::int64_t>(chats);
}

}  // namespace mmx::db
