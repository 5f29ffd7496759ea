#pragma once

#include <string>
#include <string_view>

#include "handlers/services.hpp"

namespace mmx {

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

}  // namespace mmx
