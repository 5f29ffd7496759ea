#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/params.hpp"
#include "services/services.hpp"

// /user/friend!… — friends. (`friend` is a keyword, hence `friends`.)
namespace mmx::friends {

// The names a friend's id is taken under, across the app's clients.
inline constexpr Names kFriendNames = {"friendId", "frdID",  "friendID", "friend_id",
                                       "uid",      "userID", "userId"};
// My private name for a friend, as the answers call it (rmkName) and as clients send it.
inline constexpr Names kRemarkNames = {"remark", "rmkName", "nickName"};

// friend_requests.cpp
Response invite(Services& services, const Request& request);
Response listRequests(Services& services, const Request& request);
Response accept(Services& services, const Request& request);
Response refuse(Services& services, const Request& request);

// friend_list.cpp
Response remove(Services& services, const Request& request);
Response updateRemark(Services& services, const Request& request);
Response read(Services& services, const Request& request);
Response list(Services& services, const Request& request);
Response diff(Services& services, const Request& request);

// friend_blocks.cpp
Response block(Services& services, const Request& request);
Response unblock(Services& services, const Request& request);
Response blocked(Services& services, const Request& request);

}  // namespace mmx::friends
