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

// Why `text` (well-formed UTF-8) cannot be shown as a name, a remark or any other text
// one user shows another, or nullopt. Refused: C0 and C1 control characters (line
// breaks and tabs included; U+2028/2029 too), bidirectional overrides, embeddings,
// isolates and marks (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), which turn
// "gpj.exe" into "exe.jpg" on the reader's screen, and non-empty text made only of
// white space or invisible characters (U+3000, zero-width spaces and joiners, the
// byte order mark, Hangul fillers, the braille blank, ...), a name that shows as nothing.
std::optional<std::string> displayTextProblem(std::string_view text);

// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view text);

// A mainland China mobile number: 11 digits, the first 1, the second 3-9.
bool isMainlandMobile(std::string_view text);

std::string toHex(std::string_view bytes);

}  // namespace mmx
