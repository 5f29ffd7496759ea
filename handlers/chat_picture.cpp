// /chat/picture!create, !read, !listByUser, !delete: thin adapters over services/pictures.
#include "handlers/chat_picture.hpp"

#include <string>

#include "core/api_error.hpp"
#include "handlers/params.hpp"
#include "services/pictures.hpp"

namespace mmx::chat {
namespace {

constexpr PageLimits kPicturesPage{20, 100};

void writePicture(JsonObject out, const db::ChatPicture& picture) {
    out.set("picId", picture.id);
    out.set("picUrl", picture.picUrl);
    out.set("userId", picture.ownerId);
    out.set("createdAt", picture.createdAt);
}

}  // namespace

Response createPicture(Services& services, const Request& request) {
    const auto url = request.param("picUrl");
    if (!url || url->empty()) throwBadParam("缺少参数 picUrl");
    const std::int64_t picId = services::createPicture(services, request.actor().userId, *url);
    Response response("创建图片成功");
    response.data().set("picId", picId).set("picUrl", *url);
    return response;
}

Response readPicture(Services& services, const Request& request) {
    const std::int64_t picId = requireId(request, "picId");
    const db::ChatPicture picture = services::readPicture(services, request.actor().userId, picId);
    Response response("获取图片成功");
    writePicture(response.data(), picture);
    return response;
}

Response listPicturesByUser(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t owner = optionalId(request, "userId").value_or(me);
    const Page page = readPage(request, kPicturesPage);
    const auto pictures = services::picturesOf(services, me, owner, page.offset, page.count);
    Response response("获取图片列表成功");
    JsonObject data = response.data();
    data.set("userId", owner);
    JsonArray list = data.array("picsInfo");
    for (const auto& picture : pictures) writePicture(list.addObject(), picture);
    return response;
}

Response deletePicture(Services& services, const Request& request) {
    const std::int64_t picId = requireId(request, "picId");
    const std::int64_t chats = services::deletePicture(services, request.actor().userId, picId);
    Response response("删除图片成功");
    response.data().set("picId", picId).set("deletedChats", chats);
    return response;
}

}  // namespace mmx::chat
