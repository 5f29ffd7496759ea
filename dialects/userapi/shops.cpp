// Translation only: every rule is the services'; no SQL and no repository here.
#include "dialects/userapi/common.hpp"

namespace mmx::dialects::userapi {

std::vector<DialectRoute> shopRoutes() {
    return {};
}

}  // namespace mmx::dialects::userapi
