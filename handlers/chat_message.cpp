// Reading messages: one, a conversation's history, the chat list, the sync feed,
// and the chats on a picture. A user reads only what reached them.
#include "handlers/chat_message.hpp"

#include <algorithm>
#include <limits>

#include "core/api_error.hpp"
#include "core/chat_cursor.hpp"
#include "core/chat_rules.hpp"
#include "db/chat_feed_repository.hpp"
#include "db/chat_inbox_repository.hpp"
#include "db/message_repository.hpp"
#include "db/picture_repository.hpp"
#include "handlers/chat_message_view.hpp"
#include "handlers/params.hpp"

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
    const Identity& actor = request.actor();
    const std::int64_t messageId = requireId(request, "messageId");
    const auto message = db::MessageRepository(services.db).find(messageId);
    if (!message || !db::ChatFeedRepository(services.db).received(actor.userId, messageId)) {
        throw ApiError(ErrorCode::NotFound, "消息不存在");
    }
    Response response("获取消息成功");
    writeChatMessage(response.data(), *message, actor.userId);
    return response;
}

Response history(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::string conversationId = requireConversationId(request);
    const std::int64_t beforeSeq = optionalInt(request, "beforeSeq", 1, kSeqMax).value_or(kSeqMax);
    const std::int64_t count =
        optionalInt(request, "count", 1, kHistoryMax).value_or(kHistoryDefault);
    const auto state = db::ChatInboxRepository(services.db).readState(actor.userId, conversationId);
    if (!state) throw ApiError(ErrorCode::NotFound, "会话不存在");
    auto messages =
        db::MessageRepository(services.db)
            .history(actor.userId, conversationId, beforeSeq, state->lastSeq, count + 1);
    const bool hasMore = static_cast<std::int64_t>(messages.size()) > count;
    if (hasMore) messages.resize(static_cast<std::size_t>(count));

    Response response("获取聊天记录成功");
    JsonObject data = response.data();
    data.set("conversationId", conversationId).set("hasMore", hasMore);
    JsonArray list = data.array("messages");
    for (const auto& message : messages) writeChatMessage(list.addObject(), message, actor.userId);
    return response;
}

// The feed after the cursor, oldest first. With nothing new this is one range
// read of chat_feed's primary key that finds no row.
Response sync(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::string_view cursorText = request.param("cursor").value_or("");
    const auto after = decodeFeedCursor(cursorText, actor.userId);
    if (!after) throwBadParam("参数 cursor 无效，请从空游标重新同步");
    const std::int64_t count = optionalInt(request, "count", 1, kSyncMax).value_or(kSyncDefault);
    auto entries = db::ChatFeedRepository(services.db).after(actor.userId, *after, count + 1);
    const bool hasMore = static_cast<std::int64_t>(entries.size()) > count;
    if (hasMore) entries.resize(static_cast<std::size_t>(count));
    const std::int64_t last = entries.empty() ? *after : entries.back().feedSeq;

    Response response("同步成功");
    JsonObject data = response.data();
    data.set("cursor", encodeFeedCursor(actor.userId, last)).set("hasMore", hasMore);
    JsonArray items = data.array("items");
    for (const auto& entry : entries) writeFeedEntry(items.addObject(), entry, actor.userId);
    return response;
}

Response conversations(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const auto [offset, count] = readPage(request, kConversationsPage);
    auto entries = db::ChatInboxRepository(services.db).list(actor.userId, offset, count + 1);
    const bool hasMore = static_cast<std::int64_t>(entries.size()) > count;
    if (hasMore) entries.resize(static_cast<std::size_t>(count));
    Response response("获取会话列表成功");
    response.data().set("hasMore", hasMore);
    JsonArray list = response.data().array("conversations");
    for (const auto& e : entries) {
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
        if (e.lastMessage)
            writeChatMessage(item.object("lastMessage"), *e.lastMessage, actor.userId);
    }
    return response;
}

Response markRead(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::string conversationId = requireConversationId(request);
    const auto seq = optionalInt(request, "seq", 0, kSeqMax);
    if (!seq) throwBadParam("缺少参数 seq");
    const auto state =
        db::ChatInboxRepository(services.db).markRead(actor.userId, conversationId, *seq);
    if (!state) throw ApiError(ErrorCode::NotFound, "会话不存在");
    Response response("已读");
    response.data()
        .set("conversationId", conversationId)
        .set("readSeq", state->readSeq)
        .set("unread", std::max<std::int64_t>(0, state->unread));
    return response;
}

Response listByPicture(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t picId = requireId(request, "picId");
    const auto [offset, count] = readPage(request, {kPictureChatsDefault, kPictureChatsMax});
    const auto picture = db::PictureRepository(services.db).find(picId);
    if (!picture) throw ApiError(ErrorCode::NotFound, "图片不存在");
    const bool owner = picture->ownerId == actor.userId;
    const auto chats =
        db::MessageRepository(services.db).byPicture(picId, owner, actor.userId, offset, count);
    Response response("获取图片聊天成功");
    JsonObject data = response.data();
    data.set("picId", picId);
    JsonArray list = data.array("chats");
    for (const auto& chat : chats) writeChatMessage(list.addObject(), chat, actor.userId);
    return response;
}

}  // namespace mmx::chat
