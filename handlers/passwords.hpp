#pragma once

#include <string>
#include <string_view>

#include "handlers/services.hpp"

namespace mmx {

// argon2id, waiting for one of the host's hash slots first.
std::string hashPasswordLimited(Services& services, std::string_view password);
bool verifyPasswordLimited(Services& services, const std::string& storedHash,
                           std::string_view password);

// Spends the same work as a real check, for a login name that has no account, so that
// an unknown user and a wrong password cannot be told apart by time.
void verifyAgainstDummy(Services& services, std::string_view password);

}  // namespace mmx
