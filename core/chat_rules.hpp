#pragma once

// The rules of chat that need no database: conversation ids, message types and
// their limits, the recall window, and which URLs name our own chat media.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mmx {

inline constexpr std::size_t kChatTextMaxBytes = 12 * 1024;
inline constexpr std::size_t kChatImageMaxBytes = 3 * 1024 * 1024;
inline constexpr std::size_t kChatVoiceMaxBytes = 2 * 1024 * 1024;
inline constexpr std::int64_t kVoiceMaxSeconds = 300;
inline constexpr std::size_t kClientMsgIdMaxChars = 64;

// A conversation is between two users ("u<smaller id>_<larger id>", the same
// from both sides) or of a group ("g<group id>").
struct ConversationRef {
    enum class Kind { User, Group };
    Kind kind = Kind::User;
    std::int64_t first = 0;   // the smaller user id, or the group id
    std::int64_t second = 0;  // the larger user id; 0 for a group
};

std::string userConversationId(std::int64_t oneUser, std::int64_t otherUser);
std::string groupConversationId(std::int64_t groupId);
// Canonical ids only ("u2_1", "u1_1", "g01" are not ids).
std::optional<ConversationRef> parseConversationId(std::string_view id);

enum class MessageType { Text, Voice, Image };
std::optional<MessageType> parseMessageType(std::string_view name);
std::string_view messageTypeName(MessageType type);

// Why a text message cannot be sent as it is, or nullopt: well-formed UTF-8, at
// most 12 KB, not only white space, no control characters but tab and line breaks.
std::optional<std::string> chatTextProblem(std::string_view text);

// A client's retry key: 1..64 of [A-Za-z0-9._:-].
bool isValidClientMsgId(std::string_view id);

enum class RecallVerdict {
    Allowed,
    WindowPassed,  // the sender, too late
    NotAllowed,    // neither the sender nor a manager of the message's group
};

struct RecallCase {
    bool actorIsSender = false;
    bool actorManagesGroup = false;  // owner or admin of the group the message went to
    std::int64_t sentAtMs = 0;
    std::int64_t nowMs = 0;
    std::int64_t windowMs = 0;
};

// The sender may recall within the window; a group's owner or admin at any time.
RecallVerdict recallVerdict(const RecallCase& c);

// The folder of the month a chat upload lands in, "yyyymm" (UTC).
std::string mediaMonthFolder(std::int64_t epochMs);

// Our own chat media: `<publicBaseUrl>/upload/chat/<yyyymm>/<name>.<ext>` with a
// plain file name. Returns "<yyyymm>/<name>.<ext>", or nullopt for any other URL.
std::optional<std::string> chatMediaPath(std::string_view url, std::string_view publicBaseUrl);

bool isChatImageExtension(std::string_view path);
bool isChatVoiceExtension(std::string_view path);

}  // namespace mmx
