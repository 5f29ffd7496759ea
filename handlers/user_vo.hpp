#pragma once

#include <optional>
#include <string_view>

#include "db/user_repository.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

namespace mmx {

enum class ProfileView { Owner, Public };

// Seed 003's userVO. The public view leaves out what only its owner may see.
void writeUserVO(JsonObject userVO, const db::UserProfile& profile, ProfileView view);

// The fields `updateUser` was sent, validated; fields not sent stay nullopt.
// Throws BAD_PARAM naming the first bad field.
db::ProfileValues readProfileChanges(const Request& request);

}  // namespace mmx
