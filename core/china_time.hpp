#pragma once

#include <cstdint>
#include <string>

namespace mmx {

// The China calendar date (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD.
std::string chinaDate(std::int64_t epochMs);

}  // namespace mmx
