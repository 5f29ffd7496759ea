#pragma once

#include <string_view>

#include "handlers/services.hpp"

namespace mmx {

// How long a series of hits is counted, from its first hit.
inline constexpr std::int64_t kLimitWindowMs = 15 * 60 * 1000;

// Counts one hit against `limit` for `key` in its current window (opened by the first hit
// of a series), and refuses with RATE_LIMITED once the hits pass `max`.
void countOrRefuse(Services& services, std::string_view limit, std::string_view key, int max);

// Takes back the hits of `key` (a success that ends a series of tries).
void forgive(Services& services, std::string_view limit, std::string_view key);

// Removes counters whose window has ended; cheap, run now and then between requests.
void sweepRateCounters(Services& services);

}  // namespace mmx
