// Sending, recalling, and (services/chat_membership) opening or closing a group's
// chat for its members; (services/pictures) deleting a picture with its chats.
// Each changes what several users will read, so each runs in one transaction that
// takes its locks in a fixed order: the group's row (membership changes, group
// delete), a group's members (send to a group, re-adding members, group delete)
// or, for a send to a friend, the recipient's block of the sender and then the
// friendship, then the conversation (send, re-adding, group delete) or the
// message (recall, picture delete), then the recipients' feed counters
// ascending, then their chat-list lines.
#include "services/chat_delivery.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "core/clock.hpp"
#include "db/chat_feed_repository.hpp"
#include "db/chat_inbox_repository.hpp"
#include "db/chat_relations.hpp"
#include "db/picture_repository.hpp"
#include "services/chat_media.hpp"
#include "services/pictures.hpp"

namespace mmx::services {
namespace {

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

// An image or a voice clip must be one the sender uploaded.
void requireOwnMedia(Services& services, const db::NewMessage& message) {
    const auto type = parseMessageType(message.msgType);
    if (!type || *type == MessageType::Text) return;
    const MediaKind kind = *type == MessageType::Image ? MediaKind::Image : MediaKind::Voice;
    requireOwnChatMediaUrl(services, message.senderId, message.url.value_or(""), kind, "url");
}

}  // namespace

db::ChatMessage sendMessage(Services& services, db::NewMessage message) {
    requireOwnMedia(services, message);
    message.conversationId = message.toUserId
                                 ? userConversationId(message.senderId, *message.toUserId)
                                 : groupConversationId(*message.groupId);
    message.sentAt = nowMs();

    db::MessageRepository messages(services.db);
    // A phone retrying after a timeout gets the message it already sent.
    if (message.clientMsgId) {
        if (auto first = messages.findByClientMsgId(message.senderId, *message.clientMsgId)) {
            return *first;
        }
    }
    std::optional<std::int64_t> pictureOwner;
    if (message.picId) {
        db::ChatRelations relations(services.db);
        const auto picture = db::PictureRepository(services.db).find(*message.picId);
        if (!picture || !canSeePicture(relations, message.senderId, *picture)) {
            throw ApiError(ErrorCode::NotFound, "图片不存在");
        }
        pictureOwner = picture->ownerId;
    }
    try {
        return store(services, message, pictureOwner);
    } catch (const db::DuplicateKey&) {
        // Two tries of one clientMsgId raced; the other one stored it.
        if (!message.clientMsgId) throw;
        auto first = messages.findByClientMsgId(message.senderId, *message.clientMsgId);
        if (!first) throw;
        return *first;
    } catch (const db::ForeignKeyMissing&) {
        // The picture went between the check above and the insert.
        throw ApiError(ErrorCode::NotFound, "图片不存在");
    }
}

db::ChatMessage recallMessage(Services& services, std::int64_t actorId, std::int64_t messageId) {
    const std::int64_t windowMs = std::int64_t{services.config.recallWindowSeconds} * 1000;
    return db::withTransaction(services.db, [&](db::Transaction& tx) {
        db::MessageRepository messages(services.db);
        db::ChatFeedRepository feed(services.db);
        auto message = messages.findForUpdate(messageId);
        if (!message || !feed.received(actorId, messageId)) {
            throw ApiError(ErrorCode::NotFound, "消息不存在");
        }
        bool manages = false;
        if (message->groupId) {
            const auto role = db::ChatRelations(services.db).groupRole(*message->groupId, actorId);
            manages = role == "owner" || role == "admin";
        }
        // A retry: it is recalled already, and announced once. Only someone who
        // could have recalled it hears success; the window no longer matters.
        if (message->recalledAt) {
            if (message->senderId != actorId && message->recalledBy != actorId && !manages) {
                throw ApiError(ErrorCode::Forbidden, "只能撤回自己的消息");
            }
            tx.commit();
            return *message;
        }
        const std::int64_t now = nowMs();
        switch (recallVerdict(
            {message->senderId == actorId, manages, message->sentAt, now, windowMs})) {
            case RecallVerdict::Allowed:
                break;
            case RecallVerdict::WindowPassed:
                throw ApiError(ErrorCode::Forbidden, "消息已超过可撤回的时间");
            case RecallVerdict::NotAllowed:
                throw ApiError(ErrorCode::Forbidden, "只能撤回自己的消息");
        }
        messages.markRecalled(messageId, actorId, now);
        feed.append(db::recipientsJson(feed.receivers(messageId)), messageId, db::FeedKind::Recall);
        message->recalledAt = now;
        message->recalledBy = actorId;
        message->content.reset();
        message->url.reset();
        message->duration.reset();
        tx.commit();
        return *message;
    });
}

}  // namespace mmx::services
