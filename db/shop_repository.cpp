#include "db/shop_repository.hpp"

#include <cmath>

#include "db/json_ids.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kCities = "SELECT id, name FROM city ORDER BY sort, id";
constexpr std::string_view kCityExists = "SELECT 1 FROM city WHERE id = ?";
constexpr std::string_view kCategories =
    "SELECT id, parent_id, name, pic FROM shop_category"
    " ORDER BY parent_id IS NOT NULL, parent_id, sort, id";
constexpr std::string_view kCategoryExists = "SELECT 1 FROM shop_category WHERE id = ?";
constexpr std::string_view kRecommended =
    "SELECT id, name, JSON_VALUE(pics, '$[0]'), recommend_word FROM shop"
    " WHERE city_id = ? AND recommend_rank IS NOT NULL ORDER BY recommend_rank, id LIMIT ?";

// The page is chosen first (inner), then the few shops on it count their customers:
// one indexed range of shop_presence each.
#define MMX_SHOP_PAGE_OUTER                                                             \
    "SELECT t.id, t.name, t.pics, t.meters, t.fans,"                                    \
    " (SELECT COUNT(*) FROM shop_presence p WHERE p.shop_id = t.id AND p.seen_at >= ?)" \
    " FROM ("
#define MMX_SHOP_CATEGORY_FILTER                                                           \
    " AND (? = 0 OR s.category_id IN (SELECT c.id FROM shop_category c WHERE c.id = ? OR " \
    "c.parent_id = ?))"
#define MMX_SHOP_NAME_FILTER                                                          \
    " AND (? IS NULL OR EXISTS (SELECT 1 FROM shop_name_key k WHERE k.shop_id = s.id" \
    " AND k.name_key LIKE ?))"

constexpr std::string_view kNearPage = MMX_SHOP_PAGE_OUTER
    "SELECT s.id, s.name, s.pics, s.fans,"
    " ST_Distance_Sphere(s.location, POINT(?, ?)) AS meters"
    // Through the spatial index always: by city the read would grow with the city.
    " FROM shop s FORCE INDEX (sx_shop_location)"
    " WHERE MBRContains(ST_GeomFromText(?), s.location) AND s.city_id = ?" MMX_SHOP_CATEGORY_FILTER
        MMX_SHOP_NAME_FILTER
    " HAVING meters <= ? ORDER BY meters, s.id LIMIT ?, ?) t ORDER BY t.meters, t.id";

constexpr std::string_view kByFansPage = MMX_SHOP_PAGE_OUTER
    "SELECT s.id, s.name, s.pics, s.fans, NULL AS meters FROM shop s"
    " WHERE s.city_id = ?" MMX_SHOP_CATEGORY_FILTER MMX_SHOP_NAME_FILTER
    " ORDER BY s.fans DESC, s.id DESC LIMIT ?, ?) t ORDER BY t.fans DESC, t.id DESC";

constexpr std::string_view kCountNameMatches =
    "SELECT COUNT(*) FROM (SELECT DISTINCT shop_id FROM shop_name_key"
    " WHERE city_id = ? AND name_key LIKE ? LIMIT ?) m";

constexpr std::string_view kFewMatchesNear = MMX_SHOP_PAGE_OUTER
    "SELECT s.id, s.name, s.pics, s.fans,"
    " ST_Distance_Sphere(s.location, POINT(?, ?)) AS meters"
    " FROM (SELECT DISTINCT shop_id FROM shop_name_key WHERE city_id = ? AND name_key LIKE ?) m"
    " JOIN shop s ON s.id = m.shop_id"
    " ORDER BY meters, s.id LIMIT ?, ?) t ORDER BY t.meters, t.id";

constexpr std::string_view kFewMatchesByFans = MMX_SHOP_PAGE_OUTER
    "SELECT s.id, s.name, s.pics, s.fans, NULL AS meters"
    " FROM (SELECT DISTINCT shop_id FROM shop_name_key WHERE city_id = ? AND name_key LIKE ?) m"
    " JOIN shop s ON s.id = m.shop_id"
    " ORDER BY s.fans DESC, s.id DESC LIMIT ?, ?) t ORDER BY t.fans DESC, t.id DESC";

#undef MMX_SHOP_PAGE_OUTER
#undef MMX_SHOP_CATEGORY_FILTER
#undef MMX_SHOP_NAME_FILTER

constexpr std::string_view kName = "SELECT name FROM shop WHERE id = ?";
constexpr std::string_view kExists = "SELECT 1 FROM shop WHERE id = ?";
constexpr std::string_view kInfo =
    "SELECT s.id, s.name, s.pics, s.fans,"
    " (SELECT COUNT(*) FROM shop_presence p WHERE p.shop_id = s.id AND p.seen_at >= ?),"
    " EXISTS (SELECT 1 FROM shop_fan f WHERE f.user_id = ? AND f.shop_id = s.id),"
    " s.address, ST_X(s.location), ST_Y(s.location), s.hours, s.phone, s.intro"
    " FROM shop s WHERE s.id = ?";
constexpr std::string_view kWriteNameKeys =
    "INSERT IGNORE INTO shop_name_key (city_id, name_key, shop_id)"
    " SELECT ?, j.name_key, ? FROM JSON_TABLE(?, '$[*]' COLUMNS ("
    " name_key VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$')) AS j";

ShopCard readCard(const Row& row) {
    ShopCard card;
    card.id = row.i64(0);
    card.name = row.str(1);
    card.pics = row.str(2);
    if (!row.isNull(3)) card.meters = std::llround(row.f64(3));
    card.fans = row.i64(4);
    card.customers = row.i64(5);
    return card;
}

std::vector<ShopCard> readCards(const std::vector<Row>& rows) {
    std::vector<ShopCard> cards;
    cards.reserve(rows.size());
    for (const auto& row : rows) cards.push_back(readCard(row));
    return cards;
}

Param optionalText(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return std::string_view(*text);
}

}  // namespace

std::vector<City> ShopRepository::cities() {
    std::vector<City> cities;
    for (const auto& row : db_.query(kCities)) cities.push_back({row.i64(0), row.str(1)});
    return cities;
}

bool ShopRepository::cityExists(std::int64_t cityId) {
    return db_.queryOne(kCityExists, {cityId}).has_value();
}

std::vector<Category> ShopRepository::categories() {
    std::vector<Category> list;
    for (const auto& row : db_.query(kCategories)) {
        list.push_back({row.i64(0), row.optI64(1), row.str(2), row.str(3)});
    }
    return list;
}

bool ShopRepository::categoryExists(std::int64_t categoryId) {
    return db_.queryOne(kCategoryExists, {categoryId}).has_value();
}

std::vector<RecommendedShop> ShopRepository::recommended(std::int64_t cityId, std::int64_t limit) {
    std::vector<RecommendedShop> list;
    for (const auto& row : db_.query(kRecommended, {cityId, limit})) {
        list.push_back({row.i64(0), row.str(1), row.str(2), row.str(3)});
    }
    return list;
}

std::vector<ShopCard> ShopRepository::nearPage(const ShopFilter& filter, double longitude,
                                               double latitude, const std::string& boxWkt,
                                               double radiusMeters, std::int64_t offset,
                                               std::int64_t count, std::int64_t presentSince) {
    const Param name = optionalText(filter.namePattern);
    return readCards(
        db_.query(kNearPage, {presentSince, longitude, latitude, std::string_view(boxWkt),
                              filter.cityId, filter.categoryId, filter.categoryId,
                              filter.categoryId, name, name, radiusMeters, offset, count}));
}

std::vector<ShopCard> ShopRepository::byFansPage(const ShopFilter& filter, std::int64_t offset,
                                                 std::int64_t count, std::int64_t presentSince) {
    const Param name = optionalText(filter.namePattern);
    return readCards(
        db_.query(kByFansPage, {presentSince, filter.cityId, filter.categoryId, filter.categoryId,
                                filter.categoryId, name, name, offset, count}));
}

std::int64_t ShopRepository::countNameMatches(std::int64_t cityId, const std::string& namePattern,
                                              std::int64_t cap) {
    return db_.queryOne(kCountNameMatches, {cityId, std::string_view(namePattern), cap})->i64(0);
}

std::vector<ShopCard> ShopRepository::fewMatchesPage(std::int64_t cityId,
                                                     const std::string& namePattern,
                                                     std::optional<std::pair<double, double>> point,
                                                     std::int64_t offset, std::int64_t count,
                                                     std::int64_t presentSince) {
    if (point) {
        return readCards(
            db_.query(kFewMatchesNear, {presentSince, point->first, point->second, cityId,
                                        std::string_view(namePattern), offset, count}));
    }
    return readCards(db_.query(
        kFewMatchesByFans, {presentSince, cityId, std::string_view(namePattern), offset, count}));
}

std::optional<std::string> ShopRepository::name(std::int64_t shopId) {
    const auto row = db_.queryOne(kName, {shopId});
    if (!row) return std::nullopt;
    return row->str(0);
}

bool ShopRepository::exists(std::int64_t shopId) {
    return db_.queryOne(kExists, {shopId}).has_value();
}

std::optional<ShopInfo> ShopRepository::info(std::int64_t shopId, std::int64_t readerId,
                                             std::int64_t presentSince) {
    const auto row = db_.queryOne(kInfo, {presentSince, readerId, shopId});
    if (!row) return std::nullopt;
    ShopInfo info;
    info.card = {row->i64(0), row->str(1), row->str(2), std::nullopt, row->i64(3), row->i64(4)};
    info.isFan = row->i64(5) != 0;
    info.address = row->str(6);
    info.longitude = row->f64(7);
    info.latitude = row->f64(8);
    info.hours = row->str(9);
    info.phone = row->str(10);
    info.intro = row->str(11);
    return info;
}

void ShopRepository::writeNameKeys(std::int64_t shopId, std::int64_t cityId,
                                   const std::vector<std::string>& keys) {
    db_.execute(kWriteNameKeys, {cityId, shopId, std::string_view(jsonTextArray(keys))});
}

}  // namespace mmx::db
