#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_error.hpp"
#include "dialects/session_cookie.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// The older phones' own wire formats: each dialect is a table of (method, exact path) routes
// and the translation of its answers, over the same services as the house's routes. The
// router comes here when no house route matches (Dispatcher's fallback).
namespace mmx::dialects {

enum class DialectAccess {
    Open,     // no session (login, register)
    Session,  // the dialect's session cookie set at login; request.actor() is its user
    Client,   // the house's `client` header and no session (the header phones' login, codes)
    Headers,  // the house's identity headers (client, uid, accessToken), as user!login hands
              // them out; a successful answer carries them back, as the house's do
};

using DialectHandler = std::function<Response(Services&, const Request&)>;

// A route's path is exact ("/user/login") or holds `{name}` segments
// ("/userweb/{uid}/friends"): a segment so named matches any one non-empty path segment, whose
// text (nginx hands the path decoded) becomes the request's first parameter `name`. An
// exact path wins over a pattern.
struct DialectRoute {
    Method method;
    std::string path;
    DialectAccess access;
    DialectHandler handler;
};

// How a dialect speaks: its routes, and its answer to a refusal (a thrown ApiError) and to
// a fault (anything else; logged, never shown). Lock contention that outlasted its retries is
// a refusal of RATE_LIMITED: the work is undone and the phone may try again.
struct Dialect {
    std::string name;
    std::string sessionCookie{kSessionCookie};  // the cookie of DialectAccess::Session
    std::vector<DialectRoute> routes;
    std::function<Response(const ApiError&)> refusal;
    std::function<Response()> fault;
};

// Whether `path` fits the route path `pattern` (exact segments, `{name}` ones matching any
// non-empty segment); the `{name}` segments' (name, text) into `captured`. Linear in both.
bool pathFits(std::string_view pattern, std::string_view path,
              std::vector<std::pair<std::string, std::string>>& captured);

// Every dialect the server speaks (dialects/dialects.cpp lists them).
std::vector<Dialect> allDialects();

// The router's fallback over `dialects`: the answer of the route matching the request's
// method and path; a path a dialect knows under another method is the house's 405 envelope
// (a protocol fault, as nginx's own are), with `Allow`; an unknown path is nullopt. Never
// throws.
std::function<std::optional<Response>(Request&)> dialectFallback(Services& services,
                                                                 std::vector<Dialect> dialects);

// A JSON answer in a dialect's own shape: `build` fills the document's root object.
Response jsonAnswer(const std::function<void(JsonObject)>& build);

}  // namespace mmx::dialects
