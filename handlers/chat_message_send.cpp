// Sending, recalling, and opening or closing a group's chat for its members.
// Each changes what several users will read, so each runs in one transaction that
// takes its locks in a fixed order: the group's row (membership changes, group
// delete), a group's members (send to a group, re-adding members, group delete)
// or, for a send to a friend, the recipient's block of the sender and then the
// friendship, then the conversation (send, re-adding, group delete) or the
// message (recall, picture delete), then the recipients' feed counters
// ascending, then their chat-list lines.
#include <algorithm>

#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "core/clock.hpp"
#include "db/chat_feed_repository.hpp"
#include "db/chat_inbox_repository.hpp"
#include "db/chat_relations.hpp"
#include "db/message_repository.hpp"
#include "db/picture_repository.hpp"
#include "handlers/chat_message.hpp"
#include "handlers/params.hpp"
#include "services/chat_media.hpp"
#include "services/pictures.hpp"

namespace mmx::chat {
namespace {

constexpr unsigned kForeignKeyMissing = 1452;

// msgType and what it carries: the text, or the uploaded file (and a voice's length).
void readBody(Services& services, const Request& request, db::NewMessage& message) {
    const auto typeName = request.param("msgType");
    if (!typeName || typeName->empty()) throwBadParam("缺少参数 msgType");
    const auto type = parseMessageType(*typeName);
    if (!type) throwBadParam("参数 msgType 必须是 text、voice 或 image");
    message.msgType = std::string(messageTypeName(*type));
    if (*type == MessageType::Text) {
        const auto content = request.param("content");
        if (!content) throwBadParam("缺少参数 content");
        if (const auto problem = chatTextProblem(*content))
            throwBadParam("参数 content " + *problem);
        message.content = std::string(*content);
        return;
    }
    const auto url = request.param("url");
    if (!url || url->empty()) throwBadParam("缺少参数 url");
    const services::MediaKind kind =
        *type == MessageType::Image ? services::MediaKind::Image : services::MediaKind::Voice;
    message.url =
        services::requireOwnChatMediaUrl(services, request.actor().userId, *url, kind, "url");
    if (*type == MessageType::Voice) {
        message.duration = optionalInt(request, "duration", 1, kVoiceMaxSeconds);
        if (!message.duration) throwBadParam("缺少参数 duration");
    }
}

std::optional<std::string> readClientMsgId(const Request& request) {
    const auto raw = request.param("clientMsgId");
    if (!raw || raw->empty()) return std::nullopt;
    if (!isValidClientMsgId(*raw)) {
        throwBadParam("参数 clientMsgId 最多64个字符，只能含字母、数字和 . _ : -");
    }
    return std::string(*raw);
}

// Who receives the message, checked inside the sending transaction; the sender
// is always among them (their other phones sync it too).
std::vector<std::int64_t> recipientsOf(db::ChatRelations& relations, const db::NewMessage& m) {
    if (m.toUserId) {
        const std::int64_t to = *m.toUserId;
        if (!relations.userExists(to)) throw ApiError(ErrorCode::NotFound, "用户不存在");
        // Both reads share-lock what they find (or the gap where the row would be)
        // until this send commits: a friend!block or friend!delete that ran first is
        // seen, one that comes later waits for the message to be stored. No cycle:
        // friend!block locks the two users rows, inserts into user_blocks, then
        // deletes the friendship rows; friend!delete locks the users rows and deletes
        // the friendship rows. This send takes user_blocks, then friendships (both
        // rows by primary key ascending, as the delete does), and locks no users row;
        // neither friend route touches conversations, feed counters or chat lists,
        // which the send locks only after these two reads.
        // Blocking also ends the friendship; the block is named first, as it is the reason.
        if (relations.lockBlocks(to, m.senderId))
            throw ApiError(ErrorCode::Forbidden, "对方拒收了你的消息");
        if (!relations.lockAreFriends(m.senderId, to)) {
            throw ApiError(ErrorCode::Forbidden, "对方不是你的好友，不能发消息");
        }
        return {m.senderId, to};
    }
    if (!relations.groupExists(*m.groupId)) throw ApiError(ErrorCode::NotFound, "群不存在");
    auto members = relations.lockGroupMembers(*m.groupId);
    // A group always has its owner; no member left means it was deleted meanwhile.
    if (members.empty()) throw ApiError(ErrorCode::NotFound, "群不存在");
    if (!std::binary_search(members.begin(), members.end(), m.senderId)) {
        throw ApiError(ErrorCode::Forbidden, "你不是该群成员，不能发消息");
    }
    return members;
}

// `pictureOwner`: the owner of the picture the message hangs on, if any. The
// owner reads every chat on their picture (listByPicture), so the picture may
// only go on a conversation its owner is part of: their own, one with them, or a
// group they are in now (checked against the locked members).
db::ChatMessage store(Services& services, const db::NewMessage& message,
                      std::optional<std::int64_t> pictureOwner) {
    return db::withTransaction(services.db, [&](db::Transaction& tx) {
        db::ChatRelations relations(services.db);
        const auto people = recipientsOf(relations, message);
        if (pictureOwner &&
            std::find(people.begin(), people.end(), *pictureOwner) == people.end()) {
            throw ApiError(ErrorCode::Forbidden, "只能在图片主人参与的聊天里附上这张图片");
        }
        const std::string recipients = db::recipientsJson(people);
        const db::ChatMessage stored = db::MessageRepository(services.db).insert(message);
        db::ChatFeedRepository(services.db).append(recipients, stored.id, db::FeedKind::Message);
        std::optional<std::int64_t> pairSum;
        if (message.toUserId) pairSum = message.senderId + *message.toUserId;
        db::ChatInboxRepository(services.db)
            .deliver({recipients, stored.conversationId, pairSum, message.groupId, message.senderId,
                      stored.seq, stored.id, stored.sentAt});
        tx.commit();
        return stored;
    });
}

Response sentAnswer(const db::ChatMessage& m) {
    Response response("发送成功");
    JsonObject data = response.data();
    data.set("messageId", m.id).set("chatId", m.id).set("conversationId", m.conversationId);
    data.set("seq", m.seq).set("sentAt", m.sentAt).set("msgType", m.msgType);
    if (m.content) data.set("content", *m.content);
    if (m.clientMsgId) data.set("clientMsgId", *m.clientMsgId);
    return response;
}

}  // namespace

Response sendMessage(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    db::NewMessage message;
    message.senderId = actor.userId;
    message.toUserId = optionalId(request, "toUserId");
    message.groupId = optionalId(request, "groupId");
    if (message.toUserId.has_value() == message.groupId.has_value()) {
        throwBadParam("参数 toUserId 和 groupId 必须且只能给一个");
    }
    if (message.toUserId == actor.userId) throwBadParam("参数 toUserId 不能是自己");
    message.conversationId = message.toUserId ? userConversationId(actor.userId, *message.toUserId)
                                              : groupConversationId(*message.groupId);
    readBody(services, request, message);
    message.picId = optionalId(request, "picId");
    message.clientMsgId = readClientMsgId(request);
    message.sentAt = nowMs();

    db::MessageRepository messages(services.db);
    // A phone retrying after a timeout gets the message it already sent.
    if (message.clientMsgId) {
        if (const auto first = messages.findByClientMsgId(actor.userId, *message.clientMsgId)) {
            return sentAnswer(*first);
        }
    }
    std::optional<std::int64_t> pictureOwner;
    if (message.picId) {
        db::ChatRelations relations(services.db);
        const auto picture = db::PictureRepository(services.db).find(*message.picId);
        if (!picture || !services::canSeePicture(relations, actor.userId, *picture)) {
            throw ApiError(ErrorCode::NotFound, "图片不存在");
        }
        pictureOwner = picture->ownerId;
    }
    try {
        return sentAnswer(store(services, message, pictureOwner));
    } catch (const db::DuplicateKey&) {
        // Two tries of one clientMsgId raced; the other one stored it.
        if (!message.clientMsgId) throw;
        const auto first = messages.findByClientMsgId(actor.userId, *message.clientMsgId);
        if (!first) throw;
        return sentAnswer(*first);
    } catch (const db::DbError& error) {
        if (error.number() == kForeignKeyMissing) throw ApiError(ErrorCode::NotFound, "图片不存在");
        throw;
    }
}

Response recallMessage(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::int64_t messageId = requireId(request, "messageId");
    const std::int64_t windowMs = std::int64_t{services.config.recallWindowSeconds} * 1000;
    const db::ChatMessage recalled = db::withTransaction(services.db, [&](db::Transaction& tx) {
        db::MessageRepository messages(services.db);
        db::ChatFeedRepository feed(services.db);
        auto message = messages.findForUpdate(messageId);
        if (!message || !feed.received(actor.userId, messageId)) {
            throw ApiError(ErrorCode::NotFound, "消息不存在");
        }
        bool manages = false;
        if (message->groupId) {
            const auto role =
                db::ChatRelations(services.db).groupRole(*message->groupId, actor.userId);
            manages = role == "owner" || role == "admin";
        }
        // A retry: it is recalled already, and announced once. Only someone who
        // could have recalled it hears success; the window no longer matters.
        if (message->recalledAt) {
            if (message->senderId != actor.userId && message->recalledBy != actor.userId &&
                !manages) {
                throw ApiError(ErrorCode::Forbidden, "只能撤回自己的消息");
            }
            tx.commit();
            return *message;
        }
        const std::int64_t now = nowMs();
        switch (recallVerdict(
            {message->senderId == actor.userId, manages, message->sentAt, now, windowMs})) {
            case RecallVerdict::Allowed:
                break;
            case RecallVerdict::WindowPassed:
                throw ApiError(ErrorCode::Forbidden, "消息已超过可撤回的时间");
            case RecallVerdict::NotAllowed:
                throw ApiError(ErrorCode::Forbidden, "只能撤回自己的消息");
        }
        messages.markRecalled(messageId, actor.userId, now);
        feed.append(db::recipientsJson(feed.receivers(messageId)), messageId, db::FeedKind::Recall);
        message->recalledAt = now;
        message->recalledBy = actor.userId;
        message->content.reset();
        message->url.reset();
        message->duration.reset();
        tx.commit();
        return *message;
    });
    Response response("撤回成功");
    response.data()
        .set("messageId", recalled.id)
        .set("conversationId", recalled.conversationId)
        .set("seq", recalled.seq)
        .set("recalledAt", *recalled.recalledAt);
    return response;
}

}  // namespace mmx::chat
