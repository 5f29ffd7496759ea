#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/feedback_repository.hpp"
#include "services/services.hpp"

namespace mmx::services {

// A user's message to the staff: at most kFeedbackMaxChars characters, at most
// kFeedbackDailyLimit a China calendar day (counted in the same transaction, under the
// user's row lock, so racing submits cannot pass it; the next is RATE_LIMITED until
// midnight).
void submitFeedback(Services& services, std::int64_t userId, const std::string& content);

// The user's thread, newest first: their messages and the staff's replies.
std::vector<db::FeedbackEntry> feedbackThread(Services& services, std::int64_t userId,
                                              std::int64_t offset, std::int64_t count);

// A staff reply in a user's thread (direction 2). `staffId`: the replying staff member's
// user id when the caller knows it. BAD_PARAM for a text that cannot be shown, NOT_FOUND
// for an unknown user.
// `withinTransaction` runs in the reply's transaction with the new entry's id (the staff's
// audit entry). Returns that id.
std::int64_t replyToFeedback(
    Services& services, std::int64_t userId, const std::string& content,
    std::optional<std::int64_t> staffId = std::nullopt,
    const std::function<void(std::int64_t feedbackId)>& withinTransaction = nullptr);

}  // namespace mmx::services
