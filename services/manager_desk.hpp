#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "db/feedback_repository.hpp"
#include "db/manager_repository.hpp"
#include "services/app_versions.hpp"
#include "services/manager.hpp"

// The manager side's app versions and feedback, on the same services the phones and the
// command line use (services/app_versions, services/feedback). Each write is audited in
// its own transaction.
namespace mmx::services {

// Publishes an uploaded package (moved, not copied, into the download directory); the
// version as version!list shows it.
std::string publishVersion(Services& services, const Staff& staff, const AppPackage& package);
db::JsonPage listVersions(Services& services, std::int64_t platform, std::int64_t offset,
                          std::int64_t count);

// Users with feedback: open threads (the user wrote last) first, then answered ones.
db::JsonPage feedbackThreads(Services& services, std::int64_t offset, std::int64_t count);
struct FeedbackThreadPage {
    std::vector<db::FeedbackEntry> entries;  // newest first
    std::int64_t total = 0;
};
FeedbackThreadPage staffFeedbackThread(Services& services, std::int64_t userId, std::int64_t offset,
                                       std::int64_t count);
// A staff reply (direction 2, with the staff's id) in the user's thread; its entry as JSON.
std::string replyAsStaff(Services& services, const Staff& staff, std::int64_t userId,
                         const std::string& content);
std::int64_t openFeedbackThreads(Services& services);

}  // namespace mmx::services
