#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

namespace mmx::address {

// The acting user's delivery addresses (docs/api.md, "Addresses, feedback and app versions").
Response list(Services& services, const Request& request);
Response add(Services& services, const Request& request);
Response update(Services& services, const Request& request);
Response remove(Services& services, const Request& request);
Response setDefault(Services& services, const Request& request);

}  // namespace mmx::address
