#pragma once

#include <string>
#include <string_view>

#include "services/services.hpp"

namespace mmx::services {

// argon2id, waiting for one of the host's hash slots first.
std::string hashPasswordLimited(Services& services, std::string_view password);
bool verifyPasswordLimited(Services& services, const std::string& storedHash,
                           std::string_view password);

// An argon2id hash, made with today's limits, of random bytes nobody kept. Checking a
// password against it costs what a real check costs (a unit test holds it to today's
// limits: regenerate it if they change).
inline constexpr std::string_view kDummyPasswordHash =
    "$argon2id$v=19$m=65536,t=2,p=1$LeHvNkmB8f82T0P1FRFmEA$"
    "lIzcSHsSrcOKcsBGSUr6CwNLclDc7J3KQ48maFdU0l8";

// Spends the same work as a real check, for a login name that has no account, so that
// an unknown user and a wrong password cannot be told apart by time.
void verifyAgainstDummy(Services& services, std::string_view password);

// One try at an account's password, and the counters its failure goes to: per (account,
// client address), tight; per account, loose; per (account, client), which decides
// whether a known client is still let through.
struct PasswordTry {
    std::string account;  // "uid:<id>", or "name:<login name>" when no account has it
    std::string address;  // the client's address
    std::string client;   // the `client` header
    bool knownClient = false;
};

// Refuses with RATE_LIMITED, before any hash, a try that the counters close. A client that
// has logged in to the account before passes the per-address and per-account limits as
// long as its own wrong passwords stay under the per-address limit.
void admitPasswordTry(Services& services, const PasswordTry& attempt);
// A wrong password, counted on all three counters.
void countWrongPassword(Services& services, const PasswordTry& attempt);
// The right password: the account's count and those of this address and client start
// over (other addresses keep theirs: a stranger elsewhere gains nothing by it).
void clearPasswordTries(Services& services, const PasswordTry& attempt);
// A reset by SMS code: every counter of the account starts over.
void clearEveryPasswordTry(Services& services, std::string_view account);

// The counter key of an account's tries, shared by login and updatePassword.
std::string passwordAccountKey(std::int64_t userId);

}  // namespace mmx::services
