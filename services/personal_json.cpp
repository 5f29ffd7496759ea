#include "services/personal_json.hpp"

#include "core/third_party.hpp"

namespace mmx::services {

void writePersonal(JsonObject info, const db::UserProfile& profile, std::string_view email) {
    using db::ProfileField;
    info.set("name", profile[ProfileField::NickName].value_or(""));
    info.set("portrait", profile[ProfileField::UserPhoto].value_or(""));
    const auto& sex = profile[ProfileField::Sex];
    if (sex == "1" || sex == "2") {
        info.set("gender", *sex == "1" ? 1 : 2);
    } else {
        info.setNull("gender");
    }
    if (profile.cityId) {
        info.set("city", *profile.cityId);
    } else {
        info.setNull("city");
    }
    info.set("phone", isOwnMobile(profile.mobile) ? profile.mobile : "");
    info.set("mcode", profile.mcode);
    info.set("qcode", profile.qcodeUrl.value_or(""));
    info.set("email", email);
    info.set("birthday", "");
}

}  // namespace mmx::services
