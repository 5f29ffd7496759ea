#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/collection_rules.hpp"
#include "db/connection.hpp"

namespace mmx::db {

struct CollectionCounts {
    std::int64_t fans = 0;
    std::int64_t favorites = 0;
    std::int64_t visited = 0;
};

// A visit as a friend sees it.
struct ShopVisit {
    std::int64_t shopId = 0;
    std::string name;
    std::string pic;
    std::int64_t visitedAt = 0;  // epoch ms
};

// What a user lets friends see (the switches on users), and the sizes of a user's
// collections: fan shops, favourite goods, shops visited.
class ShareRepository {
  public:
    explicit ShareRepository(Connection& db) : db_(db) {}

    // The defaults for an unknown user.
    ShareSwitches switches(std::int64_t userId);
    // Changes the switches that are set.
    void setSwitches(std::int64_t userId, std::optional<bool> favorites, std::optional<bool> fans,
                     std::optional<bool> visits);

    CollectionCounts counts(std::int64_t userId);
    // The shops the user visited, latest visit first (ties by shop id).
    std::vector<ShopVisit> visitsPage(std::int64_t userId, std::int64_t offset, std::int64_t count);

  private:
    Connection& db_;
};

}  // namespace mmx::db
