#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /user/user!… — the account and profile routes.
namespace mmx::user {

Response login(Services& services, const Request& request);
Response sendRegisterCode(Services& services, const Request& request);
Response registerUser(Services& services, const Request& request);
Response sendValidateCodeByRetreve(Services& services, const Request& request);
Response noLoginUpdatePassword(Services& services, const Request& request);
Response updatePassword(Services& services, const Request& request);
Response signOut(Services& services, const Request& request);

Response readUser(Services& services, const Request& request);
Response updateUser(Services& services, const Request& request);
Response uploadPhoto(Services& services, const Request& request);

}  // namespace mmx::user
