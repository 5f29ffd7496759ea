#include "services/manager_desk.hpp"

#include "core/api_error.hpp"
#include "db/app_version_repository.hpp"
#include "db/feedback_repository.hpp"
#include "services/feedback.hpp"

namespace mmx::services {

std::string publishVersion(Services& services, const Staff& staff, const AppPackage& package) {
    std::string json;
    publishUploadedAppVersion(services, package, [&](std::int64_t versionId) {
        json =
            *db::AppVersionRepository(services.db).json(versionId, services.config.publicBaseUrl);
        audit(services, staff, "version.publish", "version", versionId, std::nullopt, json);
    });
    return json;
}

db::JsonPage listVersions(Services& services, std::int64_t platform, std::int64_t offset,
                          std::int64_t count) {
    return db::AppVersionRepository(services.db)
        .page(platform, services.config.publicBaseUrl, offset, count);
}

db::JsonPage feedbackThreads(Services& services, std::int64_t offset, std::int64_t count) {
    return db::FeedbackRepository(services.db).threads(offset, count);
}

FeedbackThreadPage staffFeedbackThread(Services& services, std::int64_t userId, std::int64_t offset,
                                       std::int64_t count) {
    db::FeedbackRepository repository(services.db);
    return {repository.page(userId, offset, count), repository.countOf(userId)};
}

std::string replyAsStaff(Services& services, const Staff& staff, std::int64_t userId,
                         const std::string& content) {
    std::string json;
    replyToFeedback(services, userId, content, staff.userId, [&](std::int64_t feedbackId) {
        json = *db::FeedbackRepository(services.db).entryJson(feedbackId);
        audit(services, staff, "feedback.reply", "feedback", userId, std::nullopt, json);
    });
    return json;
}

std::int64_t openFeedbackThreads(Services& services) {
    return db::FeedbackRepository(services.db).openThreads();
}

}  // namespace mmx::services
