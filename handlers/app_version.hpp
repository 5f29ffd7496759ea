#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

namespace mmx::app {

// The newest package of a platform; any client may ask, without logging in.
Response latestVersion(Services& services, const Request& request);

}  // namespace mmx::app
