#pragma once

#include <cstdint>
#include <vector>

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "handlers/services.hpp"

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

// chat_message.cpp: what reads them.
Response readMessage(Services& services, const Request& request);
Response history(Services& services, const Request& request);
Response sync(Services& services, const Request& request);
Response conversations(Services& services, const Request& request);
Response markRead(Services& services, const Request& request);
Response listByPicture(Services& services, const Request& request);

}  // namespace mmx::chat
