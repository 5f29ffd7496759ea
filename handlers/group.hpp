#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /chat/group!… — groups and their members: thin adapters over services/groups and
// services/group_members.
namespace mmx::group {

Response create(Services& services, const Request& request);
Response update(Services& services, const Request& request);
Response remove(Services& services, const Request& request);
Response info(Services& services, const Request& request);
Response mine(Services& services, const Request& request);

Response members(Services& services, const Request& request);
Response addMembers(Services& services, const Request& request);
Response removeMembers(Services& services, const Request& request);
Response setAdmin(Services& services, const Request& request);
Response transfer(Services& services, const Request& request);
Response quit(Services& services, const Request& request);
Response setingGroup(Services& services, const Request& request);

}  // namespace mmx::group
