// /chat/message!send and !recall: thin adapters over services/chat_delivery, which
// holds the order of locks every chat transaction follows.
#include <optional>
#include <string>
#include <utility>

#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "handlers/chat_message.hpp"
#include "handlers/params.hpp"
#include "handlers/readers.hpp"
#include "services/chat_delivery.hpp"

namespace mmx::chat {
namespace {

std::optional<std::string> readClientMsgId(const Request& request) {
    const auto raw = request.param("clientMsgId");
    if (!raw || raw->empty()) return std::nullopt;
    if (!isValidClientMsgId(*raw)) {
        throwBadParam("参数 clientMsgId 最多64个字符，只能含字母、数字和 . _ : -");
    }
    return std::string(*raw);
}

}  // namespace

Response sendMessage(Services& services, const Request& request) {
    db::NewMessage message;
    message.senderId = request.actor().userId;
    message.toUserId = optionalId(request, "toUserId");
    message.groupId = optionalId(request, "groupId");
    if (message.toUserId.has_value() == message.groupId.has_value()) {
        throwBadParam("参数 toUserId 和 groupId 必须且只能给一个");
    }
    if (message.toUserId == message.senderId) throwBadParam("参数 toUserId 不能是自己");
    readers::readMessageBody(request, message);
    message.picId = optionalId(request, "picId");
    message.clientMsgId = readClientMsgId(request);

    const db::ChatMessage m = services::sendMessage(services, std::move(message));
    Response response("发送成功");
    JsonObject data = response.data();
    data.set("messageId", m.id).set("chatId", m.id).set("conversationId", m.conversationId);
    data.set("seq", m.seq).set("sentAt", m.sentAt).set("msgType", m.msgType);
    if (m.content) data.set("content", *m.content);
    if (m.clientMsgId) data.set("clientMsgId", *m.clientMsgId);
    return response;
}

Response recallMessage(Services& services, const Request& request) {
    const std::int64_t messageId = requireId(request, kMessageNames);
    const db::ChatMessage recalled =
        services::recallMessage(services, request.actor().userId, messageId);
    Response response("撤回成功");
    response.data()
        .set("messageId", recalled.id)
        .set("conversationId", recalled.conversationId)
        .set("seq", recalled.seq)
        .set("recalledAt", *recalled.recalledAt);
    return response;
}

}  // namespace mmx::chat
