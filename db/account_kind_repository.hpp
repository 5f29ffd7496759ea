#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/connection.hpp"
#include "db/user_repository.hpp"

namespace mmx::db {

// Accounts without a mobile (by user name or by e-mail), and the reads the older phones'
// wire formats need beside the house's: a profile locked for a compare-and-set, a user by
// name.
class AccountKindRepository {
  public:
    explicit AccountKindRepository(Connection& db) : db_(db) {}

    // A new account with no mobile, known by `userName` or `email` (one of them). Throws
    // DuplicateKey when the name or the address is taken; draws the MMX code again when it
    // clashes with another account's.
    std::int64_t create(std::optional<std::string_view> userName,
                        std::optional<std::string_view> email, std::string_view passwordHash,
                        std::string_view nickName, std::int64_t now);
    // The profile, its row locked until the transaction ends; nullopt for an unknown or
    // closed user.
    std::optional<UserProfile> lockProfile(std::int64_t userId);
    // The open account with this user name.
    std::optional<std::int64_t> idByUserName(std::string_view userName);
    // The account's user name, when it has one.
    std::optional<std::string> userNameOf(std::int64_t userId);
    // The open account with this e-mail address (compared as the unique key does, ignoring
    // case).
    std::optional<std::int64_t> idByEmail(std::string_view email);
    // The e-mail addresses of those of `userIds` that have one: (user id, address) pairs, in
    // no order. One statement however many ids.
    std::vector<std::pair<std::int64_t, std::string>> emailsOf(
        const std::vector<std::int64_t>& userIds);

  private:
    Connection& db_;
};

}  // namespace mmx::db
