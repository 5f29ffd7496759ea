#include "dialects/session_cookie.hpp"

#include "core/api_error.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "services/sessions.hpp"

namespace mmx::dialects {
namespace {

// A cookie value of ours holds no byte that could end the header or the attribute.
bool isCookieSafe(std::string_view text) {
    for (const char c : text) {
        if (c <= ' ' || c > '~' || c == ';' || c == ',' || c == '"' || c == '\\' || c == '.') {
            return false;
        }
    }
    return !text.empty();
}

}  // namespace

std::optional<CookieSession> readSessionCookie(std::string_view cookieHeader,
                                               std::string_view name) {
    while (!cookieHeader.empty()) {
        const std::size_t semicolon = cookieHeader.find(';');
        const std::string_view pair = trim(cookieHeader.substr(0, semicolon));
        cookieHeader = semicolon == std::string_view::npos ? std::string_view()
                                                           : cookieHeader.substr(semicolon + 1);
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos || pair.substr(0, eq) != name) continue;
        // <uid>.<client>.<token>: the client and the token never hold a dot.
        const std::string_view value = pair.substr(eq + 1);
        const std::size_t first = value.find('.');
        const std::size_t second =
            first == std::string_view::npos ? first : value.find('.', first + 1);
        if (second == std::string_view::npos) return std::nullopt;
        const auto userId = parseInt64(value.substr(0, first));
        const std::string_view client = value.substr(first + 1, second - first - 1);
        const std::string_view token = value.substr(second + 1);
        if (!userId || *userId <= 0 || !isCookieSafe(client) || !isCookieSafe(token)) {
            return std::nullopt;
        }
        return CookieSession{*userId, std::string(client), std::string(token)};
    }
    return std::nullopt;
}

std::string sessionCookieFor(const Identity& identity, std::int64_t maxAgeSeconds,
                             std::string_view name) {
    return std::string(name) + "=" + std::to_string(identity.userId) + "." + identity.client + "." +
           identity.accessToken + "; Path=/; Max-Age=" + std::to_string(maxAgeSeconds) +
           "; HttpOnly; SameSite=Strict";
}

std::string clearedSessionCookie(std::string_view name) {
    return std::string(name) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
}

Identity sessionFromCookie(Services& services, std::string_view cookieHeader,
                           std::string_view name) {
    const auto presented = readSessionCookie(cookieHeader, name);
    if (!presented) throw ApiError(ErrorCode::AuthRequired, "请先登录");
    return services::checkSession(services, presented->userId, presented->client, presented->token);
}

std::string newDialectClient(std::string_view dialect) {
    return std::string(dialect) + "-" + randomHex(16);
}

}  // namespace mmx::dialects
