#include "db/favorite_repository.hpp"

#include "db/json_ids.hpp"

namespace mmx::db {
namespace {

#define MMX_GOODS_COLUMNS \
    "g.id, g.shop_id, g.desp, g.price, g.promot, g.pics, g.basic, g.status, g.published_at"

constexpr std::string_view kLockUser = "SELECT id FROM users WHERE id = ? FOR UPDATE";
constexpr std::string_view kCountOfUser = "SELECT COUNT(*) FROM goods_favorite WHERE user_id = ?";
constexpr std::string_view kAdd =
    "INSERT INTO goods_favorite (user_id, goods_id, created_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE goods_id = goods_id";
constexpr std::string_view kRemove =
    "DELETE FROM goods_favorite WHERE user_id = ? AND goods_id = ?";
constexpr std::string_view kGoodsIds =
    "SELECT goods_id FROM goods_favorite WHERE user_id = ? ORDER BY goods_id";
constexpr std::string_view kFavorites =
    "SELECT " MMX_GOODS_COLUMNS
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN goods_favorite f ON f.user_id = ? AND f.goods_id = j.id"
    " JOIN goods g ON g.id = f.goods_id ORDER BY j.ord";
// The user's favourites first, in index order, then each one's goods: a page reads as
// many rows as it shows whatever the table statistics say (left to itself, the
// optimizer may start from goods when it believes that table small, and sort them all).
constexpr std::string_view kPage =
    "SELECT " MMX_GOODS_COLUMNS
    " FROM goods_favorite f FORCE INDEX (ix_favorite_user_time) STRAIGHT_JOIN goods g"
    " ON g.id = f.goods_id WHERE f.user_id = ?"
    " ORDER BY f.created_at DESC, f.goods_id DESC LIMIT ?, ?";

#undef MMX_GOODS_COLUMNS

std::vector<Goods> readGoods(const std::vector<Row>& rows) {
    std::vector<Goods> list;
    list.reserve(rows.size());
    for (const auto& row : rows) {
        list.push_back({row.i64(0), row.i64(1), row.str(2), row.i64(3), row.optI64(4), row.str(5),
                        row.str(6), row.i64(7), row.i64(8)});
    }
    return list;
}

}  // namespace

const std::string_view FavoriteRepository::kPageStatement = kPage;

void FavoriteRepository::lockUser(std::int64_t userId) {
    db_.queryOne(kLockUser, {userId});
}

std::int64_t FavoriteRepository::countOfUser(std::int64_t userId) {
    return db_.queryOne(kCountOfUser, {userId})->i64(0);
}

bool FavoriteRepository::add(std::int64_t userId, std::int64_t goodsId, std::int64_t now) {
    return db_.execute(kAdd, {userId, goodsId, now}).affectedRows > 0;
}

bool FavoriteRepository::remove(std::int64_t userId, std::int64_t goodsId) {
    return db_.execute(kRemove, {userId, goodsId}).affectedRows > 0;
}

std::vector<std::int64_t> FavoriteRepository::goodsIds(std::int64_t userId) {
    std::vector<std::int64_t> ids;
    for (const auto& row : db_.query(kGoodsIds, {userId})) ids.push_back(row.i64(0));
    return ids;
}

std::vector<Goods> FavoriteRepository::favorites(std::int64_t userId,
                                                 const std::vector<std::int64_t>& goodsIds) {
    const std::string json = idsJson(goodsIds);
    return readGoods(db_.query(kFavorites, {std::string_view(json), userId}));
}

std::vector<Goods> FavoriteRepository::page(std::int64_t userId, std::int64_t offset,
                                            std::int64_t count) {
    return readGoods(db_.query(kPage, {userId, offset, count}));
}

}  // namespace mmx::db
