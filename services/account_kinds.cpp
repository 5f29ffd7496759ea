#include "services/account_kinds.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/email_address.hpp"
#include "core/user_name.hpp"
#include "db/account_kind_repository.hpp"
#include "services/limits.hpp"
#include "services/passwords.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kOpenRegistrationPerAddress = "open-register-ip";
constexpr std::int64_t kHourMs = 60 * 60 * 1000;

}  // namespace

std::int64_t registerWithoutCode(Services& services, const OpenRegistration& registration) {
    if (!services.config.openRegistration) {
        throw ApiError(ErrorCode::Forbidden, "未开放无验证码注册，请使用手机号注册");
    }
    if (registration.userName.has_value() == registration.email.has_value()) {
        throwBadParam("参数 userName 和 email 须且只能提供一个");
    }
    if (registration.userName) {
        if (const auto problem = userNameProblem(*registration.userName)) throwBadParam(*problem);
    } else if (const auto problem = emailProblem(*registration.email)) {
        throwBadParam(*problem);
    }
    countOrRefuse(services, kOpenRegistrationPerAddress, registration.address,
                  services.config.openRegistrationIpLimit, kHourMs);

    const std::string nickName = registration.nickName.value_or(
        registration.userName ? *registration.userName
                              : registration.email->substr(0, registration.email->find('@')));
    // Hashed before the write, with no transaction open.
    const std::string hash = hashPasswordLimited(services, registration.password);
    const auto asView = [](const std::optional<std::string>& text) {
        return text ? std::optional<std::string_view>(*text) : std::nullopt;
    };
    try {
        return db::AccountKindRepository(services.db)
            .create(asView(registration.userName), asView(registration.email), hash, nickName,
                    nowMs());
    } catch (const db::DuplicateKey&) {
        throw ApiError(ErrorCode::Conflict,
                       registration.userName ? "该用户名已被使用" : "该邮箱已被注册");
    }
}

std::int64_t userIdByName(Services& services, std::string_view userName) {
    const auto id = db::AccountKindRepository(services.db).idByUserName(userName);
    if (!id) throw ApiError(ErrorCode::NotFound, "用户不存在");
    return *id;
}

std::string userNameOf(Services& services, std::int64_t userId) {
    return db::AccountKindRepository(services.db).userNameOf(userId).value_or("");
}

std::int64_t userIdByEmail(Services& services, std::string_view email) {
    const auto id = db::AccountKindRepository(services.db).idByEmail(email);
    if (!id) throw ApiError(ErrorCode::NotFound, "用户不存在");
    return *id;
}

std::map<std::int64_t, std::string> emailsOf(Services& services,
                                             const std::vector<std::int64_t>& userIds) {
    std::map<std::int64_t, std::string> emails;
    for (auto& [id, email] : db::AccountKindRepository(services.db).emailsOf(userIds)) {
        emails.emplace(id, std::move(email));
    }
    return emails;
}

std::string emailOf(Services& services, std::int64_t userId) {
    auto emails = emailsOf(services, {userId});
    const auto found = emails.find(userId);
    return found == emails.end() ? std::string() : std::move(found->second);
}

}  // namespace mmx::services
