#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

namespace mmx::shop {

// Shop discovery (docs/api.md, "Shops"): every route reads, but for enter, exit and addFit.
Response cityList(Services& services, const Request& request);
Response categoryList(Services& services, const Request& request);
Response recommend(Services& services, const Request& request);
Response list(Services& services, const Request& request);
Response search(Services& services, const Request& request);
Response name(Services& services, const Request& request);
Response info(Services& services, const Request& request);
Response enter(Services& services, const Request& request);
Response exit(Services& services, const Request& request);
Response customers(Services& services, const Request& request);

Response goodsList(Services& services, const Request& request);
Response goodsInfo(Services& services, const Request& request);
Response goodsFits(Services& services, const Request& request);
Response goodsAddFit(Services& services, const Request& request);
Response goodsPromot(Services& services, const Request& request);
Response goodsLatest(Services& services, const Request& request);
Response goodsByShops(Services& services, const Request& request);

Response activityByShop(Services& services, const Request& request);
Response activityByCity(Services& services, const Request& request);
Response activityInfo(Services& services, const Request& request);

Response visitMine(Services& services, const Request& request);

}  // namespace mmx::shop
