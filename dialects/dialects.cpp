#include "dialects/seed000/seed000.hpp"

namespace mmx::dialects {

std::vector<Dialect> allDialects() {
    return {seed000::dialect()};
}

}  // namespace mmx::dialects
