#include "db/session_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kReplace =
    "INSERT INTO sessions (user_id, client, token_hash, created_at, expires_at)"
    " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE token_hash = VALUES(token_hash),"
    " created_at = VALUES(created_at), expires_at = VALUES(expires_at)";
// The reads, and the extension to a fixed time, may be sent again after a lost connection
// (db::Idempotent): every authenticated request starts with them.
constexpr Idempotent kFind{
    "SELECT token_hash, expires_at FROM sessions WHERE user_id = ? AND client = ?"};
constexpr Idempotent kFindWithActor{
    "SELECT sessions.token_hash, sessions.expires_at, sessions.created_at,"
    " users.site_role IS NOT NULL, users.disabled_at IS NOT NULL, " MMX_USER_PROFILE_COLUMNS
    " FROM sessions JOIN users ON users.id = sessions.user_id"
    " WHERE sessions.user_id = ? AND sessions.client = ?"};
constexpr Idempotent kAccountState{
    "SELECT site_role IS NOT NULL, disabled_at IS NOT NULL FROM users WHERE id = ?"};
constexpr Idempotent kExtend{"UPDATE sessions SET expires_at = ? WHERE user_id = ? AND client = ?"};
constexpr std::string_view kRotate =
    "UPDATE sessions SET token_hash = ?, expires_at = ?"
    " WHERE user_id = ? AND client = ? AND token_hash = ?";
constexpr std::string_view kRememberClient =
    "INSERT INTO known_clients (user_id, client, first_login_at, last_login_at)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_login_at = VALUES(last_login_at)";
constexpr Idempotent kIsKnownClient{"SELECT 1 FROM known_clients WHERE user_id = ? AND client = ?"};
constexpr std::string_view kRevoke = "DELETE FROM sessions WHERE user_id = ? AND client = ?";
constexpr std::string_view kRevokeAll = "DELETE FROM sessions WHERE user_id = ?";

}  // namespace

void SessionRepository::replace(std::int64_t userId, std::string_view client,
                                std::string_view tokenHash, std::int64_t now,
                                std::int64_t expiresAt) {
    db_.execute(kReplace, {userId, client, tokenHash, now, expiresAt});
}

std::optional<StoredSession> SessionRepository::find(std::int64_t userId, std::string_view client) {
    const auto row = db_.queryOne(kFind, {userId, client});
    if (!row) return std::nullopt;
    return StoredSession{row->str(0), row->i64(1)};
}

std::optional<SessionWithActor> SessionRepository::findWithActor(std::int64_t userId,
                                                                 std::string_view client) {
    const auto row = db_.queryOne(kFindWithActor, {userId, client});
    if (!row) return std::nullopt;
    return SessionWithActor{StoredSession{row->str(0), row->i64(1)}, row->i64(2),
                            AccountState{row->i64(3) != 0, row->i64(4) != 0},
                            profileFromRow(*row, 5)};
}

std::optional<AccountState> SessionRepository::accountState(std::int64_t userId) {
    const auto row = db_.queryOne(kAccountState, {userId});
    if (!row) return std::nullopt;
    return AccountState{row->i64(0) != 0, row->i64(1) != 0};
}

void SessionRepository::extend(std::int64_t userId, std::string_view client,
                               std::int64_t expiresAt) {
    db_.execute(kExtend, {expiresAt, userId, client});
}

bool SessionRepository::rotate(std::int64_t userId, std::string_view client,
                               std::string_view oldTokenHash, std::string_view newTokenHash,
                               std::int64_t expiresAt) {
    return db_.execute(kRotate, {newTokenHash, expiresAt, userId, client, oldTokenHash})
               .affectedRows == 1;
}

void SessionRepository::revoke(std::int64_t userId, std::string_view client) {
    db_.execute(kRevoke, {userId, client});
}

void SessionRepository::revokeAll(std::int64_t userId) {
    db_.execute(kRevokeAll, {userId});
}

void SessionRepository::rememberClient(std::int64_t userId, std::string_view client,
                                       std::int64_t now) {
    db_.execute(kRememberClient, {userId, client, now, now});
}

bool SessionRepository::isKnownClient(std::int64_t userId, std::string_view client) {
    return db_.queryOne(kIsKnownClient, {userId, client}).has_value();
}

}  // namespace mmx::db
