#pragma once

#include <cstdint>
#include <string_view>

namespace mmx {

// Addresses a user may keep; adding one more is CONFLICT.
inline constexpr std::int64_t kMaxAddresses = 4;

// A mainland postcode: exactly six ASCII digits.
bool isPostcode(std::string_view text);

}  // namespace mmx
