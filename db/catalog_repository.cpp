#include "db/catalog_repository.hpp"

#include "core/shop_search_keys.hpp"
#include "db/json_ids.hpp"
#include "db/shop_repository.hpp"

namespace mmx::db {
namespace {

// ---- cities
#define MMX_CITY_JSON                                         \
    "JSON_OBJECT('id', c.id, 'name', c.name, 'sort', c.sort," \
    " 'shops', (SELECT COUNT(*) FROM shop s WHERE s.city_id = c.id))"
constexpr std::string_view kCities =
    "SELECT " MMX_CITY_JSON " FROM city c ORDER BY c.sort, c.id LIMIT ?, ?";
constexpr std::string_view kCountCities = "SELECT COUNT(*) FROM city";
constexpr std::string_view kLockCity =
    "SELECT " MMX_CITY_JSON " FROM city c WHERE c.id = ? FOR UPDATE";
constexpr std::string_view kAddCity = "INSERT INTO city (name, sort) VALUES (?, ?)";
constexpr std::string_view kUpdateCity =
    "UPDATE city SET name = COALESCE(?, name), sort = COALESCE(?, sort) WHERE id = ?";
constexpr std::string_view kShopsInCity = "SELECT COUNT(*) FROM shop WHERE city_id = ?";
constexpr std::string_view kForgetUserCity = "UPDATE users SET city_id = NULL WHERE city_id = ?";
constexpr std::string_view kDeleteCity = "DELETE FROM city WHERE id = ?";

// ---- categories
#define MMX_CATEGORY_JSON                                                                     \
    "JSON_OBJECT('id', c.id, 'parentId', c.parent_id, 'name', c.name, 'pic', c.pic,"          \
    " 'sort', c.sort, 'children', (SELECT COUNT(*) FROM shop_category k WHERE k.parent_id = " \
    "c.id), 'shops', (SELECT COUNT(*) FROM shop s WHERE s.category_id = c.id))"
// Top categories each followed by their children; or the children of one.
constexpr std::string_view kCategories =
    "SELECT " MMX_CATEGORY_JSON
    " FROM shop_category c"
    " LEFT JOIN shop_category p ON p.id = c.parent_id"
    " WHERE (? IS NULL OR c.parent_id = ?)"
    " ORDER BY COALESCE(p.sort, c.sort), COALESCE(p.id, c.id), c.parent_id IS NOT NULL,"
    " c.sort, c.id LIMIT ?, ?";
constexpr std::string_view kCountCategories =
    "SELECT COUNT(*) FROM shop_category c WHERE (? IS NULL OR c.parent_id = ?)";
constexpr std::string_view kLockCategory =
    "SELECT c.parent_id, " MMX_CATEGORY_JSON " FROM shop_category c WHERE c.id = ? FOR UPDATE";
constexpr std::string_view kAddCategory =
    "INSERT INTO shop_category (parent_id, name, pic, sort) VALUES (?, ?, ?, ?)";
constexpr std::string_view kUpdateCategory =
    "UPDATE shop_category SET name = COALESCE(?, name), pic = COALESCE(?, pic),"
    " sort = COALESCE(?, sort) WHERE id = ?";
constexpr std::string_view kCategoryDependents =
    "SELECT (SELECT COUNT(*) FROM shop_category WHERE parent_id = ?)"
    " + (SELECT COUNT(*) FROM shop WHERE category_id = ?)";
constexpr std::string_view kDeleteCategory = "DELETE FROM shop_category WHERE id = ?";

// ---- shops
#define MMX_SHOP_JSON                                                                   \
    "JSON_OBJECT('id', s.id, 'name', s.name, 'city', s.city_id,"                        \
    " 'cityName', (SELECT c.name FROM city c WHERE c.id = s.city_id),"                  \
    " 'category', s.category_id,"                                                       \
    " 'categoryName', (SELECT k.name FROM shop_category k WHERE k.id = s.category_id)," \
    " 'address', s.address, 'long', ST_X(s.location), 'lat', ST_Y(s.location),"         \
    " 'hours', s.hours, 'phone', s.phone, 'intro', s.intro,"                            \
    " 'picList', JSON_QUERY(s.pics, '$'), 'recommendWord', s.recommend_word,"           \
    " 'recommendRank', s.recommend_rank, 'fans', s.fans, 'createdAt', s.created_at)"
#define MMX_SHOP_FILTER                                                                    \
    " FROM shop s WHERE (? IS NULL OR s.city_id = ?)"                                      \
    " AND (? IS NULL OR s.category_id IN (SELECT k.id FROM shop_category k WHERE k.id = ?" \
    " OR k.parent_id = ?)) AND (? IS NULL OR s.name LIKE ?)"
constexpr std::string_view kShops =
    "SELECT " MMX_SHOP_JSON MMX_SHOP_FILTER " ORDER BY s.id DESC LIMIT ?, ?";
constexpr std::string_view kCountShops = "SELECT COUNT(*)" MMX_SHOP_FILTER;
constexpr std::string_view kShopJson = "SELECT " MMX_SHOP_JSON " FROM shop s WHERE s.id = ?";
constexpr std::string_view kLockShop =
    "SELECT s.city_id, s.name, " MMX_SHOP_JSON " FROM shop s WHERE s.id = ? FOR UPDATE";
constexpr std::string_view kAddShop =
    "INSERT INTO shop (city_id, category_id, name, pics, address, location, hours, phone,"
    " intro, recommend_word, recommend_rank, created_at)"
    " VALUES (?, ?, ?, ?, ?, POINT(?, ?), ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdateShop =
    "UPDATE shop SET city_id = COALESCE(?, city_id), category_id = COALESCE(?, category_id),"
    " name = COALESCE(?, name), pics = COALESCE(?, pics), address = COALESCE(?, address),"
    " location = IF(? IS NULL, location, POINT(?, ?)), hours = COALESCE(?, hours),"
    " phone = COALESCE(?, phone), intro = COALESCE(?, intro),"
    " recommend_word = COALESCE(?, recommend_word),"
    " recommend_rank = IF(?, NULL, COALESCE(?, recommend_rank)) WHERE id = ?";
constexpr std::string_view kDeleteNameKeys = "DELETE FROM shop_name_key WHERE shop_id = ?";
constexpr std::string_view kMoveActivities = "UPDATE activity SET city_id = ? WHERE shop_id = ?";
constexpr std::string_view kShopDependents =
    "SELECT (SELECT COUNT(*) FROM shop_fan WHERE shop_id = ?),"
    " (SELECT COUNT(*) FROM goods WHERE shop_id = ?),"
    " (SELECT COUNT(*) FROM activity WHERE shop_id = ?)";
// Fans, goods (with their fitting pictures), activities, presence, visits and name keys
// go with the shop through their foreign keys (ON DELETE CASCADE).
constexpr std::string_view kDeleteShop = "DELETE FROM shop WHERE id = ?";

// ---- goods
#define MMX_GOODS_JSON                                                            \
    "JSON_OBJECT('id', g.id, 'sid', g.shop_id, 'desp', g.desp, 'price', g.price," \
    " 'promot', g.promot, 'status', g.status, 'barcode', g.barcode,"              \
    " 'basic', JSON_QUERY(g.basic, '$'), 'picList', JSON_QUERY(g.pics, '$'),"     \
    " 'publishedAt', g.published_at)"
constexpr std::string_view kGoods = "SELECT " MMX_GOODS_JSON
                                    " FROM goods g WHERE g.shop_id = ?"
                                    " ORDER BY g.published_at DESC, g.id DESC LIMIT ?, ?";
constexpr std::string_view kCountGoods = "SELECT COUNT(*) FROM goods WHERE shop_id = ?";
constexpr std::string_view kGoodsJson = "SELECT " MMX_GOODS_JSON " FROM goods g WHERE g.id = ?";
constexpr std::string_view kLockGoods =
    "SELECT " MMX_GOODS_JSON " FROM goods g WHERE g.id = ? FOR UPDATE";
constexpr std::string_view kAddGoods =
    "INSERT INTO goods (shop_id, barcode, desp, price, promot, pics, basic, status,"
    " published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdateGoods =
    "UPDATE goods SET desp = COALESCE(?, desp), price = COALESCE(?, price),"
    " promot = IF(?, NULL, COALESCE(?, promot)), pics = COALESCE(?, pics),"
    " basic = COALESCE(?, basic), status = COALESCE(?, status),"
    " barcode = IF(?, NULL, COALESCE(?, barcode)) WHERE id = ?";
constexpr std::string_view kDeleteGoods = "DELETE FROM goods WHERE id = ?";

// ---- activities
#define MMX_ACTIVITY_JSON                                                                  \
    "JSON_OBJECT('actID', a.id, 'sid', a.shop_id, 'shopName', (SELECT s.name FROM shop s"  \
    " WHERE s.id = a.shop_id), 'city', a.city_id, 'title', a.title, 'content', a.content," \
    " 'bt', DATE_FORMAT(a.begin_date, '%Y-%m-%d'), 'et', DATE_FORMAT(a.end_date, '%Y-%m-%d'))"
#define MMX_ACTIVITY_FILTER \
    " FROM activity a WHERE (? IS NULL OR a.shop_id = ?) AND (? IS NULL OR a.city_id = ?)"
constexpr std::string_view kActivities =
    "SELECT " MMX_ACTIVITY_JSON MMX_ACTIVITY_FILTER " ORDER BY a.id DESC LIMIT ?, ?";
constexpr std::string_view kCountActivities = "SELECT COUNT(*)" MMX_ACTIVITY_FILTER;
constexpr std::string_view kLockActivity =
    "SELECT DATE_FORMAT(a.begin_date, '%Y-%m-%d'), DATE_FORMAT(a.end_date, "
    "'%Y-%m-%d'), " MMX_ACTIVITY_JSON " FROM activity a WHERE a.id = ? FOR UPDATE";
constexpr std::string_view kAddActivity =
    "INSERT INTO activity (shop_id, city_id, title, content, begin_date, end_date)"
    " VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdateActivity =
    "UPDATE activity SET title = COALESCE(?, title), content = COALESCE(?, content),"
    " begin_date = COALESCE(?, begin_date), end_date = COALESCE(?, end_date) WHERE id = ?";
constexpr std::string_view kDeleteActivity = "DELETE FROM activity WHERE id = ?";

#undef MMX_CITY_JSON
#undef MMX_CATEGORY_JSON
#undef MMX_SHOP_JSON
#undef MMX_SHOP_FILTER
#undef MMX_GOODS_JSON
#undef MMX_ACTIVITY_JSON
#undef MMX_ACTIVITY_FILTER

Param text(const Change<std::string>& value) {
    if (!value) return nullptr;
    return std::string_view(*value);
}

Param number(const Change<std::int64_t>& value) {
    if (!value) return nullptr;
    return *value;
}

Param degrees(const Change<double>& value) {
    if (!value) return nullptr;
    return *value;
}

std::vector<std::string> firstColumn(const std::vector<Row>& rows) {
    std::vector<std::string> items;
    items.reserve(rows.size());
    for (const auto& row : rows) items.push_back(row.str(0));
    return items;
}

std::optional<std::string> firstOf(const std::optional<Row>& row) {
    if (!row) return std::nullopt;
    return row->str(0);
}

}  // namespace

// ---- cities

JsonPage CatalogRepository::cities(std::int64_t offset, std::int64_t count) {
    return {firstColumn(db_.query(kCities, {offset, count})), db_.queryOne(kCountCities)->i64(0)};
}

std::optional<std::string> CatalogRepository::lockCity(std::int64_t cityId) {
    return firstOf(db_.queryOne(kLockCity, {cityId}));
}

std::int64_t CatalogRepository::addCity(const std::string& name, std::int64_t sort) {
    return static_cast<std::int64_t>(
        db_.execute(kAddCity, {std::string_view(name), sort}).insertId);
}

void CatalogRepository::updateCity(std::int64_t cityId, const CityFields& f) {
    db_.execute(kUpdateCity, {text(f.name), number(f.sort), cityId});
}

std::int64_t CatalogRepository::shopsInCity(std::int64_t cityId) {
    return db_.queryOne(kShopsInCity, {cityId})->i64(0);
}

void CatalogRepository::deleteCity(std::int64_t cityId) {
    db_.execute(kForgetUserCity, {cityId});
    db_.execute(kDeleteCity, {cityId});
}

// ---- categories

JsonPage CatalogRepository::categories(std::optional<std::int64_t> parentId, std::int64_t offset,
                                       std::int64_t count) {
    const Param parent = number(parentId);
    return {firstColumn(db_.query(kCategories, {parent, parent, offset, count})),
            db_.queryOne(kCountCategories, {parent, parent})->i64(0)};
}

std::optional<LockedCategory> CatalogRepository::lockCategory(std::int64_t categoryId) {
    const auto row = db_.queryOne(kLockCategory, {categoryId});
    if (!row) return std::nullopt;
    return LockedCategory{row->optI64(0), row->str(1)};
}

std::int64_t CatalogRepository::addCategory(std::optional<std::int64_t> parentId,
                                            const std::string& name, const std::string& pic,
                                            std::int64_t sort) {
    return static_cast<std::int64_t>(
        db_.execute(kAddCategory,
                    {number(parentId), std::string_view(name), std::string_view(pic), sort})
            .insertId);
}

void CatalogRepository::updateCategory(std::int64_t categoryId, const CategoryFields& f) {
    db_.execute(kUpdateCategory, {text(f.name), text(f.pic), number(f.sort), categoryId});
}

std::int64_t CatalogRepository::categoryDependents(std::int64_t categoryId) {
    return db_.queryOne(kCategoryDependents, {categoryId, categoryId})->i64(0);
}

void CatalogRepository::deleteCategory(std::int64_t categoryId) {
    db_.execute(kDeleteCategory, {categoryId});
}

// ---- shops

JsonPage CatalogRepository::shops(const ShopQuery& q, std::int64_t offset, std::int64_t count) {
    const Param city = number(q.cityId);
    const Param category = number(q.categoryId);
    const std::optional<std::string> pattern =
        q.name ? std::optional<std::string>("%" + likePrefixPattern(*q.name)) : std::nullopt;
    const Param name = text(pattern);
    return {
        firstColumn(db_.query(
            kShops, {city, city, category, category, category, name, name, offset, count})),
        db_.queryOne(kCountShops, {city, city, category, category, category, name, name})->i64(0)};
}

std::optional<std::string> CatalogRepository::shopJson(std::int64_t shopId) {
    return firstOf(db_.queryOne(kShopJson, {shopId}));
}

std::optional<LockedShop> CatalogRepository::lockShop(std::int64_t shopId) {
    const auto row = db_.queryOne(kLockShop, {shopId});
    if (!row) return std::nullopt;
    return LockedShop{row->i64(0), row->str(1), row->str(2)};
}

std::int64_t CatalogRepository::addShop(const ShopFields& f, std::int64_t now) {
    return static_cast<std::int64_t>(
        db_.execute(
               kAddShop,
               {number(f.cityId), number(f.categoryId), text(f.name),
                std::string_view(f.pics.value_or("[]")), std::string_view(f.address.value_or("")),
                degrees(f.longitude), degrees(f.latitude), std::string_view(f.hours.value_or("")),
                std::string_view(f.phone.value_or("")), std::string_view(f.intro.value_or("")),
                std::string_view(f.recommendWord.value_or("")), number(f.recommendRank), now})
            .insertId);
}

void CatalogRepository::updateShop(std::int64_t shopId, const ShopFields& f) {
    db_.execute(kUpdateShop,
                {number(f.cityId), number(f.categoryId), text(f.name), text(f.pics),
                 text(f.address), degrees(f.longitude), degrees(f.longitude), degrees(f.latitude),
                 text(f.hours), text(f.phone), text(f.intro), text(f.recommendWord),
                 std::int64_t{f.clearRecommendRank ? 1 : 0}, number(f.recommendRank), shopId});
}

void CatalogRepository::replaceNameKeys(std::int64_t shopId, std::int64_t cityId,
                                        const std::vector<std::string>& keys) {
    db_.execute(kDeleteNameKeys, {shopId});
    ShopRepository(db_).writeNameKeys(shopId, cityId, keys);
}

void CatalogRepository::moveActivities(std::int64_t shopId, std::int64_t cityId) {
    db_.execute(kMoveActivities, {cityId, shopId});
}

ShopDependents CatalogRepository::shopDependents(std::int64_t shopId) {
    const auto row = db_.queryOne(kShopDependents, {shopId, shopId, shopId});
    return ShopDependents{row->i64(0), row->i64(1), row->i64(2)};
}

void CatalogRepository::deleteShop(std::int64_t shopId) {
    db_.execute(kDeleteShop, {shopId});
}

// ---- goods

JsonPage CatalogRepository::goods(std::int64_t shopId, std::int64_t offset, std::int64_t count) {
    return {firstColumn(db_.query(kGoods, {shopId, offset, count})),
            db_.queryOne(kCountGoods, {shopId})->i64(0)};
}

std::optional<std::string> CatalogRepository::goodsJson(std::int64_t goodsId) {
    return firstOf(db_.queryOne(kGoodsJson, {goodsId}));
}

std::optional<std::string> CatalogRepository::lockGoods(std::int64_t goodsId) {
    return firstOf(db_.queryOne(kLockGoods, {goodsId}));
}

std::int64_t CatalogRepository::addGoods(std::int64_t shopId, const GoodsFields& f,
                                         std::int64_t now) {
    return static_cast<std::int64_t>(
        db_.execute(kAddGoods,
                    {shopId, text(f.barcode), std::string_view(f.desp.value_or("")),
                     number(f.price), number(f.promot), std::string_view(f.pics.value_or("[]")),
                     std::string_view(f.basic.value_or("[]")), f.status.value_or(1), now})
            .insertId);
}

void CatalogRepository::updateGoods(std::int64_t goodsId, const GoodsFields& f) {
    db_.execute(kUpdateGoods, {text(f.desp), number(f.price), std::int64_t{f.clearPromot ? 1 : 0},
                               number(f.promot), text(f.pics), text(f.basic), number(f.status),
                               std::int64_t{f.clearBarcode ? 1 : 0}, text(f.barcode), goodsId});
}

void CatalogRepository::deleteGoods(std::int64_t goodsId) {
    db_.execute(kDeleteGoods, {goodsId});
}

// ---- activities

JsonPage CatalogRepository::activities(const ActivityQuery& q, std::int64_t offset,
                                       std::int64_t count) {
    const Param shop = number(q.shopId);
    const Param city = number(q.cityId);
    return {firstColumn(db_.query(kActivities, {shop, shop, city, city, offset, count})),
            db_.queryOne(kCountActivities, {shop, shop, city, city})->i64(0)};
}

std::optional<LockedActivity> CatalogRepository::lockActivity(std::int64_t activityId) {
    const auto row = db_.queryOne(kLockActivity, {activityId});
    if (!row) return std::nullopt;
    return LockedActivity{row->str(0), row->str(1), row->str(2)};
}

std::int64_t CatalogRepository::addActivity(std::int64_t shopId, std::int64_t cityId,
                                            const ActivityFields& f) {
    return static_cast<std::int64_t>(
        db_.execute(kAddActivity, {shopId, cityId, text(f.title), text(f.content),
                                   text(f.beginDate), text(f.endDate)})
            .insertId);
}

void CatalogRepository::updateActivity(std::int64_t activityId, const ActivityFields& f) {
    db_.execute(kUpdateActivity,
                {text(f.title), text(f.content), text(f.beginDate), text(f.endDate), activityId});
}

void CatalogRepository::deleteActivity(std::int64_t activityId) {
    db_.execute(kDeleteActivity, {activityId});
}

}  // namespace mmx::db
