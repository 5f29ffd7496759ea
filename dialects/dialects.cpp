#include "dialects/classic/classic.hpp"
#include "dialects/userapi/userapi.hpp"

namespace mmx::dialects {

std::vector<Dialect> allDialects() {
    return {classic::dialect(), userapi::dialect()};
}

}  // namespace mmx::dialects
