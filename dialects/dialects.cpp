#include "dialects/classic/classic.hpp"

namespace mmx::dialects {

std::vector<Dialect> allDialects() {
    return {classic::dialect()};
}

}  // namespace mmx::dialects
