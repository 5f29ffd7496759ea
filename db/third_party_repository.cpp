#include "db/third_party_repository.hpp"

#include "core/crypto.hpp"
#include "core/third_party.hpp"
#include "db/new_account.hpp"

namespace mmx::db {
namespace {

constexpr Idempotent kFindUser{
    "SELECT t.user_id FROM third_party_accounts t JOIN users u ON u.id = t.user_id"
    " WHERE t.provider = ? AND t.open_id = ? AND u.closed_at IS NULL"};
constexpr std::string_view kBind =
    "INSERT INTO third_party_accounts (provider, open_id, user_id, created_at)"
    " VALUES (?, ?, ?, ?)";
constexpr std::string_view kLockUser =
    "SELECT mobile FROM users WHERE id = ? AND closed_at IS NULL FOR UPDATE";
constexpr std::string_view kBindingsOf =
    "SELECT provider, open_id FROM third_party_accounts WHERE user_id = ? ORDER BY provider";
constexpr std::string_view kUnbind =
    "DELETE FROM third_party_accounts WHERE user_id = ? AND provider = ?";

}  // namespace

std::optional<std::int64_t> ThirdPartyRepository::findUser(int provider, std::string_view openId) {
    const auto row = db_.queryOne(kFindUser, {std::int64_t{provider}, openId});
    if (!row) return std::nullopt;
    return row->i64(0);
}

std::int64_t ThirdPartyRepository::createAccount(int provider, std::string_view openId,
                                                 std::string_view nickName, std::int64_t now) {
    const std::string mobile = standInMobile(randomHex(7));
    NewAccount account;
    account.mobile = mobile;
    account.passwordHash = "!";
    account.nickName = nickName;
    const std::int64_t userId = insertAccount(db_, account, now);
    bind(userId, provider, openId, now);
    return userId;
}

void ThirdPartyRepository::bind(std::int64_t userId, int provider, std::string_view openId,
                                std::int64_t now) {
    db_.execute(kBind, {std::int64_t{provider}, openId, userId, now});
}

std::optional<std::string> ThirdPartyRepository::lockUser(std::int64_t userId) {
    const auto row = db_.queryOne(kLockUser, {userId});
    if (!row) return std::nullopt;
    return row->str(0);
}

std::vector<ThirdPartyBinding> ThirdPartyRepository::bindingsOf(std::int64_t userId) {
    std::vector<ThirdPartyBinding> bindings;
    for (const Row& row : db_.query(kBindingsOf, {userId})) {
        bindings.push_back({static_cast<int>(row.i64(0)), row.str(1)});
    }
    return bindings;
}

bool ThirdPartyRepository::unbind(std::int64_t userId, int provider) {
    return db_.execute(kUnbind, {userId, std::int64_t{provider}}).affectedRows > 0;
}

}  // namespace mmx::db
