// Pictures (seed 001): create from an uploaded chat image, read, list by user,
// and delete, which takes the chats attached to the picture with it.
#include "handlers/chat_picture.hpp"

#include <string>
#include <utility>
#include <vector>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "db/chat_feed_repository.hpp"
#include "handlers/params.hpp"
#include "services/chat_media.hpp"

namespace mmx::chat {
namespace {

constexpr std::int64_t kDefaultPageSize = 20;
constexpr std::int64_t kMaxPageSize = 100;

void writePicture(JsonObject out, const db::ChatPicture& picture) {
    out.set("picId", picture.id);
    out.set("picUrl", picture.picUrl);
    out.set("userId", picture.ownerId);
    out.set("createdAt", picture.createdAt);
}

db::ChatPicture requirePicture(db::PictureRepository& pictures, std::int64_t picId) {
    auto picture = pictures.find(picId);
    if (!picture) throw ApiError(ErrorCode::NotFound, "图片不存在");
    return *picture;
}

// Every user who received one of the chats gets a deletion entry for it, the way a
// recall reaches them. The counters of all of them are locked first, ascending,
// so the per-chat appends (overlapping sets) never lock out of order.
void announceDeletions(Services& services, const std::vector<std::int64_t>& chatIds) {
    if (chatIds.empty()) return;
    db::ChatFeedRepository feed(services.db);
    std::vector<std::pair<std::int64_t, std::string>> perChat;
    std::vector<std::int64_t> everyone;
    for (const std::int64_t chatId : chatIds) {
        const auto receivers = feed.receivers(chatId);
        everyone.insert(everyone.end(), receivers.begin(), receivers.end());
        perChat.emplace_back(chatId, db::recipientsJson(receivers));
    }
    feed.lockCounters(db::recipientsJson(std::move(everyone)));
    for (const auto& [chatId, receivers] : perChat) {
        feed.append(receivers, chatId, db::FeedKind::Delete);
    }
}

}  // namespace

bool canSeePicture(db::ChatRelations& relations, std::int64_t viewerId,
                   const db::ChatPicture& picture) {
    return picture.ownerId == viewerId || relations.areFriends(viewerId, picture.ownerId);
}

Response createPicture(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const auto raw = request.param("picUrl");
    if (!raw || raw->empty()) throwBadParam("缺少参数 picUrl");
    const std::string url = services::requireOwnChatMediaUrl(services, actor.userId, *raw,
                                                             services::MediaKind::Image, "picUrl");
    const std::int64_t picId =
        db::PictureRepository(services.db).create(actor.userId, url, nowMs());
    Response response("创建图片成功");
    response.data().set("picId", picId).set("picUrl", url);
    return response;
}

Response readPicture(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    db::PictureRepository pictures(services.db);
    db::ChatRelations relations(services.db);
    const db::ChatPicture picture = requirePicture(pictures, requireId(request, "picId"));
    if (!canSeePicture(relations, actor.userId, picture)) {
        throw ApiError(ErrorCode::Forbidden, "只有图片的主人和好友可以查看");
    }
    Response response("获取图片成功");
    writePicture(response.data(), picture);
    return response;
}

Response listPicturesByUser(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t owner = optionalId(request, "userId").value_or(actor.userId);
    const auto [offset, count] = readPage(request, {kDefaultPageSize, kMaxPageSize});
    db::ChatRelations relations(services.db);
    if (owner != actor.userId && !relations.areFriends(actor.userId, owner)) {
        throw ApiError(ErrorCode::Forbidden, "只能查看自己和好友的图片");
    }
    Response response("获取图片列表成功");
    JsonObject data = response.data();
    data.set("userId", owner);
    JsonArray list = data.array("picsInfo");
    for (const auto& picture : db::PictureRepository(services.db).byOwner(owner, offset, count)) {
        writePicture(list.addObject(), picture);
    }
    return response;
}

Response deletePicture(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t picId = requireId(request, "picId");
    const std::int64_t chats = db::withTransaction(services.db, [&](db::Transaction& tx) {
        db::PictureRepository pictures(services.db);
        const auto picture = pictures.findForUpdate(picId);
        if (!picture) throw ApiError(ErrorCode::NotFound, "图片不存在");
        if (picture->ownerId != actor.userId)
            throw ApiError(ErrorCode::Forbidden, "只能删除自己的图片");
        announceDeletions(services, pictures.lockChats(picId));
        const std::int64_t removed = pictures.removeWithChats(picId, nowMs());
        tx.commit();
        return removed;
    });
    Response response("删除图片成功");
    response.data().set("picId", picId).set("deletedChats", chats);
    return response;
}

}  // namespace mmx::chat
