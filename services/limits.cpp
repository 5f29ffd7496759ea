#include "services/limits.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/rate_window.hpp"

namespace mmx::services {
namespace {

// One answer for every counter, so a refusal never tells which limit it was.
constexpr std::string_view kTooMany = "操作过于频繁，请稍后再试";

}  // namespace

void refuseUntilEnd(const db::RateWindow& window) {
    throw rateLimited(std::string(kTooMany), window.expiresAt - nowMs());
}

void countOrRefuse(Services& services, std::string_view limit, std::string_view key, int max,
                   std::int64_t windowMs) {
    const std::int64_t now = nowMs();
    const auto window =
        db::RateLimitRepository(services.db).hit(limitBucket(limit, key), now, now + windowMs);
    if (window.hits > max) refuseUntilEnd(window);
}

db::RateWindow hitsOf(Services& services, std::string_view limit, std::string_view key) {
    return db::RateLimitRepository(services.db).window(limitBucket(limit, key), nowMs());
}

void countHit(Services& services, std::string_view limit, std::string_view key,
              std::int64_t windowMs) {
    const std::int64_t now = nowMs();
    db::RateLimitRepository(services.db).hit(limitBucket(limit, key), now, now + windowMs);
}

void chargeOrRefuse(Services& services, std::string_view limit, std::string_view key,
                    std::int64_t amount, std::int64_t max, std::int64_t windowEnd) {
    if (amount <= 0) return;
    const std::string bucket = limitBucket(limit, key);
    db::RateLimitRepository counters(services.db);
    const std::int64_t now = nowMs();
    if (counters.take(bucket, now, windowEnd, amount, max)) return;
    const auto window = counters.window(bucket, now);
    // A request larger than the whole budget waits for a fresh one.
    refuseUntilEnd(window.expiresAt > now ? window : db::RateWindow{0, windowEnd});
}

void forgive(Services& services, std::string_view limit, std::string_view key) {
    db::RateLimitRepository(services.db).clear(limitBucket(limit, key));
}

void forgiveEvery(Services& services, std::string_view limit, std::string_view keyPrefix) {
    db::RateLimitRepository(services.db).clearPrefix(limitBucket(limit, keyPrefix));
}

void sweepRateCounters(Services& services) {
    db::RateLimitRepository(services.db).sweepExpired(nowMs());
}

}  // namespace mmx::services
