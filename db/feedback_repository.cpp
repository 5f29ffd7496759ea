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
    "SELECT id, content, created_at, direction FROM user_feedback WHERE user_id = ?"
    " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";

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
    return static_cast<std::int64_t>(
        db_.execute(kAdd, {userId, static_cast<std::int64_t>(direction), content, staff, now})
            .insertId);
}

std::vector<FeedbackEntry> FeedbackRepository::page(std::int64_t userId, std::int64_t offset,
                                                    std::int64_t count) {
    std::vector<FeedbackEntry> entries;
    for (const auto& row : db_.query(kPage, {userId, count, offset})) {
        entries.push_back(
            {row.i64(0), row.str(1), row.i64(2), static_cast<FeedbackDirection>(row.i64(3))});
    }
    return entries;
}

}  // namespace mmx::db
