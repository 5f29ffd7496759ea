#include "services/profile_fields.hpp"

#include <algorithm>
#include <iterator>

namespace mmx::services {

const ProfileFieldSpec& profileFieldSpec(db::ProfileField field) {
    return *std::find_if(std::begin(kProfileFields), std::end(kProfileFields),
                         [&](const ProfileFieldSpec& spec) { return spec.field == field; });
}

}  // namespace mmx::services
