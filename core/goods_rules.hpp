#pragma once

#include <cstdint>

#include "core/clock.hpp"

namespace mmx {

// Goods published within this long of now are new: goods!list's isNew, and a fan shop's
// (or a friend's fan shop's) hasNew.
inline constexpr std::int64_t kGoodsNewForMs = 7 * kDayMs;

}  // namespace mmx
