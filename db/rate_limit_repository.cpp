#include "db/rate_limit_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kHit =
    "INSERT INTO rate_counters (bucket, hits, expires_at) VALUES (?, 1, ?)"
    " ON DUPLICATE KEY UPDATE hits = hits + 1";
constexpr std::string_view kHits = "SELECT hits FROM rate_counters WHERE bucket = ?";
constexpr std::string_view kClear = "DELETE FROM rate_counters WHERE bucket = ?";
constexpr std::string_view kSweep = "DELETE FROM rate_counters WHERE expires_at < ? LIMIT 1000";

}  // namespace

std::int64_t RateLimitRepository::hit(std::string_view bucket, std::int64_t expiresAt) {
    db_.execute(kHit, {bucket, expiresAt});
    return hits(bucket);
}

std::int64_t RateLimitRepository::hits(std::string_view bucket) {
    const auto row = db_.queryOne(kHits, {bucket});
    return row ? row->i64(0) : 0;
}

void RateLimitRepository::clear(std::string_view bucket) {
    db_.execute(kClear, {bucket});
}

void RateLimitRepository::sweepExpired(std::int64_t now) {
    db_.execute(kSweep, {now});
}

}  // namespace mmx::db
