#pragma once

#include "dialects/dialect.hpp"

// The shop-discovery phone of the MMX user API (versions 1 and 2): REST paths under /user/…
// and /userweb/… with their HTTP methods, parameters from the query string, a form or JSON
// under the phone's own names, answers {"err": 0, …} with the numeric code table of
// docs/userapi-codes.md, and the house's identity headers as user!login hands them out.
namespace mmx::dialects::userapi {

Dialect dialect();

}  // namespace mmx::dialects::userapi
