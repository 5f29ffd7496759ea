#include "services/chat_media.hpp"

#include <filesystem>

#include "adapters/file_store.hpp"
#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/voice_clip.hpp"
#include "db/upload_repository.hpp"
#include "services/images.hpp"

namespace mmx::services {
namespace {

std::filesystem::path chatDirectory(const Services& services) {
    return std::filesystem::path(services.config.uploadDir) / "chat";
}

struct CheckedMedia {
    MediaType type;
    std::string bytes;
};

CheckedMedia requireMedia(const Services& services, MediaKind kind, const std::string& bytes) {
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

StoredChatMedia uploadChatMedia(Services& services, std::int64_t uploaderId, MediaKind kind,
                                const std::string& bytes) {
    const CheckedMedia media = requireMedia(services, kind, bytes);
    const std::string month = mediaMonthFolder(nowMs());
    const std::string name =
        std::to_string(uploaderId) + "_" + randomHex(12) + "." + std::string(media.type.extension);
    const auto stored = writeFileAtomically(chatDirectory(services) / month, name, media.bytes);
    try {
        db::UploadRepository(services.db)
            .record("chat/" + month + "/" + name, uploaderId,
                    kind == MediaKind::Image ? "image" : "voice", nowMs());
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(stored, ignored);  // a failed upload leaves no file behind
        throw;
    }
    return {services.config.publicBaseUrl + "/upload/chat/" + month + "/" + name, media.type.mime,
            static_cast<std::int64_t>(media.bytes.size())};
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

}  // namespace mmx::services
