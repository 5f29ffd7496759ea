#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace mmx {

// application/x-www-form-urlencoded text (a query string or a body), parsed by us and
// not by cgicc: cgicc rescans a run of '&' from its start for every '&' in it, so its
// cost grows with the square of such a run. This is one pass over the bytes.
//
// Pairs are split at '&'; a pair's name ends at its first '=' (a pair without one is a
// name with an empty value); empty pairs are skipped. '+' decodes to a space and %XX to
// its byte; a '%' not followed by two hex digits is kept as it is (cgicc does the same).
// `onPair` may throw to stop the parse (a limit reached).
void parseUrlencoded(std::string_view text,
                     const std::function<void(std::string&& name, std::string&& value)>& onPair);

// One name or value decoded as above.
std::string urlDecode(std::string_view text);

}  // namespace mmx
