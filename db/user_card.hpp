#pragma once

#include <cstdint>
#include <string>

#include "db/connection.hpp"

namespace mmx::db {

// The card of a user, as lists of people show it (the card of /user/info).
struct UserCard {
    std::int64_t id = 0;
    std::string nickName;
    std::string city;
    std::string portrait;
    std::string mcode;
    // Whether the reader may see how to reach this user (the MMX code): set where the
    // reader is known to be the user or a friend (core/visibility.hpp), never by default.
    bool contact = false;
};

// The card's columns of `users u`, in the order readUserCard takes them. Every query that
// shows people selects exactly these.
#define MMX_USER_CARD_COLUMNS "u.id, u.nick_name, u.city, u.user_photo, u.mcode"

// Reads the five card columns starting at `first`, in the order of MMX_USER_CARD_COLUMNS.
inline UserCard readUserCard(const Row& row, std::size_t first) {
    return UserCard{row.i64(first), row.str(first + 1), row.str(first + 2), row.str(first + 3),
                    row.str(first + 4)};
}

}  // namespace mmx::db
