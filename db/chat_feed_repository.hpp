#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/chat_message.hpp"
#include "db/connection.hpp"

namespace mmx::db {

// Message and Recall carry the message; Delete names a message that is gone (its
// tombstone in chat_deleted_messages); GroupDeleted names a group that is gone.
enum class FeedKind : std::int64_t { Message = 1, Recall = 2, Delete = 3, GroupDeleted = 4 };

struct FeedEntry {
    std::int64_t feedSeq = 0;
    FeedKind kind = FeedKind::Message;
    ChatMessage message;  // Message, Recall
    // Delete: the message that went, its conversation and seq (from the tombstone).
    std::int64_t deletedMessageId = 0;
    std::string deletedConversationId;
    std::int64_t deletedSeq = 0;
    std::int64_t groupId = 0;  // GroupDeleted
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
    // The same for a group that was deleted (kind GroupDeleted, no message).
    void appendGroupDeleted(std::string_view recipients, std::int64_t groupId);
    // A Delete entry for each chat on the picture, to every user who received it:
    // the receivers' counters locked ascending, then three statements whatever the
    // number of chats or receivers. Before the chats are removed, in their transaction.
    void appendPictureDeletions(std::int64_t picId);

    // Locks the counter rows of `recipients` (a recipientsJson array) in
    // ascending user order, as every append does: a transaction that appends
    // several entries to overlapping sets of users takes all its counter locks
    // here first, so it never takes a smaller user's lock after a larger one.
    void lockCounters(std::string_view recipients);

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
