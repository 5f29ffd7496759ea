#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mmx {

// The position in one user's chat feed that `message!sync` hands out and takes back.
// Opaque to clients: a version byte, the user it belongs to and the last feed
// sequence seen, in URL-safe base64. The user is inside so that a phone that
// switched accounts and kept its cursor is told so (BAD_PARAM) instead of
// silently skipping the new account's messages.
std::string encodeFeedCursor(std::int64_t userId, std::int64_t feedSeq);

// The feed sequence in `cursor` when it is well formed and belongs to `userId`;
// an empty cursor is the start of the feed (0).
std::optional<std::int64_t> decodeFeedCursor(std::string_view cursor, std::int64_t userId);

}  // namespace mmx
