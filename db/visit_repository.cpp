#include "db/visit_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kMarkPresent =
    "INSERT INTO shop_presence (shop_id, user_id, seen_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE seen_at = GREATEST(seen_at, VALUES(seen_at))";
constexpr std::string_view kRefreshPresence =
    "UPDATE shop_presence SET seen_at = GREATEST(seen_at, ?)"
    " WHERE shop_id = ? AND user_id = ? AND seen_at >= ?";
constexpr std::string_view kLeave = "DELETE FROM shop_presence WHERE shop_id = ? AND user_id = ?";
constexpr std::string_view kCountPresent =
    "SELECT COUNT(*) FROM shop_presence WHERE shop_id = ? AND seen_at >= ?";
constexpr std::string_view kRecordVisit =
    "INSERT INTO shop_visit (user_id, shop_id, visited_at) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE visited_at = GREATEST(visited_at, VALUES(visited_at))";
constexpr std::string_view kVisitsBefore =
    "SELECT v.shop_id, s.name, v.visited_at FROM shop_visit v JOIN shop s ON s.id = v.shop_id"
    " WHERE v.user_id = ? AND v.visited_at < ?"
    " ORDER BY v.visited_at DESC, v.shop_id DESC LIMIT ?";
constexpr std::string_view kVisitsFrom =
    "SELECT v.shop_id, s.name, v.visited_at FROM shop_visit v JOIN shop s ON s.id = v.shop_id"
    " WHERE v.user_id = ? AND v.visited_at >= ?"
    " ORDER BY v.visited_at, v.shop_id LIMIT ?";

std::vector<Visit> readVisits(const std::vector<Row>& rows) {
    std::vector<Visit> visits;
    for (const auto& row : rows) visits.push_back({row.i64(0), row.str(1), row.i64(2)});
    return visits;
}

}  // namespace

void VisitRepository::markPresent(std::int64_t shopId, std::int64_t userId, std::int64_t now) {
    db_.execute(kMarkPresent, {shopId, userId, now});
}

bool VisitRepository::refreshPresence(std::int64_t shopId, std::int64_t userId, std::int64_t since,
                                      std::int64_t now) {
    return db_.execute(kRefreshPresence, {now, shopId, userId, since}).affectedRows > 0;
}

void VisitRepository::leave(std::int64_t shopId, std::int64_t userId) {
    db_.execute(kLeave, {shopId, userId});
}

std::int64_t VisitRepository::countPresent(std::int64_t shopId, std::int64_t since) {
    return db_.queryOne(kCountPresent, {shopId, since})->i64(0);
}

void VisitRepository::recordVisit(std::int64_t userId, std::int64_t shopId, std::int64_t now) {
    db_.execute(kRecordVisit, {userId, shopId, now});
}

std::vector<Visit> VisitRepository::visitsBefore(std::int64_t userId, std::int64_t beforeMs,
                                                 std::int64_t count) {
    return readVisits(db_.query(kVisitsBefore, {userId, beforeMs, count}));
}

std::vector<Visit> VisitRepository::visitsFrom(std::int64_t userId, std::int64_t fromMs,
                                               std::int64_t count) {
    return readVisits(db_.query(kVisitsFrom, {userId, fromMs, count}));
}

}  // namespace mmx::db
