#pragma once

#include <string_view>

#include "db/user_repository.hpp"
#include "fcgi/response.hpp"

namespace mmx::services {

// The shop app's short profile of its owner, as user!personal and the user-API phone's
// /user/personal answer it: name, portrait, gender (1, 2 or null), city (the id of one of the
// app's cities, or null), phone (the owner's own mobile, "" for a stand-in), mcode, qcode,
// email ("" when none) and birthday ("": the house keeps none).
void writePersonal(JsonObject info, const db::UserProfile& profile, std::string_view email);

}  // namespace mmx::services
