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
    if (added.empty()) return;
    const auto returning = inbox.holdersAmong(db::recipientsJson(std::move(added)), conversationId);
    if (returning.empty()) return;
    const auto lastSeq = db::MessageRepository(services.db).lockConversation(conversationId);
    if (!lastSeq) return;
    const std::string users = db::recipientsJson(returning);
    db::ChatFeedRepository(services.db).lockCounters(users);
    inbox.catchUpAll(users, conversationId, *lastSeq);
}

}  // namespace mmx::services
