#include "services/sessions.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/session_repository.hpp"

namespace mmx::services {
namespace {

// Sliding the expiry costs a write; doing it at most hourly keeps reads read-only.
constexpr std::int64_t kSlideEveryMs = 60 * kMinuteMs;

std::int64_t ttlMs(const Services& services) {
    return static_cast<std::int64_t>(services.config.sessionTtlDays) * kDayMs;
}

}  // namespace

Identity checkSession(Services& services, std::int64_t userId, std::string_view client,
                      std::string_view token) {
    db::SessionRepository sessions(services.db);
    auto found = sessions.findWithActor(userId, client);
    const std::string presented = secretHash(token, services.config.secret);
    if (!found || !constantTimeEquals(found->session.tokenHash, presented)) {
        throw ApiError(ErrorCode::TokenInvalid, "登录信息无效，请重新登录");
    }
    const std::int64_t now = nowMs();
    std::int64_t expiresAt = found->session.expiresAt;
    if (expiresAt <= now) throw ApiError(ErrorCode::TokenExpired, "登录已过期，请重新登录");

    if (now + ttlMs(services) - expiresAt >= kSlideEveryMs) {
        expiresAt = now + ttlMs(services);
        sessions.extend(userId, client, expiresAt);
    }
    return Identity{userId, std::string(client), std::string(token), expiresAt,
                    std::move(found->actor)};
}

Identity openSession(Services& services, std::int64_t userId, std::string_view client) {
    const std::string token = newAccessToken();
    const std::int64_t now = nowMs();
    const std::int64_t expiresAt = now + ttlMs(services);
    db::SessionRepository(services.db)
        .replace(userId, client, secretHash(token, services.config.secret), now, expiresAt);
    return Identity{userId, std::string(client), token, expiresAt, {}};
}

}  // namespace mmx::services
