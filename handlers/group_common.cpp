#include "handlers/group_common.hpp"

#include <algorithm>

#include "core/api_error.hpp"
#include "core/text.hpp"
#include "handlers/params.hpp"

namespace mmx::group {

std::optional<std::string> optionalNonEmptyText(const Request& request, std::string_view name,
                                                std::size_t maxChars) {
    auto value = optionalText(request, name, maxChars);
    if (value && value->empty()) return std::nullopt;
    return value;
}

std::optional<std::string> readLogo(const Request& request) {
    auto logo = optionalNonEmptyText(request, "logo", 255);
    if (logo && logo->rfind("http://", 0) != 0 && logo->rfind("https://", 0) != 0) {
        throwBadParam("参数 logo 必须是http或https地址");
    }
    return logo;
}

}  // namespace mmx::group
