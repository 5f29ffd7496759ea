// libFuzzer target: arbitrary bytes as an application/x-www-form-urlencoded body and
// query string. Whatever the bytes, parsing succeeds or refuses with BAD_PARAM; it
// never crashes, hangs, reads out of bounds or lets through a name or value that is
// not UTF-8, and no more parameters than the limit.
#include <cstddef>
#include <cstdint>
#include <string>

#include "../unit/string_cgi_input.hpp"
#include "core/api_error.hpp"
#include "core/text.hpp"
#include "fcgi/form.hpp"
#include "fcgi/urlencoded.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    const auto split = bytes.find('\n');
    const std::string body = bytes.substr(0, split);
    const std::string query = split == std::string::npos ? "" : bytes.substr(split + 1);

    std::size_t decoded = 0;
    mmx::parseUrlencoded(body, [&](std::string&& name, std::string&& value) {
        decoded += name.size() + value.size();
    });
    if (decoded > body.size()) __builtin_trap();  // decoding never grows

    mmx::FormLimits limits;
    limits.maxParams = 20;
    limits.maxRepeats = 5;
    mmx::testing::StringCgiInput input("POST", "application/x-www-form-urlencoded", body, query);
    mmx::Request request;
    try {
        mmx::parseForm(input, request, limits);
    } catch (const mmx::ApiError&) {
        return 0;
    }
    if (request.params.size() > limits.maxParams) __builtin_trap();
    for (const auto& [name, value] : request.params) {
        if (!mmx::utf8Length(name) || !mmx::utf8Length(value)) __builtin_trap();
        if (request.paramList(name).size() > body.size() + query.size()) __builtin_trap();
    }
    return 0;
}
