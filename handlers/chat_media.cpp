// Chat media: an image or a voice clip, recognised by its bytes, written where
// nginx serves it (/upload/chat/<yyyymm>/), never half-written.
#include "handlers/chat_media.hpp"

#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/file_store.hpp"
#include "core/media_type.hpp"
#include "fcgi/api_error.hpp"

namespace mmx::chat {
namespace {

std::filesystem::path chatDirectory(const Services& services) {
    return std::filesystem::path(services.config.uploadDir) / "chat";
}

MediaKind requireKind(const Request& request) {
    const auto kind = request.param("kind");
    if (!kind || kind->empty()) throwBadParam("缺少参数 kind");
    if (*kind == "image") return MediaKind::Image;
    if (*kind == "voice") return MediaKind::Voice;
    throwBadParam("参数 kind 必须是 image 或 voice");
}

MediaType requireType(MediaKind kind, const std::string& bytes) {
    if (kind == MediaKind::Image) {
        if (bytes.size() > kChatImageMaxBytes) throwBadParam("图片不能大于3M");
        const auto type = sniffImage(bytes);
        if (!type) throwBadParam("图片只能是jpg、png、bmp、gif格式");
        return *type;
    }
    if (bytes.size() > kChatVoiceMaxBytes) throwBadParam("语音不能大于2M");
    const auto type = sniffAudio(bytes);
    if (!type) throwBadParam("语音只能是amr、aac、m4a、mp3格式");
    return *type;
}

}  // namespace

Response uploadMedia(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const MediaKind kind = requireKind(request);
    const UploadedFile* upload = request.file("file");
    if (upload == nullptr || upload->bytes.empty()) throwBadParam("缺少文件 file");
    const MediaType type = requireType(kind, upload->bytes);

    const std::string month = mediaMonthFolder(nowMs());
    const std::string name =
        std::to_string(actor.userId) + "_" + randomHex(12) + "." + std::string(type.extension);
    writeFileAtomically(chatDirectory(services) / month, name, upload->bytes);

    Response response("上传成功");
    response.data()
        .set("url", services.config.publicBaseUrl + "/upload/chat/" + month + "/" + name)
        .set("kind", kind == MediaKind::Image ? "image" : "voice")
        .set("mime", type.mime)
        .set("size", static_cast<std::int64_t>(upload->bytes.size()));
    return response;
}

std::string requireChatMediaUrl(const Services& services, std::string_view url, MediaKind kind,
                                std::string_view param) {
    const auto path = chatMediaPath(url, services.config.publicBaseUrl);
    const bool fits = path && (kind == MediaKind::Image ? isChatImageExtension(*path)
                                                        : isChatVoiceExtension(*path));
    std::error_code ignored;
    if (!fits || !std::filesystem::is_regular_file(chatDirectory(services) / *path, ignored)) {
        throwBadParam("参数 " + std::string(param) +
                      (kind == MediaKind::Image ? " 必须是上传聊天图片返回的地址"
                                                : " 必须是上传语音返回的地址"));
    }
    return std::string(url);
}

}  // namespace mmx::chat
