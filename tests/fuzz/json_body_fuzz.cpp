// libFuzzer target: arbitrary bytes as an application/json body (the older phones post
// JSON objects; RapidJSON's iterative parser behind our object-of-scalars rule).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/api_error.hpp"
#include "core/text.hpp"
#include "fcgi/content_type.hpp"
#include "fcgi/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string type = mmx::normalizeContentType("application/json; charset=utf-8");
    const std::string body(reinterpret_cast<const char*>(data), size);
    mmx::FormLimits limits;
    limits.maxParams = 20;
    limits.maxRepeats = 5;
    mmx::Request request;
    try {
        mmx::parseFormData(type, body, "", request, limits);
    } catch (const mmx::ApiError&) {
        return 0;
    }
    if (request.params.size() > limits.maxParams) __builtin_trap();
    for (const auto& [name, value] : request.params) {
        if (!mmx::utf8Length(name) || !mmx::utf8Length(value)) __builtin_trap();
    }
    return 0;
}
