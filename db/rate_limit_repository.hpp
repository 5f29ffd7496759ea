#pragma once

#include <cstdint>
#include <string_view>

#include "db/connection.hpp"

namespace mmx::db {

// Fixed-window counters shared by every worker (and every host) through MariaDB.
class RateLimitRepository {
  public:
    explicit RateLimitRepository(Connection& db) : db_(db) {}

    // Counts one hit in `bucket` and returns the bucket's hits so far.
    std::int64_t hit(std::string_view bucket, std::int64_t expiresAt);
    std::int64_t hits(std::string_view bucket);
    void clear(std::string_view bucket);
    void sweepExpired(std::int64_t now);

  private:
    Connection& db_;
};

}  // namespace mmx::db
