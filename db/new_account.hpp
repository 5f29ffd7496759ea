#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

// What a new account starts with. Each way of making one (a mobile and its code, a user
// name or an e-mail, a provider's account) sets its own sign-in name and leaves the others.
struct NewAccount {
    std::optional<std::string_view> mobile;
    std::optional<std::string_view> userName;
    std::optional<std::string_view> email;
    std::string_view passwordHash;  // "!" for an account with no password
    std::string_view nickName;
};

// Inserts the account's users row, with a fresh MMX code (drawn again, longer, on the rare
// clash with another account's) and the friend-list key of its nickname: its id.
// DuplicateKey when the sign-in name is taken.
std::int64_t insertAccount(Connection& db, const NewAccount& account, std::int64_t now);

}  // namespace mmx::db
