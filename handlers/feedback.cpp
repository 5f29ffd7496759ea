// The feedback thread: the user's messages (direction 1) and the staff's replies (2).
#include "handlers/feedback.hpp"

#include "core/api_error.hpp"
#include "core/text.hpp"
#include "handlers/params.hpp"
#include "services/feedback.hpp"

namespace mmx::feedback {
namespace {

constexpr PageLimits kFeedbackPage{10, 50};

}  // namespace

Response list(Services& services, const Request& request) {
    const Page page = readPage(request, kFeedbackPage);
    const auto entries =
        services::feedbackThread(services, request.actor().userId, page.offset, page.count);
    Response response("获取反馈成功");
    JsonArray list = response.data().array("feedList");
    for (const auto& entry : entries) {
        list.addObject()
            .set("content", entry.content)
            .set("time", entry.createdAt)
            .set("direction", static_cast<std::int64_t>(entry.direction));
    }
    return response;
}

Response submit(Services& services, const Request& request) {
    const auto content = request.param("feedback");
    if (!content || trim(*content).empty()) throwBadParam("缺少参数 feedback");
    services::submitFeedback(services, request.actor().userId, std::string(trim(*content)));
    return Response("感谢你的反馈");
}

}  // namespace mmx::feedback
