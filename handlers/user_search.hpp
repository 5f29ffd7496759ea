#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /user/user!readUsers, !search, !selectPhones — finding people.
namespace mmx::user {

Response readUsers(Services& services, const Request& request);
Response search(Services& services, const Request& request);
Response selectPhones(Services& services, const Request& request);

}  // namespace mmx::user
