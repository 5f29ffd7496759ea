#include "db/feedback_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kLockUser = "SELECT id FROM users WHERE id = ? FOR UPDATE";
constexpr std::string_view kCountSince =
    "SELECT COUNT(*) FROM user_feedback WHERE user_id = ? AND direction = ? AND created_at >= ?";
constexpr std::string_view kAdd =
    "INSERT INTO user_feedback (user_id, direction, content, staff_id, created_at)"
    " VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kPage =
    "SELECT id, content, created_at, direction, staff_id FROM user_feedback WHERE user_id = ?"
    " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCountOf = "SELECT COUNT(*) FROM user_feedback WHERE user_id = ?";
constexpr std::string_view kEntryJson =
    "SELECT JSON_OBJECT('id', id, 'userId', user_id, 'direction', direction, 'content', content,"
    " 'staffId', staff_id, 'time', created_at) FROM user_feedback WHERE id = ?";
constexpr std::string_view kKeepThread =
    "INSERT INTO feedback_thread (user_id, last_id, last_direction, last_at, open)"
    " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_id = VALUES(last_id),"
    " last_direction = VALUES(last_direction), last_at = VALUES(last_at), open = VALUES(open)";
// Backwards along (open, last_at, user_id): open threads first, newest first.
constexpr std::string_view kThreads =
    "SELECT JSON_OBJECT('userId', t.user_id, 'nickName', u.nick_name, 'mobile', u.mobile,"
    " 'open', JSON_EXTRACT(IF(t.open = 1, 'true', 'false'), '$'), 'lastDirection', "
    "t.last_direction, 'lastTime', t.last_at,"
    " 'lastContent', f.content)"
    " FROM feedback_thread t JOIN users u ON u.id = t.user_id"
    " JOIN user_feedback f ON f.id = t.last_id"
    " ORDER BY t.open DESC, t.last_at DESC, t.user_id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kThreadCount = "SELECT COUNT(*) FROM feedback_thread";
constexpr std::string_view kOpenThreads = "SELECT COUNT(*) FROM feedback_thread WHERE open = 1";

}  // namespace

bool FeedbackRepository::lockUser(std::int64_t userId) {
    return db_.queryOne(kLockUser, {userId}).has_value();
}

std::int64_t FeedbackRepository::countSince(std::int64_t userId, FeedbackDirection direction,
                                            std::int64_t sinceMs) {
    return db_.queryOne(kCountSince, {userId, static_cast<std::int64_t>(direction), sinceMs})
        ->i64(0);
}

std::int64_t FeedbackRepository::add(std::int64_t userId, FeedbackDirection direction,
                                     const std::string& content,
                                     std::optional<std::int64_t> staffId, std::int64_t now) {
    const Param staff = staffId ? Param(*staffId) : Param(nullptr);
    const auto kind = static_cast<std::int64_t>(direction);
    const auto id =
        static_cast<std::int64_t>(db_.execute(kAdd, {userId, kind, content, staff, now}).insertId);
    const std::int64_t open = direction == FeedbackDirection::FromUser ? 1 : 0;
    db_.execute(kKeepThread, {userId, id, kind, now, open});
    return id;
}

std::vector<FeedbackEntry> FeedbackRepository::page(std::int64_t userId, std::int64_t offset,
                                                    std::int64_t count) {
    std::vector<FeedbackEntry> entries;
    for (const auto& row : db_.query(kPage, {userId, count, offset})) {
        FeedbackEntry entry{row.i64(0), row.str(1), row.i64(2),
                            static_cast<FeedbackDirection>(row.i64(3)), std::nullopt};
        if (!row.isNull(4)) entry.staffId = row.i64(4);
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::int64_t FeedbackRepository::countOf(std::int64_t userId) {
    return db_.queryOne(kCountOf, {userId})->i64(0);
}

std::optional<std::string> FeedbackRepository::entryJson(std::int64_t id) {
    const auto row = db_.queryOne(kEntryJson, {id});
    if (!row) return std::nullopt;
    return row->str(0);
}

JsonPage FeedbackRepository::threads(std::int64_t offset, std::int64_t count) {
    JsonPage page;
    for (const auto& row : db_.query(kThreads, {count, offset})) page.items.push_back(row.str(0));
    page.total = db_.queryOne(kThreadCount, {})->i64(0);
    return page;
}

std::int64_t FeedbackRepository::openThreads() {
    return db_.queryOne(kOpenThreads, {})->i64(0);
}

}  // namespace mmx::db
