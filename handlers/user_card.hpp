#pragma once

#include <cstdint>

#include "db/user_card.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

namespace mmx {

// A public card as every people list shows it: userID, nickName, city, portrait, mcode
// (seed 004 /user/info).
void writeUserCard(JsonObject card, const db::UserCard& user);

// `offset` (default 0) and `count` (default 20, at most 100) of a list that grows.
struct Page {
    std::int64_t offset = 0;
    std::int64_t count = 20;
};
Page readPage(const Request& request);

}  // namespace mmx
