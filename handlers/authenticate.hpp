#pragma once

#include "db/user_repository.hpp"
#include "fcgi/request.hpp"
#include "services/services.hpp"

namespace mmx {

// The identity behind a request's `uid`, `accessToken` and `client` headers. Throws
// AUTH_REQUIRED, TOKEN_INVALID or TOKEN_EXPIRED.
Identity authenticate(Services& services, const Request& request);

// The actor's profile, as the session check loaded it for this request.
const db::UserProfile& actorProfile(const Request& request);

}  // namespace mmx
