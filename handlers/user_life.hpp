#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /user/user!… — the rest of the account's life: the short profile, code checks, a new
// mobile, the user name, closing the account, and the avatar by URL.
namespace mmx::user {

Response personal(Services& services, const Request& request);
Response verifyCode(Services& services, const Request& request);
Response sendBindCode(Services& services, const Request& request);
Response bindPhone(Services& services, const Request& request);
Response setUserName(Services& services, const Request& request);
Response sendDestroyCode(Services& services, const Request& request);
Response destroy(Services& services, const Request& request);
Response photoFromUrl(Services& services, const Request& request);

}  // namespace mmx::user
