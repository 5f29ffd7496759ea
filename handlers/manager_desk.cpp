// App versions and feedback, for site staff.
#include "services/manager_desk.hpp"

#include "core/api_error.hpp"
#include "core/feedback_rules.hpp"
#include "handlers/manager.hpp"
#include "handlers/manager_common.hpp"
#include "handlers/params.hpp"

namespace mmx::manager {
namespace {

constexpr Names kUserNames{"userId", "id"};

std::int64_t requirePlatform(const Request& request) {
    const auto platform =
        optionalInt(request, "sys", services::kPlatformAndroid, services::kPlatformIos);
    if (!platform) throwBadParam("缺少参数 sys");
    return *platform;
}

}  // namespace

Response versionPublish(Services& services, const Request& request) {
    // Who may publish is settled before the package is looked at; the file nginx wrote is
    // removed by the worker whatever the answer, unless it was moved into place.
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditVersions);
    const std::int64_t platform = requirePlatform(request);
    const std::string version(request.param("version").value_or(""));
    // Checked by the publishing rules, which allow line breaks.
    const std::string remark(request.param("remark").value_or(""));
    if (request.bodyFile.empty()) throwBadParam("缺少文件 package");
    return objectAnswer(
        "版本已发布", "version",
        services::publishVersion(services, staff, {platform, version, remark, request.bodyFile}));
}

Response versionList(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::EditVersions);
    const std::int64_t platform = requirePlatform(request);
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取版本列表成功", "versionList",
                      services::listVersions(services, platform, page.offset, page.count));
}

Response feedbackThreads(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ReadFeedback);
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取反馈列表成功", "threadList",
                      services::feedbackThreads(services, page.offset, page.count));
}

Response feedbackThread(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ReadFeedback);
    const std::int64_t userId = requireId(request, kUserNames);
    const Page page = readPage(request, kManagerPage);
    const auto thread = services::staffFeedbackThread(services, userId, page.offset, page.count);
    Response response("获取反馈成功");
    JsonObject data = response.data();
    data.set("userId", userId);
    JsonArray list = data.array("feedList");
    for (const auto& entry : thread.entries) {
        JsonObject item = list.addObject();
        item.set("id", entry.id)
            .set("content", entry.content)
            .set("time", entry.createdAt)
            .set("direction", static_cast<std::int64_t>(entry.direction));
        if (entry.staffId) {
            item.set("staffId", *entry.staffId);
        } else {
            item.setNull("staffId");
        }
    }
    data.set("total", thread.total);
    return response;
}

Response feedbackReply(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::ReplyFeedback);
    const std::int64_t userId = requireId(request, kUserNames);
    const std::string content = requireText(request, "content", 1, kFeedbackReplyMaxChars);
    return objectAnswer("已回复", "feedback",
                        services::replyAsStaff(services, staff, userId, content));
}

}  // namespace mmx::manager
