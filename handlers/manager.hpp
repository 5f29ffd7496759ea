#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "fcgi/router.hpp"
#include "services/services.hpp"

// The manager side (docs/api.md, "Site staff"): /manager/{resource}!{method}, for site
// staff only. Each handler first checks the caller's site role for its action
// (core/manager_rules), so that anyone else learns nothing but FORBIDDEN.
namespace mmx::manager {

// A manager route as a Handler: a BAD_PARAM it throws carries `data.field`, the parameter
// it is about, for the console to show beside that field.
Handler bind(Services& services, Response (*handler)(Services&, const Request&));

Response userSearch(Services& services, const Request& request);
Response userInfo(Services& services, const Request& request);
Response userDisable(Services& services, const Request& request);
Response userEnable(Services& services, const Request& request);
Response userSetSiteRole(Services& services, const Request& request);

Response cityList(Services& services, const Request& request);
Response cityAdd(Services& services, const Request& request);
Response cityUpdate(Services& services, const Request& request);
Response cityDelete(Services& services, const Request& request);

Response categoryList(Services& services, const Request& request);
Response categoryAdd(Services& services, const Request& request);
Response categoryUpdate(Services& services, const Request& request);
Response categoryDelete(Services& services, const Request& request);

Response shopList(Services& services, const Request& request);
Response shopInfo(Services& services, const Request& request);
Response shopAdd(Services& services, const Request& request);
Response shopUpdate(Services& services, const Request& request);
Response shopDelete(Services& services, const Request& request);

Response goodsList(Services& services, const Request& request);
Response goodsInfo(Services& services, const Request& request);
Response goodsAdd(Services& services, const Request& request);
Response goodsUpdate(Services& services, const Request& request);
Response goodsDelete(Services& services, const Request& request);

Response activityList(Services& services, const Request& request);
Response activityAdd(Services& services, const Request& request);
Response activityUpdate(Services& services, const Request& request);
Response activityDelete(Services& services, const Request& request);

Response mediaUpload(Services& services, const Request& request);

Response groupList(Services& services, const Request& request);
Response groupInfo(Services& services, const Request& request);
Response groupDelete(Services& services, const Request& request);

Response versionPublish(Services& services, const Request& request);
Response versionList(Services& services, const Request& request);
Response feedbackThreads(Services& services, const Request& request);
Response feedbackThread(Services& services, const Request& request);
Response feedbackReply(Services& services, const Request& request);

Response statsOverview(Services& services, const Request& request);
Response auditList(Services& services, const Request& request);

}  // namespace mmx::manager
