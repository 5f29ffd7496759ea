#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo.hpp"
#include "fcgi/request.hpp"

namespace mmx {

// Typed reads of form parameters. Each throws BAD_PARAM naming the parameter.

std::int64_t requireId(const Request& request, std::string_view name);
std::optional<std::int64_t> optionalId(const Request& request, std::string_view name);
std::optional<std::int64_t> optionalInt(const Request& request, std::string_view name,
                                        std::int64_t min, std::int64_t max);

// Text counted in characters, trimmed, valid UTF-8 that can be shown as it is: no
// control characters, no direction overrides, not only invisible characters
// (displayTextProblem in core/text.hpp).
std::string requireText(const Request& request, std::string_view name, std::size_t minChars,
                        std::size_t maxChars);
std::optional<std::string> optionalText(const Request& request, std::string_view name,
                                        std::size_t maxChars);

std::string requireMobile(const Request& request, std::string_view name);

// The already-hashed password the app sends: 8 to 128 characters.
std::string requirePassword(const Request& request, std::string_view name);

// Checks a text value; nullopt when acceptable, else the reason.
std::optional<std::string> textProblem(std::string_view value, std::size_t minChars,
                                       std::size_t maxChars);

}  // namespace mmx

namespace mmx {

// The spellings one parameter is accepted under, the canonical one first: errors name it,
// and answers use it. One route's table of names lives beside its handler.
using Names = std::initializer_list<const char*>;

struct NamedValue {
    std::string_view name;  // the spelling the request used
    std::string_view value;
};

// The value under the first of `names` that the request carries.
std::optional<NamedValue> firstOf(const Request& request, Names names);

// The spelling of `names` the request used, or the canonical one when it sent none: for
// reading one parameter under several names with any of the readers above.
std::string_view nameIn(const Request& request, Names names);

std::int64_t requireId(const Request& request, Names names);
std::optional<std::int64_t> optionalId(const Request& request, Names names);

// Ids sent repeated, comma-separated or as one "[1,2,3]", under the first of `names` the
// request carries: positive, each once in the order first seen, at most `maxIds`.
std::vector<std::int64_t> readIds(const Request& request, Names names, std::size_t maxIds);
// The same, refusing an empty list (BAD_PARAM 缺少参数 <first name>).
std::vector<std::int64_t> requireIds(const Request& request, Names names, std::size_t maxIds);

// One page of a list that grows: `offset` (default 0) and `count` (1 to maxCount).
struct PageLimits {
    std::int64_t defaultCount;
    std::int64_t maxCount;
};
struct Page {
    std::int64_t offset = 0;
    std::int64_t count = 20;
};
Page readPage(const Request& request, PageLimits limits);

// Refuses a request that names none of `known` but does carry parameters: they are all
// unknown to the route, and BAD_PARAM names them (a typo must not look like success).
void refuseOnlyUnknown(const Request& request, Names known);

// The caller's place: `long` and `lat` together (degrees), or neither (nullopt).
std::optional<GeoPoint> optionalPoint(const Request& request);

}  // namespace mmx
