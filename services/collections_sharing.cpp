// What friends may see of a user's collections: the switches, the counts, and a
// friend's favourites, fan shops and visits. Every read of another user's collection
// asks the relation once (db/relation_repository) and the rule in core/collection_rules.
#include "core/api_error.hpp"
#include "core/china_time.hpp"
#include "core/clock.hpp"
#include "core/goods_rules.hpp"
#include "db/relation_repository.hpp"
#include "services/collections.hpp"

namespace mmx::services {
namespace {

[[noreturn]] void forbidden(const char* info) {
    throw ApiError(ErrorCode::Forbidden, info);
}

Relation relationTo(Services& services, std::int64_t me, std::int64_t other) {
    return db::RelationRepository(services.db).relationOf(me, other);
}

// Refuses unless `me` may see that collection of `owner`'s.
void requireShown(Services& services, std::int64_t me, std::int64_t owner, Collection collection,
                  const char* refusal) {
    const Relation relation = relationTo(services, me, owner);
    if (relation != Relation::Self && relation != Relation::Friend) forbidden("对方不是你的好友");
    const ShareSwitches switches = db::ShareRepository(services.db).switches(owner);
    if (!maySee(relation, switches, collection)) forbidden(refusal);
}

}  // namespace

ShareSwitches shareSwitches(Services& services, std::int64_t me) {
    return db::ShareRepository(services.db).switches(me);
}

ShareSwitches changeShareSwitches(Services& services, std::int64_t me,
                                  std::optional<bool> favorites, std::optional<bool> fans,
                                  std::optional<bool> visits) {
    db::ShareRepository share(services.db);
    share.setSwitches(me, favorites, fans, visits);
    return share.switches(me);
}

ShareSwitches friendShareSwitches(Services& services, std::int64_t me, std::int64_t friendId) {
    const Relation relation = relationTo(services, me, friendId);
    if (relation != Relation::Friend && relation != Relation::Self) forbidden("对方不是你的好友");
    return db::ShareRepository(services.db).switches(friendId);
}

SharedCounts collectionCounts(Services& services, std::int64_t me, std::int64_t userId) {
    const Relation relation = relationTo(services, me, userId);
    if (relation != Relation::Self && relation != Relation::Friend) forbidden("对方不是你的好友");
    db::ShareRepository share(services.db);
    const VisibleCounts visible = visibleCounts(relation, share.switches(userId));
    if (!visible.any()) forbidden("好友未公开粉丝店、收藏和逛店记录");
    const db::CollectionCounts counts = share.counts(userId);
    SharedCounts shown;
    if (visible.fans) shown.fans = counts.fans;
    if (visible.favorites) shown.favorites = counts.favorites;
    if (visible.visits) shown.visited = counts.visited;
    return shown;
}

std::vector<db::Goods> friendFavorites(Services& services, std::int64_t me, std::int64_t friendId,
                                       std::int64_t offset, std::int64_t count) {
    requireShown(services, me, friendId, Collection::Favorites, "好友未公开收藏");
    return db::FavoriteRepository(services.db).page(friendId, offset, count);
}

FavoritePage userFavorites(Services& services, std::int64_t me, std::int64_t owner,
                           std::int64_t offset, std::int64_t count) {
    requireShown(services, me, owner, Collection::Favorites, "好友未公开收藏");
    return myFavorites(services, owner, offset, count);
}

std::vector<db::ShopNews> friendFanShops(Services& services, std::int64_t me, std::int64_t friendId,
                                         std::int64_t offset, std::int64_t count) {
    requireShown(services, me, friendId, Collection::Fans, "好友未公开粉丝店");
    const std::int64_t now = nowMs();
    return db::FanRepository(services.db)
        .page(friendId, chinaDate(now), now - kGoodsNewForMs, offset, count);
}

std::vector<db::ShopVisit> friendVisits(Services& services, std::int64_t me, std::int64_t friendId,
                                        std::int64_t offset, std::int64_t count) {
    requireShown(services, me, friendId, Collection::Visits, "好友未公开逛店记录");
    return db::ShareRepository(services.db).visitsPage(friendId, offset, count);
}

}  // namespace mmx::services
