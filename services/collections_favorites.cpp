// Favourite goods: concern and unconcern, the phone's diff and info, and my list.
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "services/collections.hpp"

namespace mmx::services {
namespace {

[[noreturn]] void noSuchGoods() {
    throw ApiError(ErrorCode::NotFound, "没有这个商品");
}

}  // namespace

void concernGoods(Services& services, std::int64_t me, std::int64_t goodsId) {
    const int cap = services.config.maxFavoriteGoods;
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FavoriteRepository favorites(services.db);
        favorites.lockUser(me);
        // At the cap, a repeat of one already kept is still fine; unknown goods stay unknown.
        if (favorites.countOfUser(me) >= cap && favorites.favorites(me, {goodsId}).empty()) {
            if (!db::GoodsRepository(services.db).byId(goodsId)) noSuchGoods();
            throw ApiError(ErrorCode::Conflict,
                           "收藏已达上限" + std::to_string(cap) + "件，请先取消收藏一些");
        }
        try {
            favorites.add(me, goodsId, nowMs());
        } catch (const db::ForeignKeyMissing&) {
            noSuchGoods();
        }
        transaction.commit();
    });
}

void unconcernGoods(Services& services, std::int64_t me, std::int64_t goodsId) {
    if (db::FavoriteRepository(services.db).remove(me, goodsId)) return;
    // Nothing removed: a goods that is gone is told apart from one never kept.
    if (!db::GoodsRepository(services.db).byId(goodsId)) noSuchGoods();
}

IdDiff diffFavorites(Services& services, std::int64_t me, const std::vector<std::int64_t>& held) {
    return diffIds(held, db::FavoriteRepository(services.db).goodsIds(me));
}

std::vector<db::Goods> favoritesInfo(Services& services, std::int64_t me,
                                     const std::vector<std::int64_t>& goodsIds) {
    return db::FavoriteRepository(services.db).favorites(me, goodsIds);
}

FavoritePage myFavorites(Services& services, std::int64_t me, std::int64_t offset,
                         std::int64_t count) {
    db::FavoriteRepository favorites(services.db);
    return {favorites.countOfUser(me), favorites.page(me, offset, count)};
}

}  // namespace mmx::services
