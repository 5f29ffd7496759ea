#pragma once

#include <cstdint>
#include <string>

namespace mmx {

// Yuan as the app shows money, from integer fen: 1280 -> "12.8", 9900 -> "99",
// 1 -> "0.01", -50 -> "-0.5". Built from the integer, never through a float.
std::string yuanText(std::int64_t fen);

}  // namespace mmx
