#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mmx {

// The counter of `key` under `limit`: one per pair, cut to fit its column.
std::string limitBucket(std::string_view limit, std::string_view key);

// The calendar day (China Standard Time, UTC+8) holding `nowMs`, as a day number.
std::int64_t chinaDayIndex(std::int64_t nowMs);

// When the China calendar day holding `nowMs` ends (the next midnight, UTC+8), epoch ms.
std::int64_t chinaDayEndMs(std::int64_t nowMs);

}  // namespace mmx
