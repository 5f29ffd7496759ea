#pragma once

#include <cstdint>
#include <vector>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /chat/message!… — messages to friends and groups, the chat list, and the sync
// that phones poll.
namespace mmx::chat {

// chat_message_send.cpp: what changes messages.
Response sendMessage(Services& services, const Request& request);
Response recallMessage(Services& services, const Request& request);

// Inside the transaction that deletes a group, after its member rows are locked
// (ascending, `members`): the group's conversation leaves every chat list that
// holds it, former members' included, and each of those users and each member
// gets a `groupDeleted` sync item. The group's messages stay (phones keep them).
void closeGroupChat(Services& services, std::int64_t groupId, std::vector<std::int64_t> members);

// Inside the transaction that adds members to a group, after the group's row is
// locked and their member rows are written: a user in `added` who still has the
// group's line in their chat list (kept when they quit or were removed) finds it
// moved to the conversation's last seq, read, so unread counts only what reaches
// them from now on.
void reopenGroupChat(Services& services, std::int64_t groupId, std::vector<std::int64_t> added);

// chat_message.cpp: what reads them.
Response readMessage(Services& services, const Request& request);
Response history(Services& services, const Request& request);
Response sync(Services& services, const Request& request);
Response conversations(Services& services, const Request& request);
Response markRead(Services& services, const Request& request);
Response listByPicture(Services& services, const Request& request);

}  // namespace mmx::chat
