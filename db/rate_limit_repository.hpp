#pragma once

#include <cstdint>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

// A counter's state at one moment: its hits and when its window ends (0, 0: no window).
struct RateWindow {
    std::int64_t hits = 0;
    std::int64_t expiresAt = 0;
};

// Counters shared by every worker (and every host) through MariaDB. A counter's window
// opens at its first hit and ends at the time that hit gave it; the first hit after it
// ends opens a new one. So a series of tries is always measured from its own start,
// never cut in two by a clock boundary (unless the caller asks for a calendar day).
class RateLimitRepository {
  public:
    explicit RateLimitRepository(Connection& db) : db_(db) {}

    // Adds `amount` hits at `now` (a new window ends at `windowEnd`) and returns the
    // current window.
    RateWindow hit(std::string_view bucket, std::int64_t now, std::int64_t windowEnd,
                   std::int64_t amount = 1);
    // Adds `amount` hits only if the window then holds at most `max`; false (nothing
    // added) otherwise. One statement, so concurrent takes never overshoot `max`.
    bool take(std::string_view bucket, std::int64_t now, std::int64_t windowEnd,
              std::int64_t amount, std::int64_t max);
    // The window open at `now` ({0, 0} when none is).
    RateWindow window(std::string_view bucket, std::int64_t now);
    void clear(std::string_view bucket);
    // Clears every bucket whose name starts with `prefix`.
    void clearPrefix(std::string_view prefix);
    void sweepExpired(std::int64_t now);

  private:
    Connection& db_;
};

}  // namespace mmx::db
