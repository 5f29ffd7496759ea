#include "handlers/user_card.hpp"

#include "handlers/params.hpp"

namespace mmx {

void writeUserCard(JsonObject card, const db::UserCard& user) {
    card.set("userID", user.id)
        .set("nickName", user.nickName)
        .set("city", user.city)
        .set("portrait", user.portrait)
        .set("mcode", user.mcode);
}

Page readPage(const Request& request) {
    Page page;
    page.offset = optionalInt(request, "offset", 0, 1000000).value_or(0);
    page.count = optionalInt(request, "count", 1, 100).value_or(20);
    return page;
}

}  // namespace mmx
