#include "fcgi/content_type.hpp"

#include <algorithm>
#include <cctype>

namespace mmx {

std::string normalizeContentType(std::string_view contentType) {
    std::string lower(contentType);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto pos = lower.find("boundary=");
    if (pos == std::string::npos) return std::string(contentType);

    std::string_view value = contentType.substr(pos + 9);
    value = value.substr(0, value.find(';'));
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    std::string normalized(contentType.substr(0, pos));
    normalized += "boundary=";
    normalized += value;
    return normalized;
}

}  // namespace mmx
