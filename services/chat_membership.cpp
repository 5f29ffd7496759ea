#include "services/chat_membership.hpp"

#include <algorithm>

#include "core/chat_rules.hpp"
#include "db/chat_feed_repository.hpp"
#include "db/chat_inbox_repository.hpp"
#include "db/message_repository.hpp"

namespace mmx::services {

void closeGroupChat(Services& services, std::int64_t groupId, std::vector<std::int64_t> members) {
    const std::string conversationId = groupConversationId(groupId);
    db::MessageRepository(services.db).lockConversation(conversationId);
    db::ChatInboxRepository inbox(services.db);
    // New lines come only from sends to the group, which wait on the member locks.
    const auto holders = inbox.holders(conversationId);
    members.insert(members.end(), holders.begin(), holders.end());
    const std::string recipients = db::recipientsJson(std::move(members));
    db::ChatFeedRepository(services.db).appendGroupDeleted(recipients, groupId);
    inbox.removeLines(recipients, conversationId);
}

void reopenGroupChat(Services& services, std::int64_t groupId, std::vector<std::int64_t> added) {
    const std::string conversationId = groupConversationId(groupId);
    db::ChatInboxRepository inbox(services.db);
    // A plain read is enough: a line of this conversation appears only through a
    // send to the group (they were no member, and the send waits on the member
    // rows just written) and goes only with the group (which waits on its row).
    std::sort(added.begin(), added.end());
    std::vector<std::int64_t> returning;
    for (const std::int64_t userId : added) {
        if (inbox.readState(userId, conversationId)) returning.push_back(userId);
    }
    if (returning.empty()) return;
    const auto lastSeq = db::MessageRepository(services.db).lockConversation(conversationId);
    if (!lastSeq) return;
    db::ChatFeedRepository(services.db).lockCounters(db::recipientsJson(returning));
    for (const std::int64_t userId : returning) inbox.catchUp(userId, conversationId, *lastSeq);
}

}  // namespace mmx::services
