#include "handlers/sessions.hpp"

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "db/session_repository.hpp"
#include "fcgi/api_error.hpp"
#include "fcgi/identity_headers.hpp"

namespace mmx {
namespace {

// Sliding the expiry costs a write; doing it at most hourly keeps reads read-only.
constexpr std::int64_t kSlideEveryMs = 60 * kMinuteMs;

std::int64_t ttlMs(const Services& services) {
    return static_cast<std::int64_t>(services.config.sessionTtlDays) * kDayMs;
}

}  // namespace

Identity authenticate(Services& services, const Request& request) {
    const PresentedSession presentedSession =
        readSessionHeaders(request.uidHeader, request.tokenHeader);
    if (presentedSession.state == SessionHeaders::Missing) {
        throw ApiError(ErrorCode::AuthRequired, "请先登录");
    }
    if (presentedSession.state == SessionHeaders::Invalid) {
        throw ApiError(ErrorCode::TokenInvalid, "登录信息无效，请重新登录");
    }
    const std::optional<std::int64_t> userId = presentedSession.userId;
    db::SessionRepository sessions(services.db);
    auto found = sessions.findWithActor(*userId, request.client);
    const std::string presented = secretHash(request.tokenHeader, services.config.secret);
    if (!found || !constantTimeEquals(found->session.tokenHash, presented)) {
        throw ApiError(ErrorCode::TokenInvalid, "登录信息无效，请重新登录");
    }
    const std::int64_t now = nowMs();
    std::int64_t expiresAt = found->session.expiresAt;
    if (expiresAt <= now) throw ApiError(ErrorCode::TokenExpired, "登录已过期，请重新登录");

    if (now + ttlMs(services) - expiresAt >= kSlideEveryMs) {
        expiresAt = now + ttlMs(services);
        sessions.extend(*userId, request.client, expiresAt);
    }
    return Identity{*userId, request.client, request.tokenHeader, expiresAt,
                    std::move(found->actor)};
}

const db::UserProfile& actorProfile(const Request& request) {
    const auto* profile = std::any_cast<db::UserProfile>(&request.actor().actor);
    if (profile == nullptr) throw std::logic_error("the session check loaded no actor profile");
    return *profile;
}

Identity openSession(Services& services, std::int64_t userId, std::string_view client) {
    const std::string token = newAccessToken();
    const std::int64_t now = nowMs();
    const std::int64_t expiresAt = now + ttlMs(services);
    db::SessionRepository(services.db)
        .replace(userId, client, secretHash(token, services.config.secret), now, expiresAt);
    return Identity{userId, std::string(client), token, expiresAt, {}};
}

}  // namespace mmx
