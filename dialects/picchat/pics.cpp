// Translation only: every rule is the services' (the same the /chat/picture!… routes call); no
// SQL and no repository here.
#include <string>

#include "dialects/picchat/common.hpp"
#include "handlers/params.hpp"
#include "services/pictures.hpp"

namespace mmx::dialects::picchat {
namespace {

constexpr std::size_t kMaxUrlChars = 2000;
// The house's picture!listByUser: newest first, 20 a page, at most 100.
constexpr PageLimits kPicturesPage{20, 100};

Response createPicture(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const auto url = optionalText(request, "picUrl", kMaxUrlChars);
    if (!url || url->empty()) throwBadParam("缺少参数 picUrl");
    const auto created = services::createPictureFromUrl(services, request.actor().userId, *url);
    return ok(Ack::With, [&](JsonObject root) {
        root.set("picId", created.picId);
        root.set("picUrl", created.picUrl);
    });
}

// The picture goes with every chat about it.
Response deletePicture(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const std::int64_t picId = requireId(request, "picId");
    const std::int64_t chats = services::deletePicture(services, request.actor().userId, picId);
    return ok(Ack::With, [&](JsonObject root) {
        root.set("picId", picId);
        root.set("deletedChats", chats);
    });
}

Response readPicture(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const std::int64_t picId = requireId(request, "picId");
    const db::ChatPicture picture = services::readPicture(services, request.actor().userId, picId);
    return ok(Ack::With, [&](JsonObject root) {
        root.set("picId", picture.id);
        root.set("picUrl", picture.picUrl);
        root.set("userId", picture.ownerId);
        root.set("createdAt", picture.createdAt);
    });
}

// `userId` names whose pictures: one's own (the default) or a friend's, as the house's route.
Response readPicturesByUser(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto named = request.param("userId");
    const std::int64_t owner = named && !named->empty() ? userIdOf(services, *named, "userId") : me;
    const Page page = readPage(request, kPicturesPage);
    const auto pictures = services::picturesOf(services, me, owner, page.offset, page.count);
    return ok(Ack::With, [&](JsonObject root) {
        root.set("userId", owner);
        JsonArray list = root.array("picsInfo");
        for (const auto& picture : pictures) {
            list.addObject().set("picId", picture.id).set("picUrl", picture.picUrl);
        }
    });
}

}  // namespace

std::vector<DialectRoute> pictureRoutes() {
    using enum DialectAccess;
    // clang-format off
    return {
        {Method::Post,   "/pics/create-picture",       Session, createPicture},
        {Method::Delete, "/pics/delete-picture",       Session, deletePicture},
        {Method::Get,    "/pics/read-picture",         Session, readPicture},
        {Method::Get,    "/pics/read-pictures-by-user", Session, readPicturesByUser},
    };
    // clang-format on
}

}  // namespace mmx::dialects::picchat
