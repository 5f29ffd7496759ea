#pragma once

#include <cstdint>
#include <string>

#include "db/connection.hpp"

namespace mmx::db {

// The public card of a user, as lists of people show it (the card of /user/info).
struct UserCard {
    std::int64_t id = 0;
    std::string nickName;
    std::string city;
    std::string portrait;
    std::string mcode;
};

// Reads the five card columns starting at `first`, in the order
// id, nick_name, city, user_photo, mcode.
inline UserCard readUserCard(const Row& row, std::size_t first) {
    return UserCard{row.i64(first), row.str(first + 1), row.str(first + 2), row.str(first + 3),
                    row.str(first + 4)};
}

}  // namespace mmx::db
