#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mmx {

// A whole decimal integer, optionally signed; nullopt on anything else or overflow.
std::optional<std::int64_t> parseInt64(std::string_view text);

// The number of Unicode characters in well-formed UTF-8; nullopt if it is not well-formed
// (overlongs, surrogates and code points past U+10FFFF are refused).
std::optional<std::size_t> utf8Length(std::string_view text);

// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view text);

// A mainland China mobile number: 11 digits, the first 1, the second 3-9.
bool isMainlandMobile(std::string_view text);

std::string toHex(std::string_view bytes);

}  // namespace mmx
