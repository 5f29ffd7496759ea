#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /user/setting!… — the user's own settings.
namespace mmx::setting {

// GET reads, POST changes `policy` (1 anyone / 2 confirm / 3 nobody) and/or
// `findByMobile` (0/1); both answer the settings as they now are.
Response friendPolicy(Services& services, const Request& request);

}  // namespace mmx::setting
