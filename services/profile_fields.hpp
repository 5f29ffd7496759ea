#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "db/user_repository.hpp"

// The profile's fields as every way in names and checks them: the house's userVO name, who
// besides the owner sees it, and what an owner's edit may hold. The house's routes and the
// older phones' dialects read this one table.
namespace mmx::services {

struct ProfileFieldSpec {
    db::ProfileField field;
    std::string_view name;  // the userVO name
    bool isPublic;          // strangers and friends see it; else the owner alone
    std::size_t maxChars;
    // A number field's range (sex, age); both 0 for a text field.
    std::int64_t minNumber = 0;
    std::int64_t maxNumber = 0;
    std::size_t minChars = 0;  // a text field's least length once trimmed
    bool editable = true;      // false: changed only its own way (the avatar, by upload)
};

inline constexpr ProfileFieldSpec kProfileFields[] = {
    {db::ProfileField::Sex, "sex", true, 1, 1, 2},
    {db::ProfileField::Age, "age", true, 3, 1, 150},
    {db::ProfileField::Country, "country", true, 16},
    {db::ProfileField::Province, "province", true, 16},
    {db::ProfileField::City, "city", true, 16},
    {db::ProfileField::District, "district", true, 16},
    {db::ProfileField::Street, "street", false, 100},
    {db::ProfileField::Company, "company", true, 100},
    {db::ProfileField::Occupation, "occupation", true, 50},
    {db::ProfileField::Role, "role", true, 50},
    {db::ProfileField::Degrees, "degrees", true, 20},
    {db::ProfileField::School, "school", true, 100},
    {db::ProfileField::NickName, "nickName", true, 30, 0, 0, 1},
    {db::ProfileField::Signature, "signature", true, 140},
    {db::ProfileField::UserPhoto, "userPhoto", true, 255, 0, 0, 0, false},
};

// The line of `field`.
const ProfileFieldSpec& profileFieldSpec(db::ProfileField field);

}  // namespace mmx::services
