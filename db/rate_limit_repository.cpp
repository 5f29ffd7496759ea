#include "db/rate_limit_repository.hpp"

#include <string>

#include "core/shop_search_keys.hpp"

namespace mmx::db {
namespace {

// A counter whose window has ended starts over at this hit. MariaDB applies the two
// assignments in order, so both still compare the old expires_at.
constexpr std::string_view kHit =
    "INSERT INTO rate_counters (bucket, hits, expires_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE"
    " hits = IF(expires_at <= ?, VALUES(hits), hits + VALUES(hits)),"
    " expires_at = IF(expires_at <= ?, VALUES(expires_at), expires_at)";
// As kHit, but an open window that the hits would carry past the maximum is left as it
// is: the statement then changes no row, which is how the caller learns of the refusal.
constexpr std::string_view kTake =
    "INSERT INTO rate_counters (bucket, hits, expires_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE"
    " hits = IF(expires_at <= ?, VALUES(hits),"
    "   IF(hits + VALUES(hits) <= ?, hits + VALUES(hits), hits)),"
    " expires_at = IF(expires_at <= ?, VALUES(expires_at), expires_at)";
constexpr std::string_view kWindow =
    "SELECT hits, expires_at FROM rate_counters WHERE bucket = ? AND expires_at > ?";
constexpr std::string_view kClear = "DELETE FROM rate_counters WHERE bucket = ?";
constexpr std::string_view kClearPrefix = "DELETE FROM rate_counters WHERE bucket LIKE ?";
constexpr std::string_view kSweep = "DELETE FROM rate_counters WHERE expires_at <= ? LIMIT 1000";

}  // namespace

RateWindow RateLimitRepository::hit(std::string_view bucket, std::int64_t now,
                                    std::int64_t windowEnd, std::int64_t amount) {
    db_.execute(kHit, {bucket, amount, windowEnd, now, now});
    return window(bucket, now);
}

bool RateLimitRepository::take(std::string_view bucket, std::int64_t now, std::int64_t windowEnd,
                               std::int64_t amount, std::int64_t max) {
    if (amount > max) return false;
    return db_.execute(kTake, {bucket, amount, windowEnd, now, max, now}).affectedRows > 0;
}

RateWindow RateLimitRepository::window(std::string_view bucket, std::int64_t now) {
    const auto row = db_.queryOne(kWindow, {bucket, now});
    if (!row) return {};
    return RateWindow{row->i64(0), row->i64(1)};
}

void RateLimitRepository::clear(std::string_view bucket) {
    db_.execute(kClear, {bucket});
}

void RateLimitRepository::clearPrefix(std::string_view prefix) {
    const std::string pattern = likePrefixPattern(prefix);
    db_.execute(kClearPrefix, {std::string_view(pattern)});
}

void RateLimitRepository::sweepExpired(std::int64_t now) {
    db_.execute(kSweep, {now});
}

}  // namespace mmx::db
