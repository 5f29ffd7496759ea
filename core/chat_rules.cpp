#include "core/chat_rules.hpp"

#include <algorithm>
#include <ctime>

#include "core/text.hpp"

namespace mmx {
namespace {

// A positive decimal id without sign or leading zeros.
std::optional<std::int64_t> canonicalId(std::string_view text) {
    if (text.empty() || text.front() < '1' || text.front() > '9') return std::nullopt;
    const auto value = parseInt64(text);
    if (!value || *value <= 0) return std::nullopt;
    return value;
}

bool isPlainNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

std::string_view extensionOf(std::string_view path) {
    const auto dot = path.rfind('.');
    return dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
}

}  // namespace

std::string userConversationId(std::int64_t oneUser, std::int64_t otherUser) {
    const auto low = std::min(oneUser, otherUser);
    const auto high = std::max(oneUser, otherUser);
    return "u" + std::to_string(low) + "_" + std::to_string(high);
}

std::string groupConversationId(std::int64_t groupId) {
    return "g" + std::to_string(groupId);
}

std::optional<ConversationRef> parseConversationId(std::string_view id) {
    if (id.size() < 2) return std::nullopt;
    const std::string_view rest = id.substr(1);
    if (id.front() == 'g') {
        const auto group = canonicalId(rest);
        if (!group) return std::nullopt;
        return ConversationRef{ConversationRef::Kind::Group, *group, 0};
    }
    if (id.front() != 'u') return std::nullopt;
    const auto underscore = rest.find('_');
    if (underscore == std::string_view::npos) return std::nullopt;
    const auto low = canonicalId(rest.substr(0, underscore));
    const auto high = canonicalId(rest.substr(underscore + 1));
    if (!low || !high || *low >= *high) return std::nullopt;
    return ConversationRef{ConversationRef::Kind::User, *low, *high};
}

std::optional<MessageType> parseMessageType(std::string_view name) {
    if (name == "text") return MessageType::Text;
    if (name == "voice") return MessageType::Voice;
    if (name == "image") return MessageType::Image;
    return std::nullopt;
}

std::string_view messageTypeName(MessageType type) {
    switch (type) {
        case MessageType::Text:
            return "text";
        case MessageType::Voice:
            return "voice";
        case MessageType::Image:
            return "image";
    }
    return "text";
}

std::optional<std::string> chatTextProblem(std::string_view text) {
    if (text.size() > kChatTextMaxBytes) return "不能超过12KB";
    if (!utf8Length(text)) return "不是有效的UTF-8文本";
    bool visible = false;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F)
            return "含有控制字符";
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') visible = true;
    }
    if (!visible) return "不能为空";
    return std::nullopt;
}

bool isValidClientMsgId(std::string_view id) {
    if (id.empty() || id.size() > kClientMsgIdMaxChars) return false;
    for (const char c : id) {
        if (!isPlainNameChar(c) && c != '.' && c != ':') return false;
    }
    return true;
}

RecallVerdict recallVerdict(const RecallCase& c) {
    if (c.actorManagesGroup) return RecallVerdict::Allowed;
    if (!c.actorIsSender) return RecallVerdict::NotAllowed;
    return c.nowMs - c.sentAtMs <= c.windowMs ? RecallVerdict::Allowed
                                              : RecallVerdict::WindowPassed;
}

std::string mediaMonthFolder(std::int64_t epochMs) {
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    const int year = utc.tm_year + 1900;
    const int month = utc.tm_mon + 1;
    std::string text = std::to_string(year);
    text += static_cast<char>('0' + month / 10);
    text += static_cast<char>('0' + month % 10);
    return text;
}

std::optional<std::string> chatMediaPath(std::string_view url, std::string_view publicBaseUrl) {
    const std::string prefix = std::string(publicBaseUrl) + "/upload/chat/";
    if (url.size() <= prefix.size() || url.substr(0, prefix.size()) != prefix) return std::nullopt;
    const std::string_view path = url.substr(prefix.size());
    // yyyymm/name.ext
    if (path.size() < 10 || path[6] != '/') return std::nullopt;
    for (std::size_t i = 0; i < 6; ++i) {
        if (path[i] < '0' || path[i] > '9') return std::nullopt;
    }
    const std::string_view file = path.substr(7);
    const auto dot = file.find('.');
    if (dot == 0 || dot == std::string_view::npos || dot != file.rfind('.')) return std::nullopt;
    for (std::size_t i = 0; i < file.size(); ++i) {
        if (i != dot && !isPlainNameChar(file[i])) return std::nullopt;
    }
    if (!isChatImageExtension(file) && !isChatVoiceExtension(file)) return std::nullopt;
    return std::string(path);
}

bool isChatImageExtension(std::string_view path) {
    const auto ext = extensionOf(path);
    return ext == "jpg" || ext == "png" || ext == "bmp" || ext == "gif";
}

bool isChatVoiceExtension(std::string_view path) {
    const auto ext = extensionOf(path);
    return ext == "amr" || ext == "aac" || ext == "m4a" || ext == "mp3";
}

}  // namespace mmx
