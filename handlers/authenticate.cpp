#include "handlers/authenticate.hpp"

#include <stdexcept>

#include "core/api_error.hpp"
#include "fcgi/identity_headers.hpp"
#include "services/sessions.hpp"

namespace mmx {

Identity authenticate(Services& services, const Request& request) {
    const PresentedSession presented = readSessionHeaders(request.uidHeader, request.tokenHeader);
    if (presented.state == SessionHeaders::Missing) {
        throw ApiError(ErrorCode::AuthRequired, "请先登录");
    }
    if (presented.state == SessionHeaders::Invalid) {
        throw ApiError(ErrorCode::TokenInvalid, "登录信息无效，请重新登录");
    }
    return services::checkSession(services, presented.userId, request.client, request.tokenHeader);
}

const db::UserProfile& actorProfile(const Request& request) {
    const auto* profile = std::any_cast<db::UserProfile>(&request.actor().actor);
    if (profile == nullptr) throw std::logic_error("the session check loaded no actor profile");
    return *profile;
}

}  // namespace mmx
