// Translation only: every rule is the services' (the same the /chat/message!… routes call); no
// SQL and no repository here.
#include <string>
#include <utility>

#include "dialects/picchat/common.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "services/chat_delivery.hpp"
#include "services/chat_messages.hpp"

namespace mmx::dialects::picchat {
namespace {

// The house's message!listByPicture: oldest first, 100 a page, at most 200.
constexpr PageLimits kPictureChatsPage{100, 200};

// A chat as the phone reads one. A recalled chat keeps its place and loses its content.
void writeChat(JsonObject out, const db::ChatMessage& chat) {
    out.set("chatId", chat.id);
    if (chat.picId) {
        out.set("picId", *chat.picId);
    } else {
        out.setNull("picId");
    }
    out.set("fromUserId", chat.senderId);
    if (chat.toUserId) {
        out.set("toUserId", *chat.toUserId);
    } else {
        out.setNull("toUserId");
    }
    out.set("msgType", chat.msgType);
    out.set("content", chat.content.value_or(""));
    if (chat.url) out.set(chat.msgType == "voice" ? "voiceUrl" : "url", *chat.url);
    if (chat.duration) out.set("duration", *chat.duration);
    out.set("sentAt", chat.sentAt);
    out.set("recalled", chat.recalledAt.has_value());
}

Response createChat(Services& services, const Request& request) {
    requireSelf(services, request, "fromUserId");
    db::NewMessage message;
    message.senderId = request.actor().userId;
    message.toUserId = requireUser(services, request, "toUserId");
    if (message.toUserId == message.senderId) throwBadParam("参数 toUserId 不能是自己");
    readers::readMessageBody(request, message);
    message.picId = optionalId(request, "picId");
    const db::ChatMessage chat = services::sendMessage(services, std::move(message));
    return ok(Ack::With, [&](JsonObject root) { writeChat(root, chat); });
}

// The sender recalls their own chat within the house's recall window.
Response deleteChat(Services& services, const Request& request) {
    const std::int64_t chatId = requireId(request, "chatId");
    const db::ChatMessage recalled =
        services::recallMessage(services, request.actor().userId, chatId);
    return ok(Ack::With, [&](JsonObject root) {
        root.set("chatId", recalled.id);
        root.set("recalledAt", recalled.recalledAt.value_or(0));
    });
}

Response readChat(Services& services, const Request& request) {
    const std::int64_t chatId = requireId(request, "chatId");
    const db::ChatMessage chat = services::readMessage(services, request.actor().userId, chatId);
    return ok(Ack::With, [&](JsonObject root) { writeChat(root, chat); });
}

Response readSeveralChats(Services& services, const Request& request) {
    const std::int64_t picId = requireId(request, "picId");
    const Page page = readPage(request, kPictureChatsPage);
    const auto chats =
        services::chatsOnPicture(services, request.actor().userId, picId, page.offset, page.count);
    return ok(Ack::With, [&](JsonObject root) {
        root.set("picId", picId);
        JsonArray list = root.array("chats");
        for (const auto& chat : chats) writeChat(list.addObject(), chat);
    });
}

}  // namespace

std::vector<DialectRoute> chatRoutes() {
    using enum DialectAccess;
    // clang-format off
    return {
        {Method::Post,   "/chats/create-chat",       Session, createChat},
        {Method::Delete, "/chats/delete-chat",       Session, deleteChat},
        {Method::Get,    "/chats/read-chat",         Session, readChat},
        {Method::Get,    "/chats/read-several-chat", Session, readSeveralChats},
    };
    // clang-format on
}

}  // namespace mmx::dialects::picchat
