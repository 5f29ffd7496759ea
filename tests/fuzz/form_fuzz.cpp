// libFuzzer target: arbitrary bytes as a form body under each content type the
// workers meet. Whatever the bytes, parsing either succeeds or throws; it never
// crashes, hangs or reads out of bounds.
#include <cstddef>
#include <cstdint>
#include <string>

#include "../unit/string_cgi_input.hpp"
#include "core/text.hpp"
#include "fcgi/form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const kTypes[] = {
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data; boundary=\"xyz\"",
        "multipart/form-data",
    };
    const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    mmx::testing::StringCgiInput input("POST", kTypes[data[0] % 4], body);
    mmx::Request request;
    try {
        mmx::parseForm(input, request);
    } catch (const std::exception&) {
        return 0;
    }
    for (const auto& [name, value] : request.params) {
        mmx::utf8Length(value);
        request.paramList(name);
    }
    return 0;
}
