// Fills the A-Z friend list keys that are not computed yet (schema/015): users'
// nickname keys, then each friendship's key (the remark's, else the friend's
// nickname's). The keys come from ICU (core/pinyin), which SQL cannot call, so
// scripts/migrate runs this after the files whenever a key is missing; rows written
// by the server always carry their keys. Idempotent: a second run finds nothing.
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/pinyin.hpp"
#include "db/connection.hpp"

namespace {

using mmx::db::Connection;

constexpr std::int64_t kBatch = 1000;
constexpr std::string_view kUsersWithoutKey =
    "SELECT id, COALESCE(nick_name, '') FROM users WHERE name_sort_key IS NULL"
    " ORDER BY id LIMIT ?";
constexpr std::string_view kSetUserKey = "UPDATE users SET name_sort_key = ? WHERE id = ?";
constexpr std::string_view kFriendshipsByNickname =
    "UPDATE friendships f JOIN users u ON u.id = f.friend_id SET f.sort_key = u.name_sort_key"
    " WHERE f.sort_key IS NULL AND (f.remark IS NULL OR f.remark = '')";
constexpr std::string_view kFriendshipsWithoutKey =
    "SELECT user_id, friend_id, remark FROM friendships WHERE sort_key IS NULL"
    " ORDER BY user_id, friend_id LIMIT ?";
constexpr std::string_view kSetFriendshipKey =
    "UPDATE friendships SET sort_key = ? WHERE user_id = ? AND friend_id = ?";

std::int64_t fillUsers(Connection& db) {
    std::int64_t filled = 0;
    for (;;) {
        const auto rows = db.query(kUsersWithoutKey, {kBatch});
        for (const auto& row : rows) {
            const std::string key = mmx::friendListKey(row.str(1));
            db.execute(kSetUserKey, {std::string_view(key), row.i64(0)});
        }
        filled += static_cast<std::int64_t>(rows.size());
        if (static_cast<std::int64_t>(rows.size()) < kBatch) return filled;
    }
}

std::int64_t fillFriendships(Connection& db) {
    auto filled = static_cast<std::int64_t>(db.execute(kFriendshipsByNickname).affectedRows);
    for (;;) {
        const auto rows = db.query(kFriendshipsWithoutKey, {kBatch});
        for (const auto& row : rows) {
            const std::string key = mmx::friendListKey(row.str(2));
            db.execute(kSetFriendshipKey, {std::string_view(key), row.i64(0), row.i64(1)});
        }
        filled += static_cast<std::int64_t>(rows.size());
        if (static_cast<std::int64_t>(rows.size()) < kBatch) return filled;
    }
}

}  // namespace

int main() {
    try {
        const mmx::Config config = mmx::loadConfigFromEnvironment();
        Connection db(config);
        const std::int64_t users = fillUsers(db);
        const std::int64_t friendships = fillFriendships(db);
        std::cerr << "friend list keys: " << users << " users, " << friendships
                  << " friendships filled\n";
    } catch (const std::exception& error) {
        std::cerr << "mmx-sort-keys: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
