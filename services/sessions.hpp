#pragma once

#include <cstdint>
#include <string_view>

#include "core/identity.hpp"
#include "services/services.hpp"

namespace mmx::services {

// Checks a presented token against the session stored for (userId, client) and slides its
// expiry; the identity carries the actor's profile, loaded with the session. Throws
// TOKEN_INVALID or TOKEN_EXPIRED.
Identity checkSession(Services& services, std::int64_t userId, std::string_view client,
                      std::string_view token);

// Checks the presented token as checkSession does and hands the session a new token: the
// presented one stops working. Of two rotations of one token, one wins; the other is
// TOKEN_INVALID, as a stale token is. The identity carries the new token and the actor's
// profile.
Identity rotateSession(Services& services, std::int64_t userId, std::string_view client,
                       std::string_view token);

// A new session for (user, client), replacing the one that client had.
Identity openSession(Services& services, std::int64_t userId, std::string_view client);

}  // namespace mmx::services
