#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

// The rest of an account's life: the device of each login, the user name chosen once, a
// new mobile, and closing the account.
class AccountLifeRepository {
  public:
    explicit AccountLifeRepository(Connection& db) : db_(db) {}

    // Records `dev` as the device of the user's newest login and of the session of
    // (user, client); answers the device of the login before (nullopt when none was told).
    std::optional<std::string> swapLastDevice(std::int64_t userId, std::string_view client,
                                              std::optional<std::string_view> dev);

    // Only while the user has none: false when a name is already set. Throws DuplicateKey
    // when another account has the name (compared ignoring case).
    bool setUserName(std::int64_t userId, std::string_view userName, std::int64_t now);

    // Throws DuplicateKey when another account has the mobile.
    void setMobile(std::int64_t userId, std::string_view mobile, std::int64_t now);
    // Ends every session of the user but the one of `keepClient`.
    void revokeOtherSessions(std::int64_t userId, std::string_view keepClient);

    // The mobile of an open account.
    std::optional<std::string> mobileOf(std::int64_t userId);
    bool ownsGroup(std::int64_t userId);
    // Inside the caller's transaction: the account leaves every friend list, request,
    // block list and group; its sessions end; its mobile and user name are freed; it is
    // shown as 已注销用户. The row stays, so the messages it sent keep their sender.
    void close(std::int64_t userId, std::int64_t now);

  private:
    Connection& db_;
};

}  // namespace mmx::db
