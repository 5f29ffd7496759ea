#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/api_error.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// The older phones' own wire formats: each dialect is a table of (method, exact path) routes
// and the translation of its answers, over the same services as the house's routes. The
// router comes here when no house route matches (Dispatcher's fallback).
namespace mmx::dialects {

enum class DialectAccess {
    Open,     // no session (login, register)
    Session,  // the session cookie set at login; request.actor() is its user
};

using DialectHandler = std::function<Response(Services&, const Request&)>;

struct DialectRoute {
    Method method;
    std::string path;
    DialectAccess access;
    DialectHandler handler;
};

// How a dialect speaks: its routes, and its answer to a refusal (a thrown ApiError) and to
// a fault (anything else; logged, never shown).
struct Dialect {
    std::string name;
    std::vector<DialectRoute> routes;
    std::function<Response(const ApiError&)> refusal;
    std::function<Response()> fault;
};

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
