// Translation only: every rule is the services' (the same the /user/… routes call); no SQL and
// no repository here.
#include <string>

#include "core/third_party.hpp"
#include "dialects/picchat/common.hpp"
#include "dialects/session_cookie.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"
#include "services/account_life.hpp"
#include "services/accounts.hpp"
#include "services/photo_from_url.hpp"
#include "services/profiles.hpp"

namespace mmx::dialects::picchat {
namespace {

constexpr std::size_t kMaxEmailChars = 254;
constexpr std::size_t kMaxUrlChars = 2000;

// The account's own mobile, "" for one that has none (made by e-mail, or a stand-in).
std::string ownMobileOf(const db::UserProfile& profile) {
    return isOwnMobile(profile.mobile) ? profile.mobile : std::string();
}

Response signedOut(Response response) {
    response.addHeader("Set-Cookie", clearedSessionCookie(kCookie));
    return response;
}

Response registerAccount(Services& services, const Request& request) {
    services::OpenRegistration registration;
    registration.email = requireText(request, "email", 1, kMaxEmailChars);
    registration.password = requirePassword(request, "password");
    registration.address = request.remoteAddr;
    const std::int64_t userId = services::registerWithoutCode(services, registration);
    return ok(Ack::Without, [&](JsonObject root) { root.set("userId", userId); });
}

Response login(Services& services, const Request& request) {
    services::SignIn signIn;
    signIn.loginName = requireText(request, "email", 1, kMaxEmailChars);
    signIn.password = requirePassword(request, "password");
    signIn.address = request.remoteAddr;
    signIn.client = newDialectClient(kName);
    const services::SignedIn signedIn = services::login(services, signIn);
    Response response =
        ok(Ack::Without, [&](JsonObject root) { root.set("userId", signedIn.identity.userId); });
    response.addHeader(
        "Set-Cookie",
        sessionCookieFor(signedIn.identity, std::int64_t{services.config.sessionTtlDays} * 86400,
                         kCookie));
    return response;
}

Response logout(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    services::signOut(services, request.actor().userId, request.actor().client);
    return signedOut(ok(Ack::Without));
}

// Every session of the account ends, this one too (the house's rule): the cookie is cleared.
Response updatePassword(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const std::string oldPassword = requirePassword(request, "oldPassword");
    const std::string newPassword = requirePassword(request, "newPassword");
    services::changePassword(services, request.actor(), request.remoteAddr, oldPassword,
                             newPassword);
    return signedOut(ok(Ack::Without));
}

// `avatar` is fetched as user!photoFromUrl fetches one; `mobile` only binds through an SMS code
// (user!sendBindCode, user!bindPhone), so here it may only repeat the account's own.
Response updateInfo(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const std::int64_t me = request.actor().userId;
    const auto avatar = optionalText(request, "avatar", kMaxUrlChars);
    const auto mobile = optionalText(request, "mobile", 20);
    if (!avatar && !mobile) throwBadParam("缺少参数 avatar 或 mobile");
    if (mobile && !mobile->empty()) {
        const auto view = services::readProfile(services, request.actor(), me);
        if (*mobile != ownMobileOf(view.profile)) {
            throwBadParam("参数 mobile 不能在这里修改：手机号须用短信验证码绑定");
        }
    }
    std::string avatarUrl;
    if (avatar && !avatar->empty()) avatarUrl = services::setPhotoFromUrl(services, me, *avatar);
    return ok(Ack::Without, [&](JsonObject root) {
        if (!avatarUrl.empty()) root.set("avatar", avatarUrl);
    });
}

// Closing an account takes its password and a code sent to its own mobile, as user!destroy.
Response destroy(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const auto password = request.param("password");
    const auto code = request.param("code");
    if (!password || password->empty() || !code || code->empty()) {
        throwBadParam(
            "注销账号须提供 password（登录密码）和 code（发到账号所绑手机的注销验证码）；"
            "没有绑定手机的账号须先绑定手机");
    }
    services::destroyAccount(services, request.actor(), request.remoteAddr,
                             requirePassword(request, "password"), std::string(*code));
    return signedOut(ok(Ack::Without));
}

Response readInfo(Services& services, const Request& request) {
    requireSelf(services, request, "userId");
    const std::int64_t me = request.actor().userId;
    const auto view = services::readProfile(services, request.actor(), me);
    const auto emails = services::emailsOf(services, {me});
    const db::UserProfile& profile = view.profile;
    return ok(Ack::Without, [&](JsonObject root) {
        JsonObject user = root.object("user");
        user.set("userId", me);
        if (const auto email = emails.find(me); email != emails.end()) {
            user.set("email", email->second);
        } else {
            user.setNull("email");
        }
        user.set("nickName", profile[db::ProfileField::NickName].value_or(""));
        user.set("avatar", profile[db::ProfileField::UserPhoto].value_or(""));
        user.set("mobile", ownMobileOf(profile));
    });
}

}  // namespace

std::vector<DialectRoute> userRoutes() {
    using enum DialectAccess;
    // clang-format off
    return {
        {Method::Post,   "/users/user-register",        Open,    registerAccount},
        {Method::Post,   "/users/user-login",           Open,    login},
        {Method::Post,   "/users/user-logout",          Session, logout},
        {Method::Post,   "/users/user-password-update", Session, updatePassword},
        {Method::Post,   "/users/user-info-update",     Session, updateInfo},
        {Method::Delete, "/users/user-destroy",         Session, destroy},
        {Method::Get,    "/users/user-info-read",       Session, readInfo},
    };
    // clang-format on
}

}  // namespace mmx::dialects::picchat
