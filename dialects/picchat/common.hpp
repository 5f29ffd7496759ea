#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "core/api_error.hpp"
#include "dialects/dialect.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// What the picture-chat dialect's parts share: its answers, its cookie, and how it names users.
namespace mmx::dialects::picchat {

inline constexpr std::string_view kName = "picchat";
inline constexpr std::string_view kCookie = "picchat_session";

// Whether an answer carries `ack` (the chats and pics routes).
enum class Ack { Without, With };

// A success: {"err": null, ("ack": true,) …what `build` adds}.
Response ok(Ack ack, const std::function<void(JsonObject)>& build = {});

// A refusal: {"err": {"code": the house's code name, "message": the reason}, ("ack": false)},
// and "retryAfter" (seconds) when RATE_LIMITED.
Response refused(Ack ack, const ApiError& error);

// A fault: a refusal of SERVER_ERROR with a fixed line; the cause is logged, never shown.
Response fault(Ack ack);

// A user as the phone names one: an e-mail address, or the numeric user id. NOT_FOUND for an
// address no open account has; BAD_PARAM on `param` for anything else.
std::int64_t userIdOf(Services& services, std::string_view text, std::string_view param);

// The user the request names under `param` (an address or an id); BAD_PARAM when missing.
std::int64_t requireUser(Services& services, const Request& request, std::string_view param);

// A `param` in the body (an address or an id) names the actor: it must be the session's user
// (FORBIDDEN otherwise, an unknown address included). Absent, the session's user is meant.
void requireSelf(Services& services, const Request& request, std::string_view param);

// The parts' route tables, joined by people() and pictures().
std::vector<DialectRoute> userRoutes();
std::vector<DialectRoute> friendRoutes();
std::vector<DialectRoute> chatRoutes();
std::vector<DialectRoute> pictureRoutes();

}  // namespace mmx::dialects::picchat
