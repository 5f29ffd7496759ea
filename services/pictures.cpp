#include "services/pictures.hpp"

#include <string>
#include <utility>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/chat_feed_repository.hpp"
#include "services/chat_media.hpp"
#include "services/limits.hpp"
#include "services/photo_from_url.hpp"

namespace mmx::services {
namespace {

db::ChatPicture requirePicture(db::PictureRepository& pictures, std::int64_t picId) {
    auto picture = pictures.find(picId);
    if (!picture) throw ApiError(ErrorCode::NotFound, "图片不存在");
    return *picture;
}

// Every user who received one of the chats gets a deletion entry for it, the way a
// recall reaches them: set-based, a fixed number of statements however many chats.
void announceDeletions(Services& services, std::int64_t picId,
                       const std::vector<std::int64_t>& chatIds) {
    if (chatIds.empty()) return;
    db::ChatFeedRepository(services.db).appendPictureDeletions(picId);
}

constexpr std::string_view kPictureFetchesPerUser = "picture-url";

}  // namespace

bool canSeePicture(db::ChatRelations& relations, std::int64_t viewerId,
                   const db::ChatPicture& picture) {
    return picture.ownerId == viewerId || relations.areFriends(viewerId, picture.ownerId);
}

std::int64_t createPicture(Services& services, std::int64_t ownerId, std::string_view picUrl) {
    const std::string url =
        requireOwnChatMediaUrl(services, ownerId, picUrl, MediaKind::Image, "picUrl");
    return db::PictureRepository(services.db).create(ownerId, url, nowMs());
}

CreatedPicture createPictureFromUrl(Services& services, std::int64_t ownerId,
                                    std::string_view picUrl) {
    // Our own files are never fetched back: they must be the owner's own chat upload.
    if (picUrl.starts_with(services.config.publicBaseUrl + "/upload/")) {
        return {createPicture(services, ownerId, picUrl), std::string(picUrl)};
    }
    countOrRefuse(services, kPictureFetchesPerUser, std::to_string(ownerId),
                  kPictureFetchesPerWindow);
    const std::string bytes = fetchPictureBytes(services, picUrl, "picUrl", "图片不能大于3M");
    const StoredChatMedia stored = uploadChatMedia(services, ownerId, MediaKind::Image, bytes);
    return {db::PictureRepository(services.db).create(ownerId, stored.url, nowMs()), stored.url};
}

db::ChatPicture readPicture(Services& services, std::int64_t viewerId, std::int64_t picId) {
    db::PictureRepository pictures(services.db);
    db::ChatRelations relations(services.db);
    db::ChatPicture picture = requirePicture(pictures, picId);
    if (!canSeePicture(relations, viewerId, picture)) {
        throw ApiError(ErrorCode::Forbidden, "只有图片的主人和好友可以查看");
    }
    return picture;
}

std::vector<db::ChatPicture> picturesOf(Services& services, std::int64_t viewerId,
                                        std::int64_t ownerId, std::int64_t offset,
                                        std::int64_t count) {
    db::ChatRelations relations(services.db);
    if (ownerId != viewerId && !relations.areFriends(viewerId, ownerId)) {
        throw ApiError(ErrorCode::Forbidden, "只能查看自己和好友的图片");
    }
    return db::PictureRepository(services.db).byOwner(ownerId, offset, count);
}

std::int64_t deletePicture(Services& services, std::int64_t ownerId, std::int64_t picId) {
    return db::withTransaction(services.db, [&](db::Transaction& tx) {
        db::PictureRepository pictures(services.db);
        const auto picture = pictures.findForUpdate(picId);
        if (!picture) throw ApiError(ErrorCode::NotFound, "图片不存在");
        if (picture->ownerId != ownerId) throw ApiError(ErrorCode::Forbidden, "只能删除自己的图片");
        announceDeletions(services, picId, pictures.lockChats(picId));
        const std::int64_t removed = pictures.removeWithChats(picId, nowMs());
        tx.commit();
        return removed;
    });
}

}  // namespace mmx::services
