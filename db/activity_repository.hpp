#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

// An activity with its shop; dates are China calendar dates, YYYY-MM-DD.
struct Activity {
    std::int64_t id = 0;
    std::string title;
    std::string content;
    std::string beginDate;
    std::string endDate;
    std::int64_t shopId = 0;
    std::string shopName;
    std::string shopPic;
};

class ActivityRepository {
  public:
    explicit ActivityRepository(Connection& db) : db_(db) {}

    // Valid on `today` (YYYY-MM-DD): begun and not ended.
    std::vector<Activity> validOfShop(std::int64_t shopId, const std::string& today);
    std::vector<Activity> validInCity(std::int64_t cityId, const std::string& today,
                                      std::int64_t offset, std::int64_t count);
    std::optional<Activity> byId(std::int64_t activityId);

  private:
    Connection& db_;
};

}  // namespace mmx::db
