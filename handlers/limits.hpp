#pragma once

#include <string_view>

#include "handlers/services.hpp"

namespace mmx {

inline constexpr std::int64_t kLimitWindowMs = 15 * 60 * 1000;

// Counts one hit against `limit` for `key` in the current window, and refuses with
// RATE_LIMITED once the hits pass `max`.
void countOrRefuse(Services& services, std::string_view limit, std::string_view key, int max);

// Takes back the hits of `key` in the current window (a success that ends a series of tries).
void forgive(Services& services, std::string_view limit, std::string_view key);

// Removes counters of past windows; cheap, run now and then between requests.
void sweepRateCounters(Services& services);

}  // namespace mmx
