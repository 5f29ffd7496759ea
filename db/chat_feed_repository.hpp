#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "db/chat_message.hpp"
#include "db/connection.hpp"

namespace mmx::db {

enum class FeedKind : std::int64_t { Message = 1, Recall = 2 };

struct FeedEntry {
    std::int64_t feedSeq = 0;
    FeedKind kind = FeedKind::Message;
    ChatMessage message;
};

// Each user's feed: everything that reached them, in the order `sync` hands it out.
class ChatFeedRepository {
  public:
    explicit ChatFeedRepository(Connection& db) : db_(db) {}

    // Appends `messageId` to the feed of every user in `recipients` (a
    // recipientsJson array). Must run inside the sending transaction: each
    // user's counter row stays locked until it commits, which is what keeps
    // feed order equal to commit order.
    void append(std::string_view recipients, std::int64_t messageId, FeedKind kind);

    // Who received a message, ascending (the recall goes to the same people).
    std::vector<std::int64_t> receivers(std::int64_t messageId);
    bool received(std::int64_t userId, std::int64_t messageId);

    // Up to `limit` entries of the user's feed after `afterFeedSeq`, oldest first.
    std::vector<FeedEntry> after(std::int64_t userId, std::int64_t afterFeedSeq,
                                 std::int64_t limit);

  private:
    Connection& db_;
};

}  // namespace mmx::db
