#include "handlers/user_card.hpp"

namespace mmx {

void writeUserCard(JsonObject card, const db::UserCard& user) {
    card.set("userID", user.id)
        .set("nickName", user.nickName)
        .set("city", user.city)
        .set("portrait", user.portrait);
    if (user.contact) card.set("mcode", user.mcode);  // the MMX code: friends only
}

}  // namespace mmx
