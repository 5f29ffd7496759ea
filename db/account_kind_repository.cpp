#include "db/account_kind_repository.hpp"

#include "db/json_ids.hpp"
#include "db/new_account.hpp"

namespace mmx::db {
namespace {

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

}  // namespace

std::int64_t AccountKindRepository::create(std::optional<std::string_view> userName,
                                           std::optional<std::string_view> email,
                                           std::string_view passwordHash, std::string_view nickName,
                                           std::int64_t now) {
    NewAccount account;
    account.userName = userName;
    account.email = email;
    account.passwordHash = passwordHash;
    account.nickName = nickName;
    return insertAccount(db_, account, now);
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
