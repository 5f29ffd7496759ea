#include "fcgi/cgicc_input.hpp"

#include <climits>
#include <cstring>

#include "fcgi/content_type.hpp"

namespace mmx {

std::size_t FcgiCgiInput::read(char* data, std::size_t length) {
    std::size_t total = 0;
    while (total < length) {
        const std::size_t want = std::min<std::size_t>(length - total, INT_MAX);
        const int got = FCGX_GetStr(data + total, static_cast<int>(want), request_.in);
        if (got <= 0) break;
        total += static_cast<std::size_t>(got);
    }
    return total;
}

std::string FcgiCgiInput::getenv(const char* name) {
    const char* value = FCGX_GetParam(name, request_.envp);
    if (value == nullptr) return {};
    if (std::strcmp(name, "CONTENT_TYPE") == 0) return normalizeContentType(value);
    return value;
}

}  // namespace mmx
