#pragma once

#include <cstdint>

#include "db/user_card.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/params.hpp"

namespace mmx {

// A card as every people list shows it: userID, nickName, city, portrait, and mcode only
// where the card says the reader may see it (oneself, a friend).
void writeUserCard(JsonObject card, const db::UserCard& user);

// A page of people (requests, blocks, search hits): 20 by default, at most 100.
inline constexpr PageLimits kPeoplePage{20, 100};

}  // namespace mmx
