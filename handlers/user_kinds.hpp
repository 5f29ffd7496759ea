#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /user/user!registerByName: an account by user name or e-mail with no SMS code.
namespace mmx::user {

Response registerByName(Services& services, const Request& request);

}  // namespace mmx::user
