#include "dialects/actions/actions.hpp"
#include "dialects/classic/classic.hpp"
#include "dialects/picchat/picchat.hpp"
#include "dialects/userapi/userapi.hpp"

namespace mmx::dialects {

std::vector<Dialect> allDialects() {
    return {classic::dialect(), userapi::dialect(), actions::dialect(), picchat::people(),
            picchat::pictures()};
}

}  // namespace mmx::dialects
