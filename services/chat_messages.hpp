#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/chat_feed_repository.hpp"
#include "db/chat_inbox_repository.hpp"
#include "db/chat_message.hpp"
#include "services/services.hpp"

// Reading messages: one, a conversation's history, the chat list, the sync feed,
// and the chats on a picture. A user reads only what reached them.
namespace mmx::services {

// NOT_FOUND unless `readerId` received it.
db::ChatMessage readMessage(Services& services, std::int64_t readerId, std::int64_t messageId);

struct HistoryPage {
    std::vector<db::ChatMessage> messages;  // newest first
    bool hasMore = false;
};

// Up to `count` messages of the reader's conversation before `beforeSeq`, among
// those delivered to them. NOT_FOUND when the conversation is not in their chat list.
HistoryPage history(Services& services, std::int64_t readerId, std::string_view conversationId,
                    std::int64_t beforeSeq, std::int64_t count);

struct FeedPage {
    std::vector<db::FeedEntry> entries;  // oldest first
    bool hasMore = false;
    std::int64_t lastFeedSeq = 0;  // where the next page starts
};

// The reader's feed after `afterFeedSeq`, up to `count` entries. With nothing new
// this is one range read of chat_feed's primary key that finds no row.
FeedPage sync(Services& services, std::int64_t readerId, std::int64_t afterFeedSeq,
              std::int64_t count);

struct ConversationPage {
    std::vector<db::ConversationEntry> entries;  // most recently active first
    bool hasMore = false;
};

ConversationPage conversations(Services& services, std::int64_t readerId, std::int64_t offset,
                               std::int64_t count);

// Moves the reader's read mark forward to `seq` (never past what was delivered).
// NOT_FOUND when the conversation is not in their chat list.
db::ReadState markRead(Services& services, std::int64_t readerId, std::string_view conversationId,
                       std::int64_t seq);

// The chats on a picture, oldest first: every one for its owner, else those that reached the
// reader. NOT_FOUND for an unknown picture.
std::vector<db::ChatMessage> chatsOnPicture(Services& services, std::int64_t readerId,
                                            std::int64_t picId, std::int64_t offset,
                                            std::int64_t count);

}  // namespace mmx::services
