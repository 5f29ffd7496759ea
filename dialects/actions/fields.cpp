#include "dialects/actions/fields.hpp"

#include <algorithm>
#include <iterator>

namespace mmx::dialects::actions {
namespace {

using db::ProfileField;

constexpr PhoneField kFields[] = {
    {"id", FieldKind::UserId},
    {"username", FieldKind::UserName},
    {"nickname", FieldKind::Profile, ProfileField::NickName},
    {"gender", FieldKind::Profile, ProfileField::Sex},
    {"sex", FieldKind::Profile, ProfileField::Sex},
    {"age", FieldKind::Profile, ProfileField::Age},
    {"country", FieldKind::Profile, ProfileField::Country},
    {"province", FieldKind::Profile, ProfileField::Province},
    {"city", FieldKind::Profile, ProfileField::City},
    {"district", FieldKind::Profile, ProfileField::District},
    {"street", FieldKind::Profile, ProfileField::Street},
    {"company", FieldKind::Profile, ProfileField::Company},
    {"occupation", FieldKind::Profile, ProfileField::Occupation},
    {"role", FieldKind::Profile, ProfileField::Role},
    {"degrees", FieldKind::Profile, ProfileField::Degrees},
    {"school", FieldKind::Profile, ProfileField::School},
    {"signature", FieldKind::Profile, ProfileField::Signature},
    {"portrait", FieldKind::Profile, ProfileField::UserPhoto},
    {"avatar", FieldKind::Profile, ProfileField::UserPhoto},
};

}  // namespace

std::optional<PhoneField> phoneField(std::string_view name) {
    const auto found = std::find_if(std::begin(kFields), std::end(kFields),
                                    [&](const PhoneField& field) { return field.name == name; });
    if (found == std::end(kFields)) return std::nullopt;
    return *found;
}

}  // namespace mmx::dialects::actions
