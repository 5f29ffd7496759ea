#include "fcgi/multipart.hpp"

#include <string.h>

#include "core/api_error.hpp"

namespace mmx {

std::string multipartBoundary(std::string_view contentType) {
    const auto pos = contentType.find("boundary=");
    if (pos == std::string_view::npos) throwBadParam("请求格式错误：缺少 multipart 分隔符");
    std::string_view boundary = contentType.substr(pos + 9);
    boundary = boundary.substr(0, boundary.find(';'));
    bool printable = true;
    for (const char c : boundary) printable = printable && c > 0x20 && c < 0x7f;
    if (boundary.empty() || boundary.size() > 70 || !printable) {
        throwBadParam("请求格式错误：multipart 分隔符须为1到70个可见字符");
    }
    return std::string(boundary);
}

std::size_t countMultipartParts(std::string_view body, std::string_view boundary) {
    const std::string delimiter = "--" + std::string(boundary) + "\r\n";
    std::size_t count = 0;
    const char* at = body.data();
    const char* const end = body.data() + body.size();
    while (at < end) {
        const void* found =
            memmem(at, static_cast<std::size_t>(end - at), delimiter.data(), delimiter.size());
        if (found == nullptr) break;
        ++count;
        at = static_cast<const char*>(found) + delimiter.size();
    }
    return count;
}

}  // namespace mmx
