#pragma once

#include <string_view>

#include "handlers/services.hpp"

namespace mmx {

inline constexpr std::int64_t kLimitWindowMs = 15 * 60 * 1000;

// Counts one hit against `limit` for `key` in the current window, and refuses with
// RATE_LIMITED once the hits pass `max`.
void countOrRefuse(Services& services, std::string_view limit, std::string_view key, int max);

// Refuses with RATE_LIMITED when `key` already has `max` hits, without counting one.
void refuseIfReached(Services& services, std::string_view limit, std::string_view key, int max);

// Counts one hit without judging it (failures that a later refuseIfReached looks at).
void countHit(Services& services, std::string_view limit, std::string_view key);

// Removes counters of past windows; cheap, run now and then between requests.
void sweepRateCounters(Services& services);

}  // namespace mmx
