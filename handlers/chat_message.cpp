// /chat/message!read, !history, !sync, !conversations, !markRead, !listByPicture:
// thin adapters over services/chat_messages.
#include "handlers/chat_message.hpp"

#include <algorithm>
#include <limits>

#include "core/api_error.hpp"
#include "core/chat_cursor.hpp"
#include "core/chat_rules.hpp"
#include "handlers/chat_message_view.hpp"
#include "handlers/params.hpp"
#include "services/chat_messages.hpp"

namespace mmx::chat {
namespace {

constexpr std::int64_t kHistoryDefault = 20;
constexpr std::int64_t kHistoryMax = 100;
constexpr std::int64_t kSyncDefault = 100;
constexpr std::int64_t kSyncMax = 200;
constexpr std::int64_t kPictureChatsDefault = 100;
constexpr std::int64_t kPictureChatsMax = 200;
constexpr PageLimits kConversationsPage{50, 200};
constexpr std::int64_t kSeqMax = std::numeric_limits<std::int64_t>::max();

std::string requireConversationId(const Request& request) {
    const auto raw = request.param("conversationId");
    if (!raw || raw->empty()) throwBadParam("缺少参数 conversationId");
    if (!parseConversationId(*raw)) throwBadParam("参数 conversationId 无效");
    return std::string(*raw);
}

// One sync item: a message or its recall carries the message; a deletion names
// what went, for the phone to remove what it holds.
void writeFeedEntry(JsonObject item, const db::FeedEntry& entry, std::int64_t viewerId) {
    switch (entry.kind) {
        case db::FeedKind::Message:
        case db::FeedKind::Recall:
            item.set("kind", entry.kind == db::FeedKind::Recall ? "recall" : "message");
            writeChatMessage(item.object("message"), entry.message, viewerId);
            return;
        case db::FeedKind::Delete:
            item.set("kind", "delete")
                .set("messageId", entry.deletedMessageId)
                .set("conversationId", entry.deletedConversationId)
                .set("seq", entry.deletedSeq);
            return;
        case db::FeedKind::GroupDeleted:
            item.set("kind", "groupDeleted")
                .set("groupId", entry.groupId)
                .set("conversationId", groupConversationId(entry.groupId));
            return;
    }
}

}  // namespace

Response readMessage(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t messageId = requireId(request, kMessageNames);
    const db::ChatMessage message = services::readMessage(services, me, messageId);
    Response response("获取消息成功");
    writeChatMessage(response.data(), message, me);
    return response;
}

Response history(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::string conversationId = requireConversationId(request);
    const std::int64_t beforeSeq = optionalInt(request, "beforeSeq", 1, kSeqMax).value_or(kSeqMax);
    const std::int64_t count =
        optionalInt(request, "count", 1, kHistoryMax).value_or(kHistoryDefault);
    const auto page = services::history(services, me, conversationId, beforeSeq, count);

    Response response("获取聊天记录成功");
    JsonObject data = response.data();
    data.set("conversationId", conversationId).set("hasMore", page.hasMore);
    JsonArray list = data.array("messages");
    for (const auto& message : page.messages) writeChatMessage(list.addObject(), message, me);
    return response;
}

// The feed after the cursor, oldest first; the cursor is bound to the reader.
Response sync(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::string_view cursorText = request.param("cursor").value_or("");
    const auto after = decodeFeedCursor(cursorText, me);
    if (!after) throwBadParam("参数 cursor 无效，请从空游标重新同步");
    const std::int64_t count = optionalInt(request, "count", 1, kSyncMax).value_or(kSyncDefault);
    const auto page = services::sync(services, me, *after, count);

    Response response("同步成功");
    JsonObject data = response.data();
    data.set("cursor", encodeFeedCursor(me, page.lastFeedSeq)).set("hasMore", page.hasMore);
    JsonArray items = data.array("items");
    for (const auto& entry : page.entries) writeFeedEntry(items.addObject(), entry, me);
    return response;
}

Response conversations(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto [offset, count] = readPage(request, kConversationsPage);
    const auto page = services::conversations(services, me, offset, count);
    Response response("获取会话列表成功");
    response.data().set("hasMore", page.hasMore);
    JsonArray list = response.data().array("conversations");
    for (const auto& e : page.entries) {
        JsonObject item = list.addObject();
        item.set("conversationId", e.conversationId);
        if (e.groupId) {
            item.set("type", "group").set("id", *e.groupId);
            item.set("name", e.groupName.value_or("")).set("logo", e.groupLogo.value_or(""));
        } else {
            item.set("type", "user").set("id", e.peerUserId.value_or(0));
            item.set("name",
                     e.remark && !e.remark->empty() ? *e.remark : e.peerNickName.value_or(""));
            item.set("logo", e.peerPhoto.value_or(""));
        }
        item.set("lastSeq", e.lastSeq).set("readSeq", e.readSeq);
        item.set("unread", std::max<std::int64_t>(0, e.unread)).set("muted", e.muted);
        if (e.lastMessage) writeChatMessage(item.object("lastMessage"), *e.lastMessage, me);
    }
    return response;
}

Response markRead(Services& services, const Request& request) {
    const std::string conversationId = requireConversationId(request);
    const auto seq = optionalInt(request, "seq", 0, kSeqMax);
    if (!seq) throwBadParam("缺少参数 seq");
    const db::ReadState state =
        services::markRead(services, request.actor().userId, conversationId, *seq);
    Response response("已读");
    response.data()
        .set("conversationId", conversationId)
        .set("readSeq", state.readSeq)
        .set("unread", std::max<std::int64_t>(0, state.unread));
    return response;
}

Response listByPicture(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t picId = requireId(request, "picId");
    const auto [offset, count] = readPage(request, {kPictureChatsDefault, kPictureChatsMax});
    const auto chats = services::chatsOnPicture(services, me, picId, offset, count);
    Response response("获取图片聊天成功");
    JsonObject data = response.data();
    data.set("picId", picId);
    JsonArray list = data.array("chats");
    for (const auto& chat : chats) writeChatMessage(list.addObject(), chat, me);
    return response;
}

}  // namespace mmx::chat
