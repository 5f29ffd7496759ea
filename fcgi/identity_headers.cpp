#include "fcgi/identity_headers.hpp"

#include "core/text.hpp"
#include "fcgi/router.hpp"

namespace mmx {

bool isValidClient(std::string_view client) {
    if (client.empty() || client.size() > kMaxClientLength) return false;
    for (const char c : client) {
        if (c <= ' ' || c > '~') return false;
    }
    return true;
}

PresentedSession readSessionHeaders(std::string_view uid, std::string_view accessToken) {
    if (uid.empty() || accessToken.empty()) return {SessionHeaders::Missing, 0};
    const auto userId = parseInt64(uid);
    if (!userId || *userId <= 0 || accessToken.size() > 128) return {SessionHeaders::Invalid, 0};
    return {SessionHeaders::Present, *userId};
}

}  // namespace mmx
