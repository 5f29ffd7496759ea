#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// The account side of the user-API phone, one function a route, each a translation over the
// services; accountRoutes() (account.cpp) lists them.
namespace mmx::dialects::userapi::account {

// account.cpp: signing in and out, the codes, the account's own profile and mobile.
Response login(Services& services, const Request& request);
Response logout(Services& services, const Request& request);
Response registerAccount(Services& services, const Request& request);
Response gencode(Services& services, const Request& request);
Response vercode(Services& services, const Request& request);
Response resetpw(Services& services, const Request& request);
Response readPersonal(Services& services, const Request& request);
Response changePersonal(Services& services, const Request& request);
Response bindphone(Services& services, const Request& request);

// account_people.cpp: addresses, friends, other users' cards, settings, feedback, version.
Response addressList(Services& services, const Request& request);
Response addressChange(Services& services, const Request& request);
Response addressAdd(Services& services, const Request& request);
Response addressDelete(Services& services, const Request& request);
Response addressDefault(Services& services, const Request& request);
Response friendDiff(Services& services, const Request& request);
Response friendRead(Services& services, const Request& request);
Response friendName(Services& services, const Request& request);
Response friendPrivate(Services& services, const Request& request);
Response friendInvite(Services& services, const Request& request);
Response friendAccept(Services& services, const Request& request);
Response userInfo(Services& services, const Request& request);
Response privacyRead(Services& services, const Request& request);
Response privacyChange(Services& services, const Request& request);
Response feedbackList(Services& services, const Request& request);
Response feedbackSubmit(Services& services, const Request& request);
Response version(Services& services, const Request& request);

// account_web.cpp: version 2's /userweb/… routes.
Response webFriends(Services& services, const Request& request);
Response webSearch(Services& services, const Request& request);
Response webRemark(Services& services, const Request& request);
Response qqInfo(Services& services, const Request& request);
Response weiboInfo(Services& services, const Request& request);
Response wechatInfo(Services& services, const Request& request);
Response imgUpload(Services& services, const Request& request);
Response quickModifyImg(Services& services, const Request& request);
Response selectPhones(Services& services, const Request& request);

}  // namespace mmx::dialects::userapi::account
