#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

// One of my fan shops, as fans!info answers it.
struct FanShop {
    std::int64_t shopId = 0;
    std::string name;
    std::string pic;
    std::int64_t since = 0;  // epoch ms
    bool messages = true;
};

// Whether a shop has an activity valid today and goods on sale published lately.
struct ShopNews {
    std::int64_t shopId = 0;
    std::string name;
    std::string pic;
    bool hasActivity = false;
    bool hasNewGoods = false;
};

// shop_fan, and the `fans` count of shop that follows it.
class FanRepository {
  public:
    explicit FanRepository(Connection& db) : db_(db) {}

    // Locks the shop's row until the transaction ends; false when there is no such shop.
    // Every change of a shop's fans takes it first, so concurrent concerns queue on it
    // instead of deadlocking (the fan row's foreign-key check takes a shared lock on the
    // shop that the count's update would then have to upgrade).
    bool lockShop(std::int64_t shopId);
    // Locks the user's row until the transaction ends (the cap on fan shops per user).
    void lockUser(std::int64_t userId);
    std::int64_t countOfUser(std::int64_t userId);

    // Each true only when a row was added or removed; the shop's count moves with it.
    bool add(std::int64_t userId, std::int64_t shopId, std::int64_t now);
    bool remove(std::int64_t userId, std::int64_t shopId);

    // Every fan shop of the user (at most the cap), ascending.
    std::vector<std::int64_t> shopIds(std::int64_t userId);
    // The user's fan shops among `shopIds`, in the order given.
    std::vector<FanShop> fanShops(std::int64_t userId, const std::vector<std::int64_t>& shopIds);
    // The shops that exist among `shopIds`, in the order given: activity valid on `today`
    // (China date), goods on sale published at or after `newSince`.
    std::vector<ShopNews> news(const std::vector<std::int64_t>& shopIds, const std::string& today,
                               std::int64_t newSince);
    // The user's fan shops newest first (ties by shop id), with their news.
    std::vector<ShopNews> page(std::int64_t userId, const std::string& today, std::int64_t newSince,
                               std::int64_t offset, std::int64_t count);

    bool isFan(std::int64_t userId, std::int64_t shopId);
    void setMessages(std::int64_t userId, std::int64_t shopId, bool on);
    void setAllMessages(std::int64_t userId, bool on);

  private:
    Connection& db_;
};

}  // namespace mmx::db
