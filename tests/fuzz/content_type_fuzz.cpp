// libFuzzer target: arbitrary bytes as a Content-Type header: normalized, then the
// multipart boundary taken from it, which is 1 to 70 visible characters or refused.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/api_error.hpp"
#include "fcgi/content_type.hpp"
#include "fcgi/multipart.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string header(reinterpret_cast<const char*>(data), size);
    const std::string normalized = mmx::normalizeContentType(header);
    if (normalized.size() > header.size()) __builtin_trap();  // only ever shortens
    try {
        const std::string boundary = mmx::multipartBoundary(normalized);
        if (boundary.empty() || boundary.size() > 70) __builtin_trap();
        for (const char c : boundary) {
            if (c <= 0x20 || c >= 0x7f) __builtin_trap();
        }
        mmx::countMultipartParts(header, boundary);
    } catch (const mmx::ApiError&) {
    }
    return 0;
}
