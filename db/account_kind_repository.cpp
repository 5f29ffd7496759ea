#include "db/account_kind_repository.hpp"

#include "core/mcode.hpp"
#include "core/pinyin.hpp"
#include "db/json_ids.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kCreate =
    "INSERT INTO users (mobile, user_name, email, password_hash, nick_name, mcode, created_at,"
    " updated_at, name_sort_key) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kLockProfile = "SELECT " MMX_USER_PROFILE_COLUMNS
                                          " FROM users WHERE id = ? AND closed_at IS NULL"
                                          " FOR UPDATE";
constexpr Idempotent kIdByUserName{
    "SELECT id FROM users WHERE user_name = ? AND closed_at IS NULL"};
constexpr Idempotent kUserNameOf{"SELECT user_name FROM users WHERE id = ?"};
constexpr Idempotent kIdByEmail{"SELECT id FROM users WHERE email = ? AND closed_at IS NULL"};
constexpr Idempotent kEmailsOf{
    "SELECT u.id, u.email FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id BIGINT UNSIGNED PATH '$'))"
    " AS r JOIN users u ON u.id = r.user_id WHERE u.email IS NOT NULL"};
// One user's: a primary-key read, cheaper than the JSON_TABLE join above for the reads of
// one card (one's own, a friend's).
constexpr Idempotent kEmailOf{"SELECT id, email FROM users WHERE id = ? AND email IS NOT NULL"};

Param optional(std::optional<std::string_view> value) {
    if (!value) return nullptr;
    return *value;
}

}  // namespace

std::int64_t AccountKindRepository::create(std::optional<std::string_view> userName,
                                           std::optional<std::string_view> email,
                                           std::string_view passwordHash, std::string_view nickName,
                                           std::int64_t now) {
    const std::string nameKey = friendListKey(nickName);
    for (int attempt = 1;; ++attempt) {
        const std::string mcode = randomMcode(mcodeDigitsForAttempt(attempt));
        try {
            const auto result = db_.execute(
                kCreate, {optional(userName), optional(email), passwordHash, nickName,
                          std::string_view(mcode), now, now, std::string_view(nameKey)});
            return static_cast<std::int64_t>(result.insertId);
        } catch (const DuplicateKey& error) {
            const bool mcodeClash =
                std::string_view(error.what()).find("mcode'") != std::string_view::npos;
            if (!mcodeClash || attempt >= kMcodeAttempts) throw;
        }
    }
}

std::optional<UserProfile> AccountKindRepository::lockProfile(std::int64_t userId) {
    const auto row = db_.queryOne(kLockProfile, {userId});
    if (!row) return std::nullopt;
    return profileFromRow(*row, 0);
}

std::optional<std::int64_t> AccountKindRepository::idByUserName(std::string_view userName) {
    const auto row = db_.queryOne(kIdByUserName, {userName});
    if (!row) return std::nullopt;
    return row->i64(0);
}

std::optional<std::string> AccountKindRepository::userNameOf(std::int64_t userId) {
    const auto row = db_.queryOne(kUserNameOf, {userId});
    if (!row) return std::nullopt;
    return row->opt(0);
}

std::optional<std::int64_t> AccountKindRepository::idByEmail(std::string_view email) {
    const auto row = db_.queryOne(kIdByEmail, {email});
    if (!row) return std::nullopt;
    return row->i64(0);
}

std::vector<std::pair<std::int64_t, std::string>> AccountKindRepository::emailsOf(
    const std::vector<std::int64_t>& userIds) {
    std::vector<std::pair<std::int64_t, std::string>> emails;
    if (userIds.empty()) return emails;
    const std::string ids = userIds.size() == 1 ? std::string() : idsJson(userIds);
    const auto rows = userIds.size() == 1 ? db_.query(kEmailOf, {userIds.front()})
                                          : db_.query(kEmailsOf, {std::string_view(ids)});
    for (const Row& row : rows) {
        emails.emplace_back(row.i64(0), row.str(1));
    }
    return emails;
}

}  // namespace mmx::db
