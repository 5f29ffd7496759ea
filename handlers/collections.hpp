#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// A user's fan shops and favourite goods (docs/api.md, "Fan shops and favourites"), and
// what friends may see of them.
namespace mmx::collections {

// collections_shop.cpp: /shop/shop!concern … /shop/favorite!list
Response concernShop(Services& services, const Request& request);
Response unconcernShop(Services& services, const Request& request);
Response concernGoods(Services& services, const Request& request);
Response unconcernGoods(Services& services, const Request& request);
Response fansDiff(Services& services, const Request& request);
Response fansInfo(Services& services, const Request& request);
Response fansNews(Services& services, const Request& request);
Response favoriteDiff(Services& services, const Request& request);
Response favoriteInfo(Services& services, const Request& request);
Response favoriteList(Services& services, const Request& request);

// collections_user.cpp: counts, a friend's collections, and my switches
Response counts(Services& services, const Request& request);
Response friendPrivacy(Services& services, const Request& request);
Response friendFavorites(Services& services, const Request& request);
Response friendFans(Services& services, const Request& request);
Response friendVisits(Services& services, const Request& request);
Response privacySetting(Services& services, const Request& request);
Response messageSetting(Services& services, const Request& request);

}  // namespace mmx::collections
