#include "db/rate_limit_repository.hpp"

namespace mmx::db {
namespace {

// A counter whose window has ended starts over at this hit. MariaDB applies the two
// assignments in order, so both still compare the old expires_at.
constexpr std::string_view kHit =
    "INSERT INTO rate_counters (bucket, hits, expires_at) VALUES (?, 1, ?)"
    " ON DUPLICATE KEY UPDATE"
    " hits = IF(expires_at <= ?, 1, hits + 1),"
    " expires_at = IF(expires_at <= ?, VALUES(expires_at), expires_at)";
constexpr std::string_view kHits =
    "SELECT hits FROM rate_counters WHERE bucket = ? AND expires_at > ?";
constexpr std::string_view kClear = "DELETE FROM rate_counters WHERE bucket = ?";
constexpr std::string_view kSweep = "DELETE FROM rate_counters WHERE expires_at <= ? LIMIT 1000";

}  // namespace

std::int64_t RateLimitRepository::hit(std::string_view bucket, std::int64_t now,
                                      std::int64_t windowMs) {
    db_.execute(kHit, {bucket, now + windowMs, now, now});
    return hits(bucket, now);
}

std::int64_t RateLimitRepository::hits(std::string_view bucket, std::int64_t now) {
    const auto row = db_.queryOne(kHits, {bucket, now});
    return row ? row->i64(0) : 0;
}

void RateLimitRepository::clear(std::string_view bucket) {
    db_.execute(kClear, {bucket});
}

void RateLimitRepository::sweepExpired(std::int64_t now) {
    db_.execute(kSweep, {now});
}

}  // namespace mmx::db
