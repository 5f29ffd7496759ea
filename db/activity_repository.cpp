#include "db/activity_repository.hpp"

namespace mmx::db {
namespace {

#define MMX_ACTIVITY_COLUMNS                                           \
    "a.id, a.title, a.content, DATE_FORMAT(a.begin_date, '%Y-%m-%d')," \
    " DATE_FORMAT(a.end_date, '%Y-%m-%d'), s.id, s.name, JSON_VALUE(s.pics, '$[0]')"

constexpr std::string_view kValidOfShop =
    "SELECT " MMX_ACTIVITY_COLUMNS
    " FROM activity a JOIN shop s ON s.id = a.shop_id"
    " WHERE a.shop_id = ? AND a.end_date >= ? AND a.begin_date <= ?"
    " ORDER BY a.begin_date DESC, a.id DESC LIMIT 100";
constexpr std::string_view kValidInCity =
    "SELECT " MMX_ACTIVITY_COLUMNS
    " FROM activity a JOIN shop s ON s.id = a.shop_id"
    " WHERE a.city_id = ? AND a.end_date >= ? AND a.begin_date <= ?"
    " ORDER BY a.id DESC LIMIT ?, ?";
constexpr std::string_view kById = "SELECT " MMX_ACTIVITY_COLUMNS
                                   " FROM activity a JOIN shop s ON s.id = a.shop_id"
                                   " WHERE a.id = ?";

#undef MMX_ACTIVITY_COLUMNS

Activity readActivity(const Row& row) {
    return {row.i64(0), row.str(1), row.str(2), row.str(3),
            row.str(4), row.i64(5), row.str(6), row.str(7)};
}

}  // namespace

std::vector<Activity> ActivityRepository::validOfShop(std::int64_t shopId,
                                                      const std::string& today) {
    std::vector<Activity> list;
    for (const auto& row : db_.query(kValidOfShop, {shopId, today, today})) {
        list.push_back(readActivity(row));
    }
    return list;
}

std::vector<Activity> ActivityRepository::validInCity(std::int64_t cityId, const std::string& today,
                                                      std::int64_t offset, std::int64_t count) {
    std::vector<Activity> list;
    for (const auto& row : db_.query(kValidInCity, {cityId, today, today, offset, count})) {
        list.push_back(readActivity(row));
    }
    return list;
}

std::optional<Activity> ActivityRepository::byId(std::int64_t activityId) {
    const auto row = db_.queryOne(kById, {activityId});
    if (!row) return std::nullopt;
    return readActivity(*row);
}

}  // namespace mmx::db
