// /user/setting!friendPolicy: a thin adapter over the privacy switches of services/people.
#include "handlers/setting.hpp"

#include "core/api_error.hpp"
#include "handlers/params.hpp"
#include "services/people.hpp"

namespace mmx::setting {

Response friendPolicy(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    db::PrivacySettings settings;
    if (request.method == Method::Post) {
        const auto policy = optionalInt(request, "policy", 1, 3);
        const auto findable = optionalInt(request, "findByMobile", 0, 1);
        settings = services::changePrivacy(
            services, me, policy ? std::optional<int>(static_cast<int>(*policy)) : std::nullopt,
            findable ? std::optional<bool>(*findable == 1) : std::nullopt);
    } else {
        if (request.param("policy") || request.param("findByMobile")) {
            throwBadParam("修改设置请使用POST");
        }
        settings = services::privacy(services, me);
    }
    Response response(request.method == Method::Post ? "设置成功" : "获取设置成功");
    response.data()
        .set("policy", settings.friendPolicy)
        .set("findByMobile", settings.findableByMobile ? 1 : 0);
    return response;
}

}  // namespace mmx::setting
