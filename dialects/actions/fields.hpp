#pragma once

#include <optional>
#include <string_view>

#include "services/profile_fields.hpp"

// The action phone's `data_type` names and the house's profile fields behind them.
namespace mmx::dialects::actions {

enum class FieldKind {
    Profile,   // one of the profile's fields (`field`)
    UserId,    // the account's numeric id, read only
    UserName,  // the account's user name, read only, shown to its owner alone
};

struct PhoneField {
    std::string_view name;
    FieldKind kind;
    db::ProfileField field = db::ProfileField::NickName;  // with FieldKind::Profile
};

// The field the phone names `name` (exact, lower case, as docs/api.md lists them); nullopt for
// a name the table does not hold.
std::optional<PhoneField> phoneField(std::string_view name);

}  // namespace mmx::dialects::actions
