#pragma once

#include <cstdint>
#include <string_view>

#include "db/rate_limit_repository.hpp"
#include "services/services.hpp"

namespace mmx::services {

// How long a series of hits is counted, from its first hit, unless a limit says otherwise.
inline constexpr std::int64_t kLimitWindowMs = 15 * 60 * 1000;

// Counts one hit against `limit` for `key` in its current window (opened by the first hit
// of a series, lasting `windowMs`), and refuses with RATE_LIMITED once the hits pass
// `max`; the refusal says how long until the window ends.
void countOrRefuse(Services& services, std::string_view limit, std::string_view key, int max,
                   std::int64_t windowMs = kLimitWindowMs);

// The hits counted so far for `key`, without adding one.
db::RateWindow hitsOf(Services& services, std::string_view limit, std::string_view key);

// Counts one hit (a failure) without judging it.
void countHit(Services& services, std::string_view limit, std::string_view key,
              std::int64_t windowMs);

// RATE_LIMITED, to be tried again once `window` has ended.
[[noreturn]] void refuseUntilEnd(const db::RateWindow& window);

// Charges `amount` to a budget of `max` for `key` that lasts until `windowEnd`; when it
// does not fit, nothing is charged and the answer is RATE_LIMITED until the budget's end.
void chargeOrRefuse(Services& services, std::string_view limit, std::string_view key,
                    std::int64_t amount, std::int64_t max, std::int64_t windowEnd);

// Takes back the hits of `key` (a success that ends a series of tries).
void forgive(Services& services, std::string_view limit, std::string_view key);
// Takes back the hits of every key that starts with `keyPrefix`.
void forgiveEvery(Services& services, std::string_view limit, std::string_view keyPrefix);

// Removes counters whose window has ended; cheap, run now and then between requests.
void sweepRateCounters(Services& services);

}  // namespace mmx::services
