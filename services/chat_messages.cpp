#include "services/chat_messages.hpp"

#include "core/api_error.hpp"
#include "db/message_repository.hpp"
#include "db/picture_repository.hpp"

namespace mmx::services {
namespace {

// Keeps the first `count` of a page read one longer; true when there was more.
template <typename T>
bool trimToPage(std::vector<T>& items, std::int64_t count) {
    const bool hasMore = static_cast<std::int64_t>(items.size()) > count;
    if (hasMore) items.resize(static_cast<std::size_t>(count));
    return hasMore;
}

}  // namespace

db::ChatMessage readMessage(Services& services, std::int64_t readerId, std::int64_t messageId) {
    const auto message = db::MessageRepository(services.db).find(messageId);
    if (!message || !db::ChatFeedRepository(services.db).received(readerId, messageId)) {
        throw ApiError(ErrorCode::NotFound, "消息不存在");
    }
    return *message;
}

HistoryPage history(Services& services, std::int64_t readerId, std::string_view conversationId,
                    std::int64_t beforeSeq, std::int64_t count) {
    const auto state = db::ChatInboxRepository(services.db).readState(readerId, conversationId);
    if (!state) throw ApiError(ErrorCode::NotFound, "会话不存在");
    HistoryPage page;
    page.messages =
        db::MessageRepository(services.db)
            .history(readerId, conversationId, beforeSeq,
                     {state->firstSeq, state->lastSeq, state->gapFrom, state->gapTo}, count + 1);
    page.hasMore = trimToPage(page.messages, count);
    return page;
}

FeedPage sync(Services& services, std::int64_t readerId, std::int64_t afterFeedSeq,
              std::int64_t count) {
    FeedPage page;
    page.entries = db::ChatFeedRepository(services.db).after(readerId, afterFeedSeq, count + 1);
    page.hasMore = trimToPage(page.entries, count);
    page.lastFeedSeq = page.entries.empty() ? afterFeedSeq : page.entries.back().feedSeq;
    return page;
}

ConversationPage conversations(Services& services, std::int64_t readerId, std::int64_t offset,
                               std::int64_t count) {
    ConversationPage page;
    page.entries = db::ChatInboxRepository(services.db).list(readerId, offset, count + 1);
    page.hasMore = trimToPage(page.entries, count);
    return page;
}

db::ReadState markRead(Services& services, std::int64_t readerId, std::string_view conversationId,
                       std::int64_t seq) {
    const auto state = db::ChatInboxRepository(services.db).markRead(readerId, conversationId, seq);
    if (!state) throw ApiError(ErrorCode::NotFound, "会话不存在");
    return *state;
}

std::vector<db::ChatMessage> chatsOnPicture(Services& services, std::int64_t readerId,
                                            std::int64_t picId, std::int64_t offset,
                                            std::int64_t count) {
    const auto picture = db::PictureRepository(services.db).find(picId);
    if (!picture) throw ApiError(ErrorCode::NotFound, "图片不存在");
    const bool owner = picture->ownerId == readerId;
    return db::MessageRepository(services.db).byPicture(picId, owner, readerId, offset, count);
}

}  // namespace mmx::services
