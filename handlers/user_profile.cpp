// Profiles: reading, editing, and the avatar upload.
#include <cstdio>
#include <filesystem>

#include "adapters/file_store.hpp"
#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/media_type.hpp"
#include "db/relation_repository.hpp"
#include "db/upload_repository.hpp"
#include "db/user_repository.hpp"
#include "handlers/authenticate.hpp"
#include "handlers/params.hpp"
#include "handlers/uploaded_image.hpp"
#include "handlers/user.hpp"
#include "handlers/user_vo.hpp"
#include "services/qr_cards.hpp"

namespace mmx::user {
namespace {

constexpr std::string_view kPhotoFolder = "images/userPhoto";

std::filesystem::path photoDirectory(const Services& services) {
    return std::filesystem::path(services.config.uploadDir) / kPhotoFolder;
}

// The file behind one of our own photo URLs, if it is one.
std::optional<std::filesystem::path> ownPhotoFile(const Services& services, std::string_view url) {
    const std::string prefix =
        services.config.publicBaseUrl + "/upload/" + std::string(kPhotoFolder) + "/";
    if (url.substr(0, prefix.size()) != prefix) return std::nullopt;
    const std::string_view name = url.substr(prefix.size());
    if (name.empty() || name.find('/') != std::string_view::npos || name.front() == '.')
        return std::nullopt;
    return photoDirectory(services) / std::string(name);
}

}  // namespace

// The names readUser takes its target under; without any of them it reads the caller.
constexpr Names kTargetNames = {"userId", "userVO.userId", "uid"};

Response readUser(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    // A target that was named is read or refused, never swapped for the caller.
    const auto named = firstOf(request, kTargetNames);
    const std::int64_t target = named ? requireId(request, named->name) : actor.userId;
    const Relation relation = db::RelationRepository(services.db).relationOf(actor.userId, target);
    const Visibility visibility = visibilityOf(relation);
    if (!visibility.found) throw ApiError(ErrorCode::NotFound, "用户不存在");
    auto profile = relation == Relation::Self ? std::optional(actorProfile(request))
                                              : db::UserRepository(services.db).findProfile(target);
    if (!profile) throw ApiError(ErrorCode::NotFound, "用户不存在");
    // Accounts older than QR cards get theirs when their owner reads the profile: reads
    // of another user never write.
    if (relation == Relation::Self) profile->qcodeUrl = services::ensureQrCard(services, *profile);
    Response response("获取用户信息成功");
    writeUserVO(response.data().object("userVO"), *profile, visibility);
    return response;
}

Response updateUser(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    if (const auto target = optionalId(request, "userVO.userId");
        target && *target != actor.userId) {
        throw ApiError(ErrorCode::Forbidden, "只能修改自己的信息");
    }
    if (request.param("userExtendVO.phoneNumber") || request.param("userVO.phoneNumber")) {
        throwBadParam("参数 phoneNumber 不能在这里修改，请通过绑定手机修改");
    }
    const db::ProfileValues changes = readProfileChanges(request);
    const bool anything = std::any_of(changes.begin(), changes.end(),
                                      [](const auto& value) { return value.has_value(); });
    if (!anything) {
        refuseOnlyUnknown(request, {"userVO.userId"});  // names what it did not know
        throwBadParam("没有要修改的内容");
    }
    db::UserRepository(services.db).updateProfile(actor.userId, changes, nowMs());
    return Response("修改用户信息成功");
}

Response uploadPhoto(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const UploadedFile* upload = request.file("userPhoto");
    if (upload == nullptr || upload->bytes.empty()) throwBadParam("缺少文件 userPhoto");
    if (static_cast<std::int64_t>(upload->bytes.size()) > services.config.photoMaxBytes) {
        throwBadParam("头像不能大于3M");
    }
    constexpr std::string_view kFormats = "头像只能是jpg、jpeg、bmp、png格式";
    const auto sniffed = sniffImage(upload->bytes);
    if (!sniffed || sniffed->extension == "gif") throwBadParam(std::string(kFormats));
    // What is stored is the picture alone: no EXIF (a phone's photo says where it was
    // taken), nothing after its end. A BMP is stored as PNG.
    const CleanedImage image = requireCleanImage(services, upload->bytes, kFormats);

    db::UserRepository users(services.db);
    const auto before = users.findProfile(actor.userId);
    if (!before) throw ApiError(ErrorCode::NotFound, "用户不存在");

    const std::string name = std::to_string(actor.userId) + "_" + randomHex(12) + "." +
                             std::string(image.type.extension);
    const auto stored = writeFileAtomically(photoDirectory(services), name, image.bytes);
    const std::string url =
        services.config.publicBaseUrl + "/upload/" + std::string(kPhotoFolder) + "/" + name;
    try {
        db::ProfileValues changes;
        changes[static_cast<std::size_t>(db::ProfileField::UserPhoto)] = url;
        db::UploadRepository(services.db)
            .record(std::string(kPhotoFolder) + "/" + name, actor.userId, "photo", nowMs());
        users.updateProfile(actor.userId, changes, nowMs());
    } catch (...) {
        std::filesystem::remove(stored);  // a failed upload leaves no file behind
        throw;
    }
    if (const auto& old = (*before)[db::ProfileField::UserPhoto]) {
        if (const auto oldFile = ownPhotoFile(services, *old)) {
            std::error_code ignored;
            std::filesystem::remove(*oldFile, ignored);
        }
    }
    Response response("上传用户头像成功");
    response.data().set("userPhoto", url);
    return response;
}

}  // namespace mmx::user
