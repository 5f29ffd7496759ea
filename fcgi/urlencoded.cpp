#include "fcgi/urlencoded.hpp"

namespace mmx {
namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string urlDecode(std::string_view text) {
    std::string decoded;
    decoded.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            decoded += ' ';
        } else if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
                   hexValue(text[i + 2]) >= 0) {
            decoded += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            decoded += c;
        }
    }
    return decoded;
}

void parseUrlencoded(std::string_view text,
                     const std::function<void(std::string&& name, std::string&& value)>& onPair) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('&', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view pair = text.substr(start, end - start);
        if (!pair.empty()) {
            const auto equals = pair.find('=');
            std::string name = urlDecode(pair.substr(0, equals));
            std::string value = equals == std::string_view::npos
                                    ? std::string()
                                    : urlDecode(pair.substr(equals + 1));
            onPair(std::move(name), std::move(value));
        }
        start = end + 1;
    }
}

}  // namespace mmx
