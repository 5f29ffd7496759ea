#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/identity.hpp"
#include "services/services.hpp"

// The older phones keep their session in a cookie: the same session (user, client, token)
// the house's headers carry, looked up through services/sessions.
namespace mmx::dialects {

inline constexpr std::string_view kSessionCookie = "mmx_session";

struct CookieSession {
    std::int64_t userId = 0;
    std::string client;
    std::string token;
};

// The session cookie named `name` (a dialect's own, mmx_session unless it names another) of a
// Cookie header, when it is there and well-formed.
std::optional<CookieSession> readSessionCookie(std::string_view cookieHeader,
                                               std::string_view name = kSessionCookie);

// The Set-Cookie value that hands `identity` to the phone under the cookie `name`: HttpOnly,
// SameSite=Strict, for the whole site, lasting `maxAgeSeconds`.
std::string sessionCookieFor(const Identity& identity, std::int64_t maxAgeSeconds,
                             std::string_view name = kSessionCookie);

// The Set-Cookie value that makes the phone forget its session cookie `name`.
std::string clearedSessionCookie(std::string_view name = kSessionCookie);

// The identity of the request's session cookie `name`: AUTH_REQUIRED without one,
// TOKEN_INVALID or TOKEN_EXPIRED from services::checkSession.
Identity sessionFromCookie(Services& services, std::string_view cookieHeader,
                           std::string_view name = kSessionCookie);

// A client id for a phone that sends none: each login its own session.
std::string newDialectClient(std::string_view dialect);

}  // namespace mmx::dialects
