#include "services/sessions.hpp"

#include <algorithm>

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

std::int64_t staffTtlMs(const Services& services) {
    return static_cast<std::int64_t>(services.config.staffSessionHours) * 60 * kMinuteMs;
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
    // Disabling ends the sessions; a login racing the disable must not outlive it.
    if (found->account.disabled)
        throw ApiError(ErrorCode::TokenInvalid, "登录信息无效，请重新登录");
    const std::int64_t now = nowMs();
    std::int64_t expiresAt = found->session.expiresAt;
    // A staff session ends a fixed time after its login, also one opened before the
    // role was granted.
    if (found->account.staff) {
        expiresAt = std::min(expiresAt, found->createdAt + staffTtlMs(services));
    }
    if (expiresAt <= now) throw ApiError(ErrorCode::TokenExpired, "登录已过期，请重新登录");

    if (!found->account.staff && now + ttlMs(services) - expiresAt >= kSlideEveryMs) {
        expiresAt = now + ttlMs(services);
        sessions.extend(userId, client, expiresAt);
    }
    return Identity{userId, std::string(client), std::string(token), expiresAt,
                    std::move(found->actor)};
}

Identity rotateSession(Services& services, std::int64_t userId, std::string_view client,
                       std::string_view token) {
    Identity identity = checkSession(services, userId, client, token);
    const std::string fresh = newAccessToken();
    // checkSession slid the expiry when it was due; a staff session keeps its fixed end.
    if (!db::SessionRepository(services.db)
             .rotate(userId, client, secretHash(token, services.config.secret),
                     secretHash(fresh, services.config.secret), identity.expireMs)) {
        throw ApiError(ErrorCode::TokenInvalid, "登录信息无效，请重新登录");
    }
    identity.accessToken = fresh;
    return identity;
}

Identity openSession(Services& services, std::int64_t userId, std::string_view client) {
    db::SessionRepository sessions(services.db);
    const auto account = sessions.accountState(userId);
    if (account && account->disabled) {
        throw ApiError(ErrorCode::Forbidden, "账号已被停用，请联系客服");
    }
    const std::string token = newAccessToken();
    const std::int64_t now = nowMs();
    const std::int64_t expiresAt =
        now + (account && account->staff ? staffTtlMs(services) : ttlMs(services));
    sessions.replace(userId, client, secretHash(token, services.config.secret), now, expiresAt);
    return Identity{userId, std::string(client), token, expiresAt, {}};
}

}  // namespace mmx::services
