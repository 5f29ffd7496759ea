#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/collection_rules.hpp"
#include "db/fan_repository.hpp"
#include "db/favorite_repository.hpp"
#include "db/share_repository.hpp"
#include "services/services.hpp"

// A user's collections: fan shops (concern a shop), favourite goods (concern goods), the
// diff and info routes a phone keeps its local copy with, the message switch of each fan
// shop, and what friends may see of them. Refusals are ApiError: NOT_FOUND for an unknown
// shop or goods, CONFLICT past the per-user caps, FORBIDDEN for another user's collection
// that the owner does not show the caller.
namespace mmx::services {

// Idempotent: a repeat changes nothing; the shop's `fans` is exactly its fan rows.
void concernShop(Services& services, std::int64_t me, std::int64_t shopId);
void unconcernShop(Services& services, std::int64_t me, std::int64_t shopId);
IdDiff diffFanShops(Services& services, std::int64_t me, const std::vector<std::int64_t>& held);
std::vector<db::FanShop> fanShopsInfo(Services& services, std::int64_t me,
                                      const std::vector<std::int64_t>& shopIds);
// The shops among `shopIds` that exist: an activity valid today (China date), goods on
// sale published within 7 days.
std::vector<db::ShopNews> shopNews(Services& services, const std::vector<std::int64_t>& shopIds);
// `shopId` empty: every fan shop of mine. A shop I am not a fan of is NOT_FOUND.
void setFanMessages(Services& services, std::int64_t me, std::optional<std::int64_t> shopId,
                    bool on);

void concernGoods(Services& services, std::int64_t me, std::int64_t goodsId);
void unconcernGoods(Services& services, std::int64_t me, std::int64_t goodsId);
IdDiff diffFavorites(Services& services, std::int64_t me, const std::vector<std::int64_t>& held);
std::vector<db::Goods> favoritesInfo(Services& services, std::int64_t me,
                                     const std::vector<std::int64_t>& goodsIds);
struct FavoritePage {
    std::int64_t total = 0;
    std::vector<db::Goods> goods;
};
FavoritePage myFavorites(Services& services, std::int64_t me, std::int64_t offset,
                         std::int64_t count);
// The favourites of `owner` with their total, a page: mine, or a friend's while that
// friend's switch is on (FORBIDDEN otherwise, as friendFavorites).
FavoritePage userFavorites(Services& services, std::int64_t me, std::int64_t owner,
                           std::int64_t offset, std::int64_t count);

ShareSwitches shareSwitches(Services& services, std::int64_t me);
ShareSwitches changeShareSwitches(Services& services, std::int64_t me,
                                  std::optional<bool> favorites, std::optional<bool> fans,
                                  std::optional<bool> visits);
// A friend's switches; FORBIDDEN for anyone who is not my friend.
ShareSwitches friendShareSwitches(Services& services, std::int64_t me, std::int64_t friendId);

// The counts of `userId` that `me` may see (all of mine; a friend's by switch, FORBIDDEN
// when none is on or we are not friends).
struct SharedCounts {
    std::optional<std::int64_t> fans;
    std::optional<std::int64_t> favorites;
    std::optional<std::int64_t> visited;
};
SharedCounts collectionCounts(Services& services, std::int64_t me, std::int64_t userId);

// A friend's collections, a page each, while that friend's switch is on.
std::vector<db::Goods> friendFavorites(Services& services, std::int64_t me, std::int64_t friendId,
                                       std::int64_t offset, std::int64_t count);
std::vector<db::ShopNews> friendFanShops(Services& services, std::int64_t me, std::int64_t friendId,
                                         std::int64_t offset, std::int64_t count);
std::vector<db::ShopVisit> friendVisits(Services& services, std::int64_t me, std::int64_t friendId,
                                        std::int64_t offset, std::int64_t count);

}  // namespace mmx::services
