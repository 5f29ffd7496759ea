#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

struct Visit {
    std::int64_t shopId = 0;
    std::string shopName;
    std::int64_t visitedAt = 0;  // epoch ms
};

// shop_presence (who is in a shop now) and shop_visit (where a user has been).
class VisitRepository {
  public:
    explicit VisitRepository(Connection& db) : db_(db) {}

    // One row per (shop, user): entering again only moves its time.
    void markPresent(std::int64_t shopId, std::int64_t userId, std::int64_t now);
    // Moves the time of a presence that still counts; false when there is none.
    bool refreshPresence(std::int64_t shopId, std::int64_t userId, std::int64_t since,
                         std::int64_t now);
    void leave(std::int64_t shopId, std::int64_t userId);
    std::int64_t countPresent(std::int64_t shopId, std::int64_t since);

    void recordVisit(std::int64_t userId, std::int64_t shopId, std::int64_t now);
    // The user's shops by latest visit: before `beforeMs`, newest first; or from
    // `fromMs` on, oldest first.
    std::vector<Visit> visitsBefore(std::int64_t userId, std::int64_t beforeMs, std::int64_t count);
    std::vector<Visit> visitsFrom(std::int64_t userId, std::int64_t fromMs, std::int64_t count);

  private:
    Connection& db_;
};

}  // namespace mmx::db
