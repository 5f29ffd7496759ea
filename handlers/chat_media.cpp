// /chat/media!upload: a thin adapter over services/chat_media.
#include "handlers/chat_media.hpp"

#include "core/api_error.hpp"
#include "services/chat_media.hpp"

namespace mmx::chat {
namespace {

services::MediaKind requireKind(const Request& request) {
    const auto kind = request.param("kind");
    if (!kind || kind->empty()) throwBadParam("缺少参数 kind");
    if (*kind == "image") return services::MediaKind::Image;
    if (*kind == "voice") return services::MediaKind::Voice;
    throwBadParam("参数 kind 必须是 image 或 voice");
}

}  // namespace

Response uploadMedia(Services& services, const Request& request) {
    const services::MediaKind kind = requireKind(request);
    const UploadedFile* upload = request.file("file");
    if (upload == nullptr || upload->bytes.empty()) throwBadParam("缺少文件 file");
    const auto media =
        services::uploadChatMedia(services, request.actor().userId, kind, upload->bytes);
    Response response("上传成功");
    response.data()
        .set("url", media.url)
        .set("kind", kind == services::MediaKind::Image ? "image" : "voice")
        .set("mime", media.mime)
        .set("size", media.size);
    return response;
}

}  // namespace mmx::chat
