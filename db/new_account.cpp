#include "db/new_account.hpp"

#include "core/mcode.hpp"
#include "core/pinyin.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO users (mobile, user_name, email, password_hash, nick_name, mcode, created_at,"
    " updated_at, name_sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

Param optional(std::optional<std::string_view> value) {
    if (!value) return nullptr;
    return *value;
}

// The unique key on users.mcode is named after its column (schema/002_friends.sql).
bool isMcodeClash(const DuplicateKey& error) {
    return std::string_view(error.what()).find("mcode'") != std::string_view::npos;
}

}  // namespace

std::int64_t insertAccount(Connection& db, const NewAccount& account, std::int64_t now) {
    const std::string nameKey = friendListKey(account.nickName);
    for (int attempt = 1;; ++attempt) {
        const std::string mcode = randomMcode(mcodeDigitsForAttempt(attempt));
        try {
            const auto result = db.execute(
                kInsert, {optional(account.mobile), optional(account.userName),
                          optional(account.email), account.passwordHash, account.nickName,
                          std::string_view(mcode), now, now, std::string_view(nameKey)});
            return static_cast<std::int64_t>(result.insertId);
        } catch (const DuplicateKey& error) {
            if (!isMcodeClash(error) || attempt >= kMcodeAttempts) throw;
        }
    }
}

}  // namespace mmx::db
