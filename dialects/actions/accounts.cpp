// Login by numeric id and Logon by user name: the house's sign-in and open registration.
#include "services/accounts.hpp"

#include "core/text.hpp"
#include "core/user_name.hpp"
#include "dialects/actions/common.hpp"
#include "dialects/session_cookie.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"

namespace mmx::dialects::actions {

Response login(Services& services, const Request& request) {
    return guarded(Action::Login, request.path, [&] {
        services::SignIn signIn;
        signIn.userId = requireId(request, "id");  // a string or a number
        try {
            signIn.password = requirePassword(request, "password");
        } catch (const ApiError&) {
            // No password of a wrong length is anyone's: told as a wrong one.
            throw ApiError(ErrorCode::BadCredentials, "密码错误");
        }
        signIn.address = request.remoteAddr;
        signIn.client = newDialectClient(kName);
        const services::SignedIn signedIn = services::login(services, signIn);
        Response response = answer(true, "login success");
        response.addHeader("Set-Cookie",
                           sessionCookieFor(signedIn.identity,
                                            std::int64_t{services.config.sessionTtlDays} * 86400,
                                            kSessionCookieName));
        return response;
    });
}

Response logon(Services& services, const Request& request) {
    return guarded(Action::Logon, request.path, [&] {
        const std::string_view userName = trim(request.param("username").value_or(""));
        std::string password;
        bool lengthsFit =
            userName.size() >= kMinUserNameChars && userName.size() <= kMaxUserNameChars;
        try {
            password = requirePassword(request, "password");
        } catch (const ApiError&) {
            lengthsFit = false;
        }
        if (!lengthsFit) return failure(Action::Logon, "username or password length error");
        services::OpenRegistration registration;
        registration.userName = std::string(userName);
        registration.password = std::move(password);
        registration.address = request.remoteAddr;
        const std::int64_t userId = services::registerWithoutCode(services, registration);
        return answer(true, "create user success",
                      [&](JsonObject body) { body.set("id", std::to_string(userId)); });
    });
}

}  // namespace mmx::dialects::actions
