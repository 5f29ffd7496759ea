#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"
#include "db/manager_repository.hpp"

namespace mmx::db {

// Who wrote an entry of a feedback thread.
enum class FeedbackDirection : std::int64_t { FromUser = 1, ToUser = 2 };

struct FeedbackEntry {
    std::int64_t id = 0;
    std::string content;
    std::int64_t createdAt = 0;  // epoch ms
    FeedbackDirection direction = FeedbackDirection::FromUser;
    std::optional<std::int64_t> staffId;  // who replied (direction 2), when known
};

// user_feedback: one thread per user, the user's messages and the staff's replies.
class FeedbackRepository {
  public:
    explicit FeedbackRepository(Connection& db) : db_(db) {}

    // Locks the user's users row (the daily count of a user is judged under it); false
    // when there is no such user.
    bool lockUser(std::int64_t userId);
    // Entries of `direction` the user's thread gained from `sinceMs` on.
    std::int64_t countSince(std::int64_t userId, FeedbackDirection direction, std::int64_t sinceMs);
    // The entry, and the user's row of feedback_thread (last message, open or answered).
    std::int64_t add(std::int64_t userId, FeedbackDirection direction, const std::string& content,
                     std::optional<std::int64_t> staffId, std::int64_t now);
    // Newest first.
    std::vector<FeedbackEntry> page(std::int64_t userId, std::int64_t offset, std::int64_t count);
    std::int64_t countOf(std::int64_t userId);
    // One entry as a JSON object (the staff's audit log keeps it).
    std::optional<std::string> entryJson(std::int64_t id);

    // The staff's list of threads: open ones (the user wrote last) first, then the
    // answered ones, each newest first; JSON objects with the user and the last message.
    JsonPage threads(std::int64_t offset, std::int64_t count);
    // Threads whose last message is the user's.
    std::int64_t openThreads();

  private:
    Connection& db_;
};

}  // namespace mmx::db
