#pragma once

#include <cstdint>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

// Counters shared by every worker (and every host) through MariaDB. A counter's window
// opens at its first hit and lasts `windowMs`; the first hit after it ends opens a new
// one. So a series of tries is always measured from its own start, never cut in two by
// a clock boundary.
class RateLimitRepository {
  public:
    explicit RateLimitRepository(Connection& db) : db_(db) {}

    // Counts one hit at `now` and returns the hits of the bucket's current window.
    std::int64_t hit(std::string_view bucket, std::int64_t now, std::int64_t windowMs);
    // The hits of the window open at `now` (0 when none is).
    std::int64_t hits(std::string_view bucket, std::int64_t now);
    void clear(std::string_view bucket);
    void sweepExpired(std::int64_t now);

  private:
    Connection& db_;
};

}  // namespace mmx::db
