#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/visibility.hpp"
#include "db/user_repository.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"

namespace mmx {

// The userVO of a profile, as much of it as `visibility` allows: contact details (mobile,
// MMX code, QR card) only with `contact`, owner-only fields only with `ownerFields`.
void writeUserVO(JsonObject userVO, const db::UserProfile& profile, Visibility visibility);

// The fields `updateUser` was sent, validated; fields not sent stay nullopt.
// Throws BAD_PARAM naming the first bad field.
db::ProfileValues readProfileChanges(const Request& request);

// The fields readUser was asked for under `fields` (userVO names, repeated or comma-separated,
// each once); empty when none. BAD_PARAM names an unknown one.
std::vector<db::ProfileField> readFieldSelection(const Request& request);

// `userId` and the fields of `only` that `visibility` allows, each "" when never set.
void writeSelectedFields(JsonObject out, const db::UserProfile& profile, Visibility visibility,
                         const std::vector<db::ProfileField>& only);

// The values `updateUser` expects stored before it changes anything: `expect.<field>`
// (`expect.nickName=旧昵称`; empty for a field never set), fields not sent stay nullopt.
db::ProfileValues readExpectedValues(const Request& request);

}  // namespace mmx
