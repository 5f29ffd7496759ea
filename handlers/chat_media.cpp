// Chat media: an image (decoded and encoded again) or a voice clip (every frame
// parsed), written where nginx serves it (/upload/chat/<yyyymm>/), never
// half-written, and recorded as the uploader's: only they can attach it.
#include "handlers/chat_media.hpp"

#include <filesystem>

#include "adapters/file_store.hpp"
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/voice_clip.hpp"
#include "db/upload_repository.hpp"
#include "handlers/uploaded_image.hpp"

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

struct StoredMedia {
    MediaType type;
    std::string bytes;
};

StoredMedia requireMedia(const Services& services, MediaKind kind, const std::string& bytes) {
    if (kind == MediaKind::Image) {
        if (bytes.size() > kChatImageMaxBytes) throwBadParam("图片不能大于3M");
        CleanedImage image = requireCleanImage(services, bytes, "图片只能是jpg、png、bmp、gif格式");
        return {image.type, std::move(image.bytes)};
    }
    if (bytes.size() > kChatVoiceMaxBytes) throwBadParam("语音不能大于2M");
    const auto type = checkVoiceClip(bytes);
    if (!type) throwBadParam("语音只能是完整的amr、aac、m4a、mp3文件");
    return {*type, bytes};
}

}  // namespace

Response uploadMedia(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const MediaKind kind = requireKind(request);
    const UploadedFile* upload = request.file("file");
    if (upload == nullptr || upload->bytes.empty()) throwBadParam("缺少文件 file");
    const StoredMedia media = requireMedia(services, kind, upload->bytes);

    const std::string month = mediaMonthFolder(nowMs());
    const std::string name = std::to_string(actor.userId) + "_" + randomHex(12) + "." +
                             std::string(media.type.extension);
    const auto stored = writeFileAtomically(chatDirectory(services) / month, name, media.bytes);
    try {
        db::UploadRepository(services.db)
            .record("chat/" + month + "/" + name, actor.userId,
                    kind == MediaKind::Image ? "image" : "voice", nowMs());
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(stored, ignored);  // a failed upload leaves no file behind
        throw;
    }

    Response response("上传成功");
    response.data()
        .set("url", services.config.publicBaseUrl + "/upload/chat/" + month + "/" + name)
        .set("kind", kind == MediaKind::Image ? "image" : "voice")
        .set("mime", media.type.mime)
        .set("size", static_cast<std::int64_t>(media.bytes.size()));
    return response;
}

std::string requireOwnChatMediaUrl(Services& services, std::int64_t actorId, std::string_view url,
                                   MediaKind kind, std::string_view param) {
    const auto path = chatMediaPath(url, services.config.publicBaseUrl);
    const bool fits = path && (kind == MediaKind::Image ? isChatImageExtension(*path)
                                                        : isChatVoiceExtension(*path));
    std::error_code ignored;
    // Someone else's file is answered as a file that is not there: the answer tells
    // nobody whether a URL they guessed or saw names a stored file.
    if (!fits || !std::filesystem::is_regular_file(chatDirectory(services) / *path, ignored) ||
        db::UploadRepository(services.db).ownerOf("chat/" + *path) != actorId) {
        throwBadParam("参数 " + std::string(param) +
                      (kind == MediaKind::Image ? " 必须是你上传聊天图片返回的地址"
                                                : " 必须是你上传语音返回的地址"));
    }
    return std::string(url);
}

}  // namespace mmx::chat
