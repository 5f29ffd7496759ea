#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/chat_message.hpp"
#include "db/connection.hpp"

namespace mmx::db {

struct NewMessage {
    std::string conversationId;
    std::int64_t senderId = 0;
    std::optional<std::int64_t> toUserId;
    std::optional<std::int64_t> groupId;
    std::string msgType;
    std::optional<std::string> content;
    std::optional<std::string> url;
    std::optional<std::int64_t> duration;
    std::optional<std::int64_t> picId;
    std::optional<std::string> clientMsgId;
    std::int64_t sentAt = 0;
};

// Messages: stored once each, numbered per conversation.
class MessageRepository {
  public:
    explicit MessageRepository(Connection& db) : db_(db) {}

    // Takes the conversation's next seq and stores the message; inside a
    // transaction, the conversation's row stays locked until it ends, so seqs
    // are handed out in commit order. Throws DuplicateKey on a clientMsgId repeat.
    ChatMessage insert(const NewMessage& message);

    // Holds the conversation's row (when it has one) until the transaction ends,
    // as a send does: nothing is sent to it meanwhile. Its last_seq, or nullopt
    // when nothing was ever sent to it.
    std::optional<std::int64_t> lockConversation(std::string_view conversationId);

    std::optional<ChatMessage> find(std::int64_t messageId);
    std::optional<ChatMessage> findForUpdate(std::int64_t messageId);
    std::optional<ChatMessage> findByClientMsgId(std::int64_t senderId,
                                                 std::string_view clientMsgId);

    // The message keeps its place and loses its content.
    void markRecalled(std::int64_t messageId, std::int64_t byUserId, std::int64_t at);

    // Where a reader's messages of a conversation can be: from the first delivered to
    // them up to the newest, less (gapFrom, gapTo], sent while they were out.
    struct SeqBounds {
        std::int64_t from = 1;
        std::int64_t upTo = 0;
        std::int64_t gapFrom = 0;
        std::int64_t gapTo = 0;
    };
    // Messages of a conversation that reached `userId`, seq < beforeSeq and within
    // `bounds`, newest first.
    std::vector<ChatMessage> history(std::int64_t userId, std::string_view conversationId,
                                     std::int64_t beforeSeq, const SeqBounds& bounds,
                                     std::int64_t limit);

    // The chats on a picture, oldest first: all of them for its owner, else those
    // that reached `viewerId`.
    std::vector<ChatMessage> byPicture(std::int64_t picId, bool everything, std::int64_t viewerId,
                                       std::int64_t offset, std::int64_t limit);

  private:
    Connection& db_;
};

}  // namespace mmx::db
