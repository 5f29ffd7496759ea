// libFuzzer target: arbitrary bytes as a conversation id (u_<a>_<b> or g_<group>).
// Parsing never crashes; what parses prints back to an id that parses the same.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/chat_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string id(reinterpret_cast<const char*>(data), size);
    const auto ref = mmx::parseConversationId(id);
    mmx::isValidClientMsgId(id);
    mmx::parseMessageType(id);
    if (!ref) return 0;
    const std::string printed = ref->kind == mmx::ConversationRef::Kind::Group
                                    ? mmx::groupConversationId(ref->first)
                                    : mmx::userConversationId(ref->first, ref->second);
    const auto again = mmx::parseConversationId(printed);
    if (!again || again->kind != ref->kind || again->first != ref->first ||
        again->second != ref->second) {
        __builtin_trap();
    }
    return 0;
}
