#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/chat_message.hpp"
#include "db/connection.hpp"

namespace mmx::db {

// One line of a user's chat list, with the names it is shown by.
struct ConversationEntry {
    std::string conversationId;
    std::optional<std::int64_t> peerUserId;
    std::optional<std::int64_t> groupId;
    std::int64_t readSeq = 0;
    std::int64_t lastSeq = 0;
    std::int64_t unread = 0;  // the chats after readSeq that are still there
    std::optional<std::string> peerNickName;
    std::optional<std::string> peerPhoto;
    std::optional<std::string> remark;  // the user's name for the friend
    std::optional<std::string> groupName;
    std::optional<std::string> groupLogo;
    bool muted = false;                      // the group's messageRemainMode is 2
    std::optional<ChatMessage> lastMessage;  // absent when it was deleted with its picture
};

struct ReadState {
    std::int64_t readSeq = 0;
    std::int64_t lastSeq = 0;
    std::int64_t unread = 0;    // lastSeq - readSeq less the chats deleted in between
    std::int64_t firstSeq = 1;  // the first seq delivered to the line's owner
    // (gapFrom, gapTo]: sent while the owner was out of the group (the last absence).
    std::int64_t gapFrom = 0;
    std::int64_t gapTo = 0;
};

// Per user and conversation: the newest seq delivered, the seq read, the last message.
class ChatInboxRepository {
  public:
    explicit ChatInboxRepository(Connection& db) : db_(db) {}

    struct Delivery {
        std::string_view recipients;  // recipientsJson
        std::string_view conversationId;
        std::optional<std::int64_t> pairSum;  // a user conversation: the two ids added up
        std::optional<std::int64_t> groupId;
        std::int64_t senderId = 0;
        std::int64_t seq = 0;
        std::int64_t messageId = 0;
        std::int64_t at = 0;
    };
    // Moves every recipient's line to this message. A recipient new to the
    // conversation (a member who just joined) has read everything before it; the
    // sender has read the conversation up to their own message.
    void deliver(const Delivery& delivery);

    std::optional<ReadState> readState(std::int64_t userId, std::string_view conversationId);
    // read_seq moves forward only and never past what was delivered.
    std::optional<ReadState> markRead(std::int64_t userId, std::string_view conversationId,
                                      std::int64_t seq);

    // Most recently active first. kListStatement is its SQL (user, limit, offset), for
    // the test that proves it is read through an index in its order.
    static const std::string_view kListStatement;
    std::vector<ConversationEntry> list(std::int64_t userId, std::int64_t offset,
                                        std::int64_t limit);

    // Moves the line (if any) of every user of `users` (a recipientsJson array) to `seq`
    // as delivered and read, for members who come back to a group: what was sent while
    // they were out never reached them and is not unread. Under the users' feed counter
    // locks, as deliver is. Ascending, in two statements: the seqs they missed, between their
    // line's last_seq and `seq`, are recorded as the line's gap, then the line moves.
    void catchUpAll(std::string_view users, std::string_view conversationId, std::int64_t seq);
    // Those of `users` (a recipientsJson array) who hold a line, ascending; one statement.
    std::vector<std::int64_t> holdersAmong(std::string_view users, std::string_view conversationId);

    // Who has a line of the conversation, ascending.
    std::vector<std::int64_t> holders(std::string_view conversationId);
    // Removes the conversation from the chat lists of `recipients` (a
    // recipientsJson array), row by row in ascending user order.
    void removeLines(std::string_view recipients, std::string_view conversationId);

  private:
    Connection& db_;
};

}  // namespace mmx::db
