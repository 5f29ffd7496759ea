#include "db/fan_repository.hpp"

#include "core/collection_rules.hpp"
#include "db/json_ids.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kLockShop = "SELECT id FROM shop WHERE id = ? FOR UPDATE";
constexpr std::string_view kLockUser = "SELECT id FROM users WHERE id = ? FOR UPDATE";
constexpr std::string_view kCountOfUser = "SELECT COUNT(*) FROM shop_fan WHERE user_id = ?";
// A repeat changes nothing (0 rows), so the count moves only for a new fan.
constexpr std::string_view kAdd =
    "INSERT INTO shop_fan (user_id, shop_id, created_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE shop_id = shop_id";
constexpr std::string_view kRemove = "DELETE FROM shop_fan WHERE user_id = ? AND shop_id = ?";
constexpr std::string_view kFansUp = "UPDATE shop SET fans = fans + 1 WHERE id = ?";
constexpr std::string_view kFansDown =
    "UPDATE shop SET fans = IF(fans > 0, fans - 1, 0) WHERE id = ?";
constexpr std::string_view kShopIds =
    "SELECT shop_id FROM shop_fan WHERE user_id = ? ORDER BY shop_id";
constexpr std::string_view kFanShops =
    "SELECT s.id, s.name, COALESCE(JSON_VALUE(s.pics, '$[0]'), ''), f.created_at, f.msg_enable"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN shop_fan f ON f.user_id = ? AND f.shop_id = j.id"
    " JOIN shop s ON s.id = f.shop_id ORDER BY j.ord";

// One indexed probe each: activity (shop_id, end_date), goods (shop_id, published_at).
#define MMX_SHOP_NEWS                                                               \
    "s.id, s.name, COALESCE(JSON_VALUE(s.pics, '$[0]'), ''),"                       \
    " EXISTS (SELECT 1 FROM activity a WHERE a.shop_id = s.id AND a.end_date >= ?"  \
    " AND a.begin_date <= ?),"                                                      \
    " EXISTS (SELECT 1 FROM goods g WHERE g.shop_id = s.id AND g.published_at >= ?" \
    " AND g.status = 1)"

constexpr std::string_view kNews =
    "SELECT " MMX_SHOP_NEWS
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN shop s ON s.id = j.id ORDER BY j.ord";
constexpr std::string_view kPage =
    "SELECT " MMX_SHOP_NEWS
    " FROM shop_fan f JOIN shop s ON s.id = f.shop_id WHERE f.user_id = ?"
    " ORDER BY f.created_at DESC, f.shop_id DESC LIMIT ?, ?";

#undef MMX_SHOP_NEWS

constexpr std::string_view kIsFan = "SELECT 1 FROM shop_fan WHERE user_id = ? AND shop_id = ?";
constexpr std::string_view kSetMessages =
    "UPDATE shop_fan SET msg_enable = ? WHERE user_id = ? AND shop_id = ?";
constexpr std::string_view kSetAllMessages = "UPDATE shop_fan SET msg_enable = ? WHERE user_id = ?";

std::vector<ShopNews> readNews(const std::vector<Row>& rows) {
    std::vector<ShopNews> list;
    for (const auto& row : rows) {
        list.push_back({row.i64(0), row.str(1), row.str(2), row.i64(3) != 0, row.i64(4) != 0});
    }
    return list;
}

}  // namespace

bool FanRepository::lockShop(std::int64_t shopId) {
    return db_.queryOne(kLockShop, {shopId}).has_value();
}

void FanRepository::lockUser(std::int64_t userId) {
    db_.queryOne(kLockUser, {userId});
}

std::int64_t FanRepository::countOfUser(std::int64_t userId) {
    return db_.queryOne(kCountOfUser, {userId})->i64(0);
}

bool FanRepository::add(std::int64_t userId, std::int64_t shopId, std::int64_t now) {
    if (db_.execute(kAdd, {userId, shopId, now}).affectedRows == 0) return false;
    db_.execute(kFansUp, {shopId});
    return true;
}

bool FanRepository::remove(std::int64_t userId, std::int64_t shopId) {
    if (db_.execute(kRemove, {userId, shopId}).affectedRows == 0) return false;
    db_.execute(kFansDown, {shopId});
    return true;
}

std::vector<std::int64_t> FanRepository::shopIds(std::int64_t userId) {
    std::vector<std::int64_t> ids;
    for (const auto& row : db_.query(kShopIds, {userId})) ids.push_back(row.i64(0));
    return ids;
}

std::vector<FanShop> FanRepository::fanShops(std::int64_t userId,
                                             const std::vector<std::int64_t>& shopIds) {
    const std::string json = idsJson(shopIds);
    std::vector<FanShop> list;
    for (const auto& row : db_.query(kFanShops, {std::string_view(json), userId})) {
        list.push_back({row.i64(0), row.str(1), row.str(2), row.i64(3), row.i64(4) == kMessagesOn});
    }
    return list;
}

std::vector<ShopNews> FanRepository::news(const std::vector<std::int64_t>& shopIds,
                                          const std::string& today, std::int64_t newSince) {
    const std::string json = idsJson(shopIds);
    return readNews(db_.query(kNews, {std::string_view(today), std::string_view(today), newSince,
                                      std::string_view(json)}));
}

std::vector<ShopNews> FanRepository::page(std::int64_t userId, const std::string& today,
                                          std::int64_t newSince, std::int64_t offset,
                                          std::int64_t count) {
    return readNews(db_.query(kPage, {std::string_view(today), std::string_view(today), newSince,
                                      userId, offset, count}));
}

bool FanRepository::isFan(std::int64_t userId, std::int64_t shopId) {
    return db_.queryOne(kIsFan, {userId, shopId}).has_value();
}

void FanRepository::setMessages(std::int64_t userId, std::int64_t shopId, bool on) {
    db_.execute(kSetMessages, {on ? kMessagesOn : kMessagesOff, userId, shopId});
}

void FanRepository::setAllMessages(std::int64_t userId, bool on) {
    db_.execute(kSetAllMessages, {on ? kMessagesOn : kMessagesOff, userId});
}

}  // namespace mmx::db
