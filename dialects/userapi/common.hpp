#pragma once

#include <functional>
#include <vector>

#include "core/api_error.hpp"
#include "dialects/dialect.hpp"
#include "fcgi/response.hpp"

// What every part of the user-API dialect shares: its numeric codes and its answer shapes.
namespace mmx::dialects::userapi {

// The phone's `err` for a refusal of `code`: stable numbers, listed in docs/userapi-codes.md
// (0 is success and never a refusal's).
int errFor(ErrorCode code);

// A success: {"err": 0, …what `build` adds}.
Response ok(const std::function<void(JsonObject)>& build = {});

// A refusal: {"err": errFor(code), "msg": the reason, "retryAfter": seconds when RATE_LIMITED}.
Response refused(const ApiError& error);

// A fault: {"err": errFor(SERVER_ERROR), "msg": a fixed line}; the cause is logged, never shown.
Response fault();

// The parts' route tables, joined by dialect(): the account, its people and its settings
// (account.cpp); shops, goods and the user's collections of them (shops.cpp).
std::vector<DialectRoute> accountRoutes();
std::vector<DialectRoute> shopRoutes();

}  // namespace mmx::dialects::userapi
