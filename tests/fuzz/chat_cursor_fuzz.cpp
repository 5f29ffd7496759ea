// libFuzzer target: arbitrary bytes as a message!sync cursor. Decoding never crashes;
// what decodes belongs to the user asked about and encodes back to a cursor that
// decodes to the same position.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/chat_cursor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string cursor(reinterpret_cast<const char*>(data), size);
    for (const std::int64_t user : {std::int64_t{1}, std::int64_t{100001}, INT64_MAX}) {
        const auto seq = mmx::decodeFeedCursor(cursor, user);
        if (!seq) continue;
        const auto again = mmx::decodeFeedCursor(mmx::encodeFeedCursor(user, *seq), user);
        if (!again || *again != *seq) __builtin_trap();
    }
    return 0;
}
