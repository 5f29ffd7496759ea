#pragma once

#include "fcgi/router.hpp"
#include "services/services.hpp"

namespace mmx {

// The whole API in one table: route, methods, who may call it, and its function.
RouteTable buildRoutes(Services& services);

}  // namespace mmx
