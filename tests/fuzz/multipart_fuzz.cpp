// libFuzzer target: arbitrary bytes as a multipart/form-data body (cgicc behind our
// boundary and part-count fences). The first byte picks the content type.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/api_error.hpp"
#include "core/text.hpp"
#include "fcgi/content_type.hpp"
#include "fcgi/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const kTypes[] = {
        "multipart/form-data; boundary=xyz",   "multipart/form-data; boundary=\"xyz\"",
        "multipart/form-data; boundary=----x", "multipart/form-data",
        "multipart/form-data; boundary=-",     "multipart/form-data; boundary=xyz; charset=utf-8",
    };
    const std::string type = mmx::normalizeContentType(kTypes[data[0] % 6]);
    const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    mmx::FormLimits limits;
    limits.maxParams = 20;
    limits.maxRepeats = 5;
    mmx::Request request;
    try {
        mmx::parseFormData(type, body, "", request, limits);
    } catch (const mmx::ApiError&) {
        return 0;
    } catch (const std::exception&) {
        return 0;  // cgicc's own "Malformed input"
    }
    if (request.params.size() + request.files.size() > limits.maxParams) __builtin_trap();
    for (const auto& [name, value] : request.params) {
        if (!mmx::utf8Length(name) || !mmx::utf8Length(value)) __builtin_trap();
    }
    for (const auto& file : request.files) {
        if (!mmx::utf8Length(file.field) || !mmx::utf8Length(file.filename)) __builtin_trap();
    }
    return 0;
}
