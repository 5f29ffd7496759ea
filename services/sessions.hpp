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

// A new session for (user, client), replacing the one that client had.
Identity openSession(Services& services, std::int64_t userId, std::string_view client);

}  // namespace mmx::services
