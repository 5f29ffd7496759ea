#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// The already-hashed password the app sends (seed 003): 8 to 128 characters.
std::string requirePassword(const Request& request, std::string_view name);

// Checks a text value; nullopt when acceptable, else the reason.
std::optional<std::string> textProblem(std::string_view value, std::size_t minChars,
                                       std::size_t maxChars);

}  // namespace mmx
