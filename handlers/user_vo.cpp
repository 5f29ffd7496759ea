#include "handlers/user_vo.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/third_party.hpp"
#include "handlers/params.hpp"
#include "services/profile_fields.hpp"

namespace mmx {
namespace {

using db::ProfileField;

using FieldSpec = services::ProfileFieldSpec;
constexpr const auto& kFields = services::kProfileFields;

// The first phone app sends `sex` as userVO.sex and the rest as userExtendVO.*; either prefix is
// taken.
std::optional<std::string_view> findParam(const Request& request, std::string_view name,
                                          std::string& foundAs) {
    for (const std::string_view prefix : {"userExtendVO.", "userVO."}) {
        foundAs = std::string(prefix) + std::string(name);
        if (auto value = request.param(foundAs)) return value;
    }
    return std::nullopt;
}

}  // namespace

void writeUserVO(JsonObject userVO, const db::UserProfile& profile, Visibility visibility) {
    userVO.set("userId", profile.id);
    // An account made by third-party login has no mobile until it binds one.
    if (visibility.contact) {
        userVO.set("phoneNumber", isOwnMobile(profile.mobile) ? profile.mobile : "");
    }
    for (const auto& spec : kFields) {
        if (!spec.isPublic && !visibility.ownerFields) continue;
        userVO.set(spec.name, profile[spec.field].value_or(""));
    }
    if (profile.cityId) userVO.set("cityId", *profile.cityId);
    if (visibility.contact) {
        userVO.set("mcode", profile.mcode);
        userVO.set("qcode", profile.qcodeUrl.value_or(""));
    }
}

db::ProfileValues readProfileChanges(const Request& request) {
    db::ProfileValues changes;
    std::string name;
    for (const auto& spec : kFields) {
        if (spec.field == ProfileField::UserPhoto) continue;  // only through uploadPhoto
        if (!findParam(request, spec.name, name)) continue;
        auto& slot = changes[static_cast<std::size_t>(spec.field)];
        if (spec.field == ProfileField::Sex) {
            slot = std::to_string(*optionalInt(request, name, 1, 2));
        } else if (spec.field == ProfileField::Age) {
            slot = std::to_string(*optionalInt(request, name, 1, 150));
        } else if (spec.field == ProfileField::NickName) {
            slot = requireText(request, name, 1, spec.maxChars);
        } else {
            slot = optionalText(request, name, spec.maxChars);
        }
    }
    return changes;
}

db::ProfileValues readExpectedValues(const Request& request) {
    db::ProfileValues expected;
    for (const auto& spec : kFields) {
        const std::string name = "expect." + std::string(spec.name);
        if (request.param(name)) {
            expected[static_cast<std::size_t>(spec.field)] =
                optionalText(request, name, spec.maxChars).value_or("");
        }
    }
    return expected;
}

std::vector<ProfileField> readFieldSelection(const Request& request) {
    std::vector<ProfileField> only;
    for (const std::string& name : request.paramList("fields")) {
        const auto spec = std::find_if(std::begin(kFields), std::end(kFields),
                                       [&](const FieldSpec& s) { return s.name == name; });
        if (spec == std::end(kFields)) {
            throwBadParam("参数 fields 含有未知字段 " + name.substr(0, 32));
        }
        if (std::find(only.begin(), only.end(), spec->field) == only.end()) {
            only.push_back(spec->field);
        }
    }
    return only;
}

void writeSelectedFields(JsonObject out, const db::UserProfile& profile, Visibility visibility,
                         const std::vector<ProfileField>& only) {
    out.set("userId", profile.id);
    for (const auto& spec : kFields) {
        if (!spec.isPublic && !visibility.ownerFields) continue;
        if (std::find(only.begin(), only.end(), spec.field) == only.end()) continue;
        out.set(spec.name, profile[spec.field].value_or(""));
    }
}

}  // namespace mmx
