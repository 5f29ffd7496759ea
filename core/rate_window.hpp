#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mmx {

// The counter a hit at `nowMs` belongs to: one per (limit, key, window). A new window
// starts a new counter, so nothing has to be reset.
std::string windowBucket(std::string_view limit, std::string_view key, std::int64_t nowMs,
                         std::int64_t windowMs);

// When the window holding `nowMs` ends.
std::int64_t windowEnd(std::int64_t nowMs, std::int64_t windowMs);

// The calendar day (China Standard Time, UTC+8) holding `nowMs`, as a day number.
std::int64_t chinaDayIndex(std::int64_t nowMs);

}  // namespace mmx
