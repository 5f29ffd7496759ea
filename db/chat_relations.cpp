#include "db/chat_relations.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kAreFriends =
    "SELECT COUNT(*) FROM friendships"
    " WHERE (user_id = ? AND friend_id = ?) OR (user_id = ? AND friend_id = ?)";
constexpr std::string_view kBlocks =
    "SELECT 1 FROM user_blocks WHERE blocker_id = ? AND blocked_id = ?";
// The same reads share-locked, for the sending transaction (see lockAreFriends in
// chat_relations.hpp): the rows (or, when absent, the gap where they would go) are
// held until the send commits.
constexpr std::string_view kLockAreFriends =
    "SELECT COUNT(*) FROM friendships"
    " WHERE (user_id = ? AND friend_id = ?) OR (user_id = ? AND friend_id = ?)"
    " LOCK IN SHARE MODE";
constexpr std::string_view kLockBlocks =
    "SELECT 1 FROM user_blocks WHERE blocker_id = ? AND blocked_id = ? LOCK IN SHARE MODE";
constexpr std::string_view kUserExists = "SELECT 1 FROM users WHERE id = ?";
constexpr std::string_view kGroupExists = "SELECT 1 FROM chat_groups WHERE id = ?";
constexpr std::string_view kLockGroupMembers =
    "SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id LOCK IN SHARE MODE";
constexpr std::string_view kGroupRole =
    "SELECT role FROM group_members WHERE group_id = ? AND user_id = ?";

}  // namespace

bool ChatRelations::areFriends(std::int64_t userId, std::int64_t otherId) {
    const auto row = db_.queryOne(kAreFriends, {userId, otherId, otherId, userId});
    return row && row->i64(0) == 2;
}

bool ChatRelations::blocks(std::int64_t blockerId, std::int64_t blockedId) {
    return db_.queryOne(kBlocks, {blockerId, blockedId}).has_value();
}

bool ChatRelations::lockAreFriends(std::int64_t userId, std::int64_t otherId) {
    const auto row = db_.queryOne(kLockAreFriends, {userId, otherId, otherId, userId});
    return row && row->i64(0) == 2;
}

bool ChatRelations::lockBlocks(std::int64_t blockerId, std::int64_t blockedId) {
    return db_.queryOne(kLockBlocks, {blockerId, blockedId}).has_value();
}

bool ChatRelations::userExists(std::int64_t userId) {
    return db_.queryOne(kUserExists, {userId}).has_value();
}

bool ChatRelations::groupExists(std::int64_t groupId) {
    return db_.queryOne(kGroupExists, {groupId}).has_value();
}

std::vector<std::int64_t> ChatRelations::lockGroupMembers(std::int64_t groupId) {
    std::vector<std::int64_t> members;
    for (const Row& row : db_.query(kLockGroupMembers, {groupId})) members.push_back(row.i64(0));
    return members;
}

std::optional<std::string> ChatRelations::groupRole(std::int64_t groupId, std::int64_t userId) {
    const auto row = db_.queryOne(kGroupRole, {groupId, userId});
    if (!row) return std::nullopt;
    return row->str(0);
}

}  // namespace mmx::db
