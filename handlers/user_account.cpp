// /user/user!login, !register…, !…Password, !signOut: thin adapters over services/accounts.
#include "fcgi/router.hpp"
#include "handlers/params.hpp"
#include "handlers/user.hpp"
#include "handlers/user_vo.hpp"
#include "services/account_life.hpp"
#include "services/accounts.hpp"

namespace mmx::user {
namespace {

std::string requireCode(const Request& request, std::string_view name) {
    return requireText(request, name, 1, 16);
}

// The login name: the house's userVO.userName, or the shop app's `account` (mode 1, a user
// name or a mobile), `phone` (mode 2) or `email` (mode 3).
constexpr Names kLoginNames = {"userVO.userName", "account", "phone", "email"};
// Signing in by the numeric user id an account by user name was given.
constexpr Names kLoginIdNames = {"userVO.userId", "userId"};
constexpr Names kLoginPasswordNames = {"userVO.password", "password"};

}  // namespace

Response login(Services& services, const Request& request) {
    services::SignIn signIn;
    // The third-party modes are not this route's.
    optionalInt(request, "mode", 1, 3);
    signIn.userId = optionalId(request, kLoginIdNames);
    if (!signIn.userId) {
        signIn.loginName = requireText(request, nameIn(request, kLoginNames), 1, 254);
    }
    signIn.password = requirePassword(request, nameIn(request, kLoginPasswordNames));
    signIn.address = request.remoteAddr;
    signIn.client = request.client;
    const auto dev = optionalText(request, "dev", 64);
    const services::SignedIn signedIn = services::login(services, signIn);
    const auto lastDev =
        services::recordLoginDevice(services, signedIn.identity.userId, request.client, dev);
    Response response("登录成功");
    if (lastDev) response.data().set("lastDev", *lastDev);
    writeUserVO(response.data().object("userVO"), signedIn.profile, visibilityOf(Relation::Self));
    addIdentityHeaders(response, signedIn.identity);
    return response;
}

Response sendRegisterCode(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    services::sendRegisterCode(services, request.remoteAddr, mobile);
    return Response("验证码已发送到手机");
}

Response registerUser(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    const std::string password = requirePassword(request, "userVO.password");
    const std::string code = requireCode(request, "telSecurityCode");
    const std::int64_t userId =
        services::registerAccount(services, request.remoteAddr, mobile, password, code);
    Response response("用户注册成功");
    response.data().object("userVO").set("userId", userId);
    return response;
}

Response sendValidateCodeByRetreve(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    services::sendResetCode(services, request.remoteAddr, mobile);
    return Response("重置密码的验证码已发送到指定手机");
}

Response noLoginUpdatePassword(Services& services, const Request& request) {
    const std::string mobile = requireMobile(request, "userVO.userMobile");
    const std::string password = requirePassword(request, "userVO.password");
    const std::string code = requireCode(request, "validateCode");
    services::resetPassword(services, request.remoteAddr, mobile, password, code);
    return Response("重置密码成功");
}

Response updatePassword(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const std::string oldPassword = requirePassword(request, "oldPassword");
    const std::string newPassword = requirePassword(request, "userVO.password");
    services::changePassword(services, actor, request.remoteAddr, oldPassword, newPassword);
    Response response("用户密码修改成功");
    response.markSessionEnded();
    return response;
}

Response signOut(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    services::signOut(services, actor.userId, actor.client);
    Response response("用户注销成功");
    response.markSessionEnded();
    return response;
}

}  // namespace mmx::user
