// The feedback thread between a user and the staff.
#include "services/feedback.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/feedback_rules.hpp"
#include "core/rate_window.hpp"

namespace mmx::services {
namespace {

void lockUser(db::FeedbackRepository& repository, std::int64_t userId) {
    if (!repository.lockUser(userId)) throw ApiError(ErrorCode::NotFound, "用户不存在");
}

}  // namespace

void submitFeedback(Services& services, std::int64_t userId, const std::string& content) {
    if (const auto problem = feedbackTextProblem(content, kFeedbackMaxChars)) {
        throwBadParam("参数 feedback " + *problem);
    }
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FeedbackRepository repository(services.db);
        lockUser(repository, userId);
        const std::int64_t now = nowMs();
        const std::int64_t dayEnd = chinaDayEndMs(now);
        const std::int64_t today =
            repository.countSince(userId, db::FeedbackDirection::FromUser, dayEnd - kDayMs);
        if (today >= kFeedbackDailyLimit) {
            throw rateLimited("今天的反馈已达上限，请明天再来", dayEnd - now);
        }
        repository.add(userId, db::FeedbackDirection::FromUser, content, std::nullopt, now);
        transaction.commit();
    });
}

std::vector<db::FeedbackEntry> feedbackThread(Services& services, std::int64_t userId,
                                              std::int64_t offset, std::int64_t count) {
    return db::FeedbackRepository(services.db).page(userId, offset, count);
}

std::int64_t replyToFeedback(Services& services, std::int64_t userId, const std::string& content,
                             std::optional<std::int64_t> staffId,
                             const std::function<void(std::int64_t)>& withinTransaction) {
    if (const auto problem = feedbackTextProblem(content, kFeedbackReplyMaxChars)) {
        throwBadParam("参数 content 回复内容" + *problem);
    }
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::FeedbackRepository repository(services.db);
        lockUser(repository, userId);
        const std::int64_t id =
            repository.add(userId, db::FeedbackDirection::ToUser, content, staffId, nowMs());
        if (withinTransaction) withinTransaction(id);
        transaction.commit();
        return id;
    });
}

}  // namespace mmx::services
