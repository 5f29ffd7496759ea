#include "db/block_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kIsBlocked =
    "SELECT 1 FROM user_blocks WHERE blocker_id = ? AND blocked_id = ?";
constexpr std::string_view kBlock =
    "INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE created_at = created_at";
constexpr std::string_view kUnblock =
    "DELETE FROM user_blocks WHERE blocker_id = ? AND blocked_id = ?";
constexpr std::string_view kList =
    "SELECT " MMX_USER_CARD_COLUMNS
    ", b.created_at"
    " FROM user_blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = ?"
    " ORDER BY b.created_at DESC, b.blocked_id DESC LIMIT ? OFFSET ?";

}  // namespace

bool BlockRepository::isBlocked(std::int64_t blockerId, std::int64_t blockedId) {
    return db_.queryOne(kIsBlocked, {blockerId, blockedId}).has_value();
}

void BlockRepository::block(std::int64_t blockerId, std::int64_t blockedId, std::int64_t now) {
    db_.execute(kBlock, {blockerId, blockedId, now});
}

bool BlockRepository::unblock(std::int64_t blockerId, std::int64_t blockedId) {
    return db_.execute(kUnblock, {blockerId, blockedId}).affectedRows > 0;
}

std::vector<BlockedEntry> BlockRepository::list(std::int64_t blockerId, std::int64_t offset,
                                                std::int64_t count) {
    std::vector<BlockedEntry> entries;
    for (const auto& row : db_.query(kList, {blockerId, count, offset})) {
        entries.push_back(BlockedEntry{readUserCard(row, 0), row.i64(5)});
    }
    return entries;
}

}  // namespace mmx::db
