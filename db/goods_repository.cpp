#include "db/goods_repository.hpp"

namespace mmx::db {
namespace {

#define MMX_GOODS_COLUMNS \
    "g.id, g.shop_id, g.desp, g.price, g.promot, g.pics, g.basic, g.status, g.published_at"

constexpr std::string_view kShopPage = "SELECT " MMX_GOODS_COLUMNS
                                       " FROM goods g WHERE g.shop_id = ? AND g.status = 1"
                                       " ORDER BY g.published_at DESC, g.id DESC LIMIT ?, ?";
// Reads every goods on sale of the shops asked (at most kMaxShopsPerCall of them) to
// number them; MariaDB 10.11 has no LATERAL join to stop at `perShop` each.
constexpr std::string_view kNewestOfShops =
    "SELECT id, shop_id, desp, price, promot, pics, basic, status, published_at FROM ("
    " SELECT " MMX_GOODS_COLUMNS
    ", j.ord,"
    " ROW_NUMBER() OVER (PARTITION BY g.shop_id ORDER BY g.published_at DESC, g.id DESC) AS rn"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN goods g ON g.shop_id = j.id AND g.status = 1) n"
    " WHERE n.rn <= ? ORDER BY n.ord, n.published_at DESC, n.id DESC";
constexpr std::string_view kById = "SELECT " MMX_GOODS_COLUMNS " FROM goods g WHERE g.id = ?";
constexpr std::string_view kByBarcode =
    "SELECT " MMX_GOODS_COLUMNS
    " FROM goods g WHERE g.barcode = ?"
    " ORDER BY g.status = 1 DESC, g.published_at DESC, g.id DESC"
    " LIMIT 1";
constexpr std::string_view kByIds =
    "SELECT " MMX_GOODS_COLUMNS
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN goods g ON g.id = j.id ORDER BY j.ord";
constexpr std::string_view kFitsPage =
    "SELECT id, pic_url FROM goods_fit WHERE goods_id = ? ORDER BY id DESC LIMIT ?, ?";
constexpr std::string_view kAddFit =
    "INSERT INTO goods_fit (goods_id, user_id, pic_url, description, created_at)"
    " VALUES (?, ?, ?, ?, ?)";

#undef MMX_GOODS_COLUMNS

Goods readGoods(const Row& row) {
    return {row.i64(0), row.i64(1), row.str(2), row.i64(3), row.optI64(4),
            row.str(5), row.str(6), row.i64(7), row.i64(8)};
}

std::vector<Goods> readAll(const std::vector<Row>& rows) {
    std::vector<Goods> list;
    list.reserve(rows.size());
    for (const auto& row : rows) list.push_back(readGoods(row));
    return list;
}

}  // namespace

std::string jsonIdArray(const std::vector<std::int64_t>& ids) {
    std::string json = "[";
    for (const std::int64_t id : ids) {
        if (json.size() > 1) json += ',';
        json += std::to_string(id);
    }
    return json + "]";
}

std::vector<Goods> GoodsRepository::shopPage(std::int64_t shopId, std::int64_t offset,
                                             std::int64_t count) {
    return readAll(db_.query(kShopPage, {shopId, offset, count}));
}

std::vector<Goods> GoodsRepository::newestOfShops(const std::vector<std::int64_t>& shopIds,
                                                  std::int64_t perShop) {
    const std::string json = jsonIdArray(shopIds);
    return readAll(db_.query(kNewestOfShops, {std::string_view(json), perShop}));
}

std::optional<Goods> GoodsRepository::byId(std::int64_t goodsId) {
    const auto row = db_.queryOne(kById, {goodsId});
    if (!row) return std::nullopt;
    return readGoods(*row);
}

std::optional<Goods> GoodsRepository::byBarcode(std::string_view barcode) {
    const auto row = db_.queryOne(kByBarcode, {barcode});
    if (!row) return std::nullopt;
    return readGoods(*row);
}

std::vector<Goods> GoodsRepository::byIds(const std::vector<std::int64_t>& ids) {
    const std::string json = jsonIdArray(ids);
    return readAll(db_.query(kByIds, {std::string_view(json)}));
}

std::vector<Fit> GoodsRepository::fitsPage(std::int64_t goodsId, std::int64_t offset,
                                           std::int64_t count) {
    std::vector<Fit> fits;
    for (const auto& row : db_.query(kFitsPage, {goodsId, offset, count})) {
        fits.push_back({row.i64(0), row.str(1)});
    }
    return fits;
}

std::int64_t GoodsRepository::addFit(std::int64_t goodsId, std::int64_t userId,
                                     std::string_view picUrl, std::string_view description,
                                     std::int64_t now) {
    return static_cast<std::int64_t>(
        db_.execute(kAddFit, {goodsId, userId, picUrl, description, now}).insertId);
}

}  // namespace mmx::db
