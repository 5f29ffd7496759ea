#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

namespace mmx::feedback {

// The acting user's feedback thread with the staff.
Response list(Services& services, const Request& request);
Response submit(Services& services, const Request& request);

}  // namespace mmx::feedback
