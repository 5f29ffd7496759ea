#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// The shop side of the user-API phone, one function a route (shops.cpp holds the table).
namespace mmx::dialects::userapi::shops {

// shops.cpp: cities, categories, shops, presence, activities, visits
Response categories(Services& services, const Request& request);
Response cities(Services& services, const Request& request);
Response recommend(Services& services, const Request& request);
Response list(Services& services, const Request& request);
Response search(Services& services, const Request& request);
Response name(Services& services, const Request& request);
Response info(Services& services, const Request& request);
Response enter(Services& services, const Request& request);
Response exit(Services& services, const Request& request);
Response customers(Services& services, const Request& request);
Response shopActivities(Services& services, const Request& request);
Response cityActivities(Services& services, const Request& request);
Response activity(Services& services, const Request& request);
Response visits(Services& services, const Request& request);

// shop_goods.cpp: goods, try-on pictures, prices
Response goods(Services& services, const Request& request);
Response goodsInfo(Services& services, const Request& request);
Response fits(Services& services, const Request& request);
Response addFit(Services& services, const Request& request);
Response promot(Services& services, const Request& request);
Response promotNews(Services& services, const Request& request);
Response shopGoods(Services& services, const Request& request);

// shop_collections.cpp: fan shops, favourites, their switches and counts, friends' views
Response concernShop(Services& services, const Request& request);
Response unconcernShop(Services& services, const Request& request);
Response concernGoods(Services& services, const Request& request);
Response unconcernGoods(Services& services, const Request& request);
Response fansDiff(Services& services, const Request& request);
Response fansInfo(Services& services, const Request& request);
Response fansNews(Services& services, const Request& request);
Response favoriteDiff(Services& services, const Request& request);
Response favoriteInfo(Services& services, const Request& request);
Response messageSetting(Services& services, const Request& request);
Response counts(Services& services, const Request& request);
Response friendFavorites(Services& services, const Request& request);
Response friendFans(Services& services, const Request& request);
Response friendVisits(Services& services, const Request& request);
Response favorites(Services& services, const Request& request);

}  // namespace mmx::dialects::userapi::shops
