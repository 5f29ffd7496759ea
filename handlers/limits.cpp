#include "handlers/limits.hpp"

#include "core/clock.hpp"
#include "core/rate_window.hpp"
#include "db/rate_limit_repository.hpp"
#include "fcgi/api_error.hpp"

namespace mmx {
namespace {

constexpr std::string_view kTooMany = "操作过于频繁，请稍后再试";

}  // namespace

void countOrRefuse(Services& services, std::string_view limit, std::string_view key, int max) {
    const auto hits =
        db::RateLimitRepository(services.db).hit(limitBucket(limit, key), nowMs(), kLimitWindowMs);
    if (hits > max) throw ApiError(ErrorCode::RateLimited, std::string(kTooMany));
}

void forgive(Services& services, std::string_view limit, std::string_view key) {
    db::RateLimitRepository(services.db).clear(limitBucket(limit, key));
}

void sweepRateCounters(Services& services) {
    db::RateLimitRepository(services.db).sweepExpired(nowMs());
}

}  // namespace mmx
