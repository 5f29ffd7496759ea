#include "db/share_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kSwitches =
    "SELECT favorite_enable, fans_enable, visit_enable FROM users WHERE id = ?";
constexpr std::string_view kSetSwitches =
    "UPDATE users SET favorite_enable = COALESCE(?, favorite_enable),"
    " fans_enable = COALESCE(?, fans_enable), visit_enable = COALESCE(?, visit_enable)"
    " WHERE id = ?";
// Three index ranges of the user's own rows.
constexpr std::string_view kCounts =
    "SELECT (SELECT COUNT(*) FROM shop_fan WHERE user_id = ?),"
    " (SELECT COUNT(*) FROM goods_favorite WHERE user_id = ?),"
    " (SELECT COUNT(*) FROM shop_visit WHERE user_id = ?)";
constexpr std::string_view kVisitsPage =
    "SELECT v.shop_id, s.name, COALESCE(JSON_VALUE(s.pics, '$[0]'), ''), v.visited_at"
    " FROM shop_visit v JOIN shop s ON s.id = v.shop_id WHERE v.user_id = ?"
    " ORDER BY v.visited_at DESC, v.shop_id DESC LIMIT ?, ?";

Param flag(std::optional<bool> value) {
    return value ? Param(std::int64_t{*value ? 1 : 0}) : Param(nullptr);
}

}  // namespace

ShareSwitches ShareRepository::switches(std::int64_t userId) {
    const auto row = db_.queryOne(kSwitches, {userId});
    if (!row) return {};
    return {row->i64(0) != 0, row->i64(1) != 0, row->i64(2) != 0};
}

void ShareRepository::setSwitches(std::int64_t userId, std::optional<bool> favorites,
                                  std::optional<bool> fans, std::optional<bool> visits) {
    db_.execute(kSetSwitches, {flag(favorites), flag(fans), flag(visits), userId});
}

CollectionCounts ShareRepository::counts(std::int64_t userId) {
    const auto row = db_.queryOne(kCounts, {userId, userId, userId});
    return {row->i64(0), row->i64(1), row->i64(2)};
}

std::vector<ShopVisit> ShareRepository::visitsPage(std::int64_t userId, std::int64_t offset,
                                                   std::int64_t count) {
    std::vector<ShopVisit> list;
    for (const auto& row : db_.query(kVisitsPage, {userId, offset, count})) {
        list.push_back({row.i64(0), row.str(1), row.str(2), row.i64(3)});
    }
    return list;
}

}  // namespace mmx::db
