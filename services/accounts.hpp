#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/identity.hpp"
#include "db/user_repository.hpp"
#include "services/services.hpp"

// Accounts: signing in and out, registering with an SMS code, and passwords changed by the
// owner or reset by code. Every use case that takes a password counts its tries per client
// address and account (services/passwords).
namespace mmx::services {

// Who signs in, and from where: `address` is the client's address, `client` its header.
struct SignIn {
    std::string loginName;  // a mobile, a user name or an e-mail address
    std::string password;
    std::string address;
    std::string client;
    // Sign in by the numeric user id instead of a name (the older phones' Login).
    std::optional<std::int64_t> userId = std::nullopt;
};

struct SignedIn {
    Identity identity;  // the new session
    db::UserProfile profile;
};

// A new session for the client: BAD_CREDENTIALS whether the name is unknown or the
// password wrong (both cost one hash), RATE_LIMITED when the address or the account has
// had too many wrong passwords.
SignedIn login(Services& services, const SignIn& signIn);

// Ends the session of (user, client).
void signOut(Services& services, std::int64_t userId, std::string_view client);

// The owner's change: BAD_CREDENTIALS "原密码错误" when `oldPassword` is wrong. Ends every
// session of the account, the caller's included.
void changePassword(Services& services, const Identity& actor, std::string_view address,
                    std::string_view oldPassword, std::string_view newPassword);

// Sends a registration code to a mobile that has no account (CONFLICT when it has one).
void sendRegisterCode(Services& services, std::string_view address, std::string_view mobile);

// Creates the account once `code` matches: its new user id. CONFLICT when the mobile has
// an account, BAD_CODE or CODE_EXPIRED from the code.
std::int64_t registerAccount(Services& services, std::string_view address, std::string_view mobile,
                             std::string_view password, std::string_view code);

// registerAccount with a code proven before (verifyCode) instead of its text: CODE_EXPIRED
// when no proven code of the mobile is left to spend. The proof is spent with the account.
std::int64_t registerByProvenCode(Services& services, std::string_view address,
                                  std::string_view mobile, std::string_view password);

// Sends a reset code when the mobile has an account; an unknown mobile gets the same
// answer and throttle, and no message.
void sendResetCode(Services& services, std::string_view address, std::string_view mobile);

// Sets a new password once `code` matches, ends every session of the account, and clears
// every wrong-password counter of it.
void resetPassword(Services& services, std::string_view address, std::string_view mobile,
                   std::string_view password, std::string_view code);

// resetPassword with a code proven before (verifyCode) instead of its text, spent once.
void resetPasswordByProvenCode(Services& services, std::string_view address,
                               std::string_view mobile, std::string_view password);

}  // namespace mmx::services
