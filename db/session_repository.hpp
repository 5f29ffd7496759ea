#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"
#include "db/user_repository.hpp"

namespace mmx::db {

struct StoredSession {
    std::string tokenHash;
    std::int64_t expiresAt = 0;
};

// What decides whether a user may hold a session, and for how long.
struct AccountState {
    bool staff = false;  // holds a site role: shorter sessions
    bool disabled = false;
};

// A session and, read with it, the profile of the user it belongs to.
struct SessionWithActor {
    StoredSession session;
    std::int64_t createdAt = 0;
    AccountState account;
    UserProfile actor;
};

class SessionRepository {
  public:
    explicit SessionRepository(Connection& db) : db_(db) {}

    // Creates the session of (user, client), replacing the one that client had.
    void replace(std::int64_t userId, std::string_view client, std::string_view tokenHash,
                 std::int64_t now, std::int64_t expiresAt);
    std::optional<StoredSession> find(std::int64_t userId, std::string_view client);
    // The session check of every authenticated request: one round trip loads the
    // session and its user, whom most handlers need anyway.
    std::optional<SessionWithActor> findWithActor(std::int64_t userId, std::string_view client);
    std::optional<AccountState> accountState(std::int64_t userId);
    void extend(std::int64_t userId, std::string_view client, std::int64_t expiresAt);
    // Replaces the token of (user, client) only while it is still `oldTokenHash`: false when
    // another request replaced it (or ended the session) first.
    bool rotate(std::int64_t userId, std::string_view client, std::string_view oldTokenHash,
                std::string_view newTokenHash, std::int64_t expiresAt);
    void revoke(std::int64_t userId, std::string_view client);
    void revokeAll(std::int64_t userId);

    // The clients (app installs) that have logged in to a user before: the owner's own
    // phones, which a stranger's failed guesses must not lock out.
    void rememberClient(std::int64_t userId, std::string_view client, std::int64_t now);
    bool isKnownClient(std::int64_t userId, std::string_view client);

  private:
    Connection& db_;
};

}  // namespace mmx::db
