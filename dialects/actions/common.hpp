#pragma once

#include "dialects/actions/answers.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// The action phone's use cases, one per Action, each answering in the phone's shape
// (refusals included): accounts.cpp and profile.cpp.
namespace mmx::dialects::actions {

Response login(Services& services, const Request& request);
Response logon(Services& services, const Request& request);
Response update(Services& services, const Request& request);
Response getMessage(Services& services, const Request& request);

}  // namespace mmx::dialects::actions
