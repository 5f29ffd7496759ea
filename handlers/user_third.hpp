#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /user/user!thirdLogin, !thirdInfo, !bindThird, !unbindThird — signing in with QQ,
// WeChat, Weibo or Alipay, and binding those accounts.
namespace mmx::user {

Response thirdLogin(Services& services, const Request& request);
Response thirdInfo(Services& services, const Request& request);
Response bindThird(Services& services, const Request& request);
Response unbindThird(Services& services, const Request& request);

}  // namespace mmx::user
