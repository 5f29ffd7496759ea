#pragma once

#include <cstdint>
#include <string_view>

namespace mmx {

// How the identity headers a phone sends are read, before any database look-up.

// `client` (the app install): 1 to kMaxClientLength visible ASCII characters.
bool isValidClient(std::string_view client);

enum class SessionHeaders { Missing, Invalid, Present };

// `uid` and `accessToken`: both present, the uid a positive whole number and the
// token at most 128 bytes; `userId` is set only when Present.
struct PresentedSession {
    SessionHeaders state = SessionHeaders::Missing;
    std::int64_t userId = 0;
};

PresentedSession readSessionHeaders(std::string_view uid, std::string_view accessToken);

}  // namespace mmx
