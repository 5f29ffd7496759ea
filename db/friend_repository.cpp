#include "db/friend_repository.hpp"

#include "db/json_ids.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kLockPair =
    "SELECT id FROM users WHERE id IN (?, ?) ORDER BY id FOR UPDATE";
constexpr std::string_view kAreFriends =
    "SELECT 1 FROM friendships WHERE user_id = ? AND friend_id = ?";
constexpr std::string_view kCountFriends = "SELECT COUNT(*) FROM friendships WHERE user_id = ?";
// The new row sorts by the friend's nickname (no remark yet).
constexpr std::string_view kInsertFriendship =
    "INSERT INTO friendships (user_id, friend_id, remark, created_at, sort_key)"
    " SELECT ?, u.id, NULL, ?, u.name_sort_key FROM users u WHERE u.id = ?";
constexpr std::string_view kDeleteFriendship =
    "DELETE FROM friendships WHERE (user_id = ? AND friend_id = ?) OR (user_id = ? AND friend_id = "
    "?)";
// Recounted, not incremented: the stored count can never drift from the rows.
constexpr std::string_view kRecount =
    "UPDATE users u SET u.friend_count ="
    " (SELECT COUNT(*) FROM friendships f WHERE f.user_id = u.id) WHERE u.id IN (?, ?)";
constexpr std::string_view kStoredCount = "SELECT friend_count FROM users WHERE id = ?";
constexpr std::string_view kFriendIds =
    "SELECT friend_id FROM friendships WHERE user_id = ? ORDER BY friend_id";
// A page of the A-Z list, read in order from ix_friendships_sorted.
constexpr std::string_view kListFriendsPage =
    "SELECT " MMX_USER_CARD_COLUMNS
    ", f.remark, f.created_at, f.sort_key"
    " FROM friendships f FORCE INDEX (ix_friendships_sorted) JOIN users u ON u.id = f.friend_id"
    " WHERE f.user_id = ? ORDER BY f.sort_key, f.friend_id LIMIT ? OFFSET ?";
constexpr std::string_view kFindFriend = "SELECT " MMX_USER_CARD_COLUMNS
                                         ", f.remark, f.created_at"
                                         " FROM friendships f JOIN users u ON u.id = f.friend_id"
                                         " WHERE f.user_id = ? AND f.friend_id = ?";
// The card and the whole profile of each asked id that is a friend, in the order asked.
constexpr std::string_view kFriendsWithProfiles =
    "SELECT " MMX_USER_CARD_COLUMNS ", f.remark, f.created_at, " MMX_USER_PROFILE_COLUMNS
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN friendships f ON f.user_id = ? AND f.friend_id = j.id"
    " JOIN users u ON u.id = f.friend_id JOIN users ON users.id = f.friend_id"
    " ORDER BY j.ord";
constexpr std::string_view kSetRemark =
    "UPDATE friendships SET remark = ?, sort_key = ? WHERE user_id = ? AND friend_id = ?";
// Share-locks the friend's row: a nickname change (which writes it first) and a remark
// change wait for each other instead of one storing the other's stale key.
constexpr std::string_view kNameKeyForShare =
    "SELECT name_sort_key FROM users WHERE id = ? LOCK IN SHARE MODE";
// Every friendship that shows the user by nickname (no remark) follows the new key.
constexpr std::string_view kFollowNickname =
    "UPDATE friendships SET sort_key = ? WHERE friend_id = ? AND (remark IS NULL OR remark = '')";

FriendEntry readFriend(const Row& row) {
    FriendEntry entry{readUserCard(row, 0), row.opt(5), row.i64(6), {}};
    entry.card.contact = true;  // a friend's card
    return entry;
}

}  // namespace

bool FriendRepository::lockPair(std::int64_t a, std::int64_t b) {
    return db_.query(kLockPair, {a, b}).size() == (a == b ? 1u : 2u);
}

bool FriendRepository::areFriends(std::int64_t userId, std::int64_t friendId) {
    return db_.queryOne(kAreFriends, {userId, friendId}).has_value();
}

std::int64_t FriendRepository::countFriends(std::int64_t userId) {
    return db_.queryOne(kCountFriends, {userId})->i64(0);
}

void FriendRepository::befriend(std::int64_t a, std::int64_t b, std::int64_t now) {
    db_.execute(kInsertFriendship, {a, now, b});
    db_.execute(kInsertFriendship, {b, now, a});
    db_.execute(kRecount, {a, b});
}

bool FriendRepository::unfriend(std::int64_t a, std::int64_t b) {
    if (db_.execute(kDeleteFriendship, {a, b, b, a}).affectedRows == 0) return false;
    db_.execute(kRecount, {a, b});
    return true;
}

std::int64_t FriendRepository::storedFriendCount(std::int64_t userId) {
    const auto row = db_.queryOne(kStoredCount, {userId});
    return row ? row->i64(0) : 0;
}

std::vector<std::int64_t> FriendRepository::friendIds(std::int64_t userId) {
    std::vector<std::int64_t> ids;
    for (const auto& row : db_.query(kFriendIds, {userId})) ids.push_back(row.i64(0));
    return ids;
}

std::vector<FriendEntry> FriendRepository::listFriendsPage(std::int64_t userId, std::int64_t offset,
                                                           std::int64_t count) {
    std::vector<FriendEntry> friends;
    for (const auto& row : db_.query(kListFriendsPage, {userId, count, offset})) {
        friends.push_back(readFriend(row));
        friends.back().sortKey = row.str(7);
    }
    return friends;
}

std::vector<std::pair<FriendEntry, UserProfile>> FriendRepository::friendsWithProfiles(
    std::int64_t userId, const std::vector<std::int64_t>& ids) {
    std::vector<std::pair<FriendEntry, UserProfile>> found;
    for (const Row& row :
         db_.query(kFriendsWithProfiles, {std::string_view(idsJson(ids)), userId})) {
        found.emplace_back(readFriend(row), profileFromRow(row, 7));
    }
    return found;
}

std::optional<FriendEntry> FriendRepository::findFriend(std::int64_t userId,
                                                        std::int64_t friendId) {
    const auto row = db_.queryOne(kFindFriend, {userId, friendId});
    if (!row) return std::nullopt;
    return readFriend(*row);
}

void FriendRepository::setRemark(std::int64_t userId, std::int64_t friendId,
                                 const std::optional<std::string>& remark,
                                 std::string_view sortKey) {
    const Param value = remark ? Param(std::string_view(*remark)) : Param(nullptr);
    db_.execute(kSetRemark, {value, sortKey, userId, friendId});
}

std::string FriendRepository::nameKeyForShare(std::int64_t userId) {
    const auto row = db_.queryOne(kNameKeyForShare, {userId});
    return row ? row->str(0) : std::string();
}

void FriendRepository::followNickname(std::int64_t userId, std::string_view sortKey) {
    db_.execute(kFollowNickname, {sortKey, userId});
}

}  // namespace mmx::db
