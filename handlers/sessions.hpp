#pragma once

#include <cstdint>
#include <string_view>

#include "db/user_repository.hpp"
#include "fcgi/request.hpp"
#include "services/services.hpp"

namespace mmx {

// Checks `uid` + `accessToken` against the session stored for (uid, client) and
// slides its expiry. Throws AUTH_REQUIRED, TOKEN_INVALID or TOKEN_EXPIRED.
Identity authenticate(Services& services, const Request& request);

// The actor's profile, as the session check loaded it for this request.
const db::UserProfile& actorProfile(const Request& request);

// A new session for (user, client), replacing the one that client had.
Identity openSession(Services& services, std::int64_t userId, std::string_view client);

}  // namespace mmx
