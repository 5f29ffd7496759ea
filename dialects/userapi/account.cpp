// Translation only: every rule is the services'; no SQL and no repository here.
#include "core/api_error.hpp"
#include "core/third_party.hpp"
#include "dialects/userapi/account_parts.hpp"
#include "dialects/userapi/common.hpp"
#include "fcgi/router.hpp"
#include "handlers/params.hpp"
#include "services/account_kinds.hpp"
#include "services/account_life.hpp"
#include "services/accounts.hpp"
#include "services/personal_json.hpp"
#include "services/photo_from_url.hpp"
#include "services/profiles.hpp"
#include "services/third_party.hpp"

namespace mmx::dialects::userapi {
namespace account {
namespace {

constexpr std::size_t kMaxDevChars = 64;
constexpr std::size_t kMaxNickChars = 30;
constexpr std::size_t kMaxCodeChars = 16;
constexpr Names kOpenIdNames = {"openID", "openId", "open_id"};
constexpr Names kProviderTokenNames = {"accessToken", "access_token"};

// The login's answer: the account, the device of the login before this one ("" for a first
// login) and, for a provider's login, whether it made the account; the house's identity
// headers carry the new session.
Response signedInAnswer(Services& services, const Request& request, const Identity& identity,
                        std::optional<bool> registered) {
    const auto lastDev = services::recordLoginDevice(services, identity.userId, request.client,
                                                     optionalText(request, "dev", kMaxDevChars));
    Response response = ok([&](JsonObject root) {
        root.set("accID", identity.userId);
        root.set("dev", lastDev.value_or(""));
        if (registered) root.set("isReg", *registered ? 1 : 0);
    });
    addIdentityHeaders(response, identity);
    return response;
}

Response loginWithProvider(Services& services, const Request& request, Provider provider) {
    services::ThirdSignIn signIn;
    signIn.presented.provider = provider;
    const auto openId = firstOf(request, kOpenIdNames);
    if (!openId) throwBadParam("缺少参数 openID");
    if (!isOpenIdText(openId->value)) throwBadParam("参数 openID 须为1到128个字母、数字或 _-.=+/");
    signIn.presented.openId = std::string(openId->value);
    signIn.presented.accessToken =
        optionalText(request, nameIn(request, kProviderTokenNames), 1024).value_or("");
    signIn.presented.code = optionalText(request, "code", 1024).value_or("");
    signIn.address = request.remoteAddr;
    signIn.client = request.client;
    const services::ThirdSignedIn signedIn = services::thirdLogin(services, signIn);
    return signedInAnswer(services, request, signedIn.identity, signedIn.registered);
}

std::string readMobile(const Request& request) {
    return requireMobile(request, "phone");
}

std::optional<std::string> optionalCode(const Request& request) {
    if (!request.param("code")) return std::nullopt;
    return requireText(request, "code", 1, kMaxCodeChars);
}

// The purpose a code route names (register, reset, bind), or nullopt: the mobile decides.
std::optional<services::CodePurpose> readPurpose(const Request& request) {
    const auto text = optionalText(request, "purpose", 16);
    if (!text || text->empty()) return std::nullopt;
    const auto purpose = services::purposeNamed(*text);
    if (!purpose || *purpose == services::CodePurpose::Destroy) {
        throwBadParam("参数 purpose 只能是 register、reset 或 bind");
    }
    return purpose;
}

}  // namespace

// mode 1 account (a user name, or a mobile), 2 phone, 3 email; 4–7 a provider's account.
Response login(Services& services, const Request& request) {
    const auto mode = optionalInt(request, "mode", 1, 7);
    if (!mode) throwBadParam("缺少参数 mode");
    if (*mode >= 4) return loginWithProvider(services, request, *providerOfMode(*mode));
    services::SignIn signIn;
    if (*mode == 2) {
        signIn.loginName = readMobile(request);
    } else {
        signIn.loginName = requireText(request, *mode == 1 ? "account" : "email", 1, 254);
    }
    signIn.password = requirePassword(request, "password");
    signIn.address = request.remoteAddr;
    signIn.client = request.client;
    const services::SignedIn signedIn = services::login(services, signIn);
    return signedInAnswer(services, request, signedIn.identity, std::nullopt);
}

Response logout(Services& services, const Request& request) {
    services::signOut(services, request.actor().userId, request.actor().client);
    Response response = ok();
    response.markSessionEnded();
    return response;
}

// With `code` the code is checked here; without, the mobile's code proven by vercode is spent.
Response registerAccount(Services& services, const Request& request) {
    const std::string mobile = readMobile(request);
    const std::string password = requirePassword(request, "password");
    const auto code = optionalCode(request);
    const std::int64_t userId =
        code ? services::registerAccount(services, request.remoteAddr, mobile, password, *code)
             : services::registerByProvenCode(services, request.remoteAddr, mobile, password);
    return ok([&](JsonObject root) { root.set("accID", userId); });
}

Response gencode(Services& services, const Request& request) {
    services::sendCodeFor(services, request.remoteAddr, readMobile(request), readPurpose(request));
    return ok();
}

Response vercode(Services& services, const Request& request) {
    const std::string mobile = readMobile(request);
    const std::string code = requireText(request, "code", 1, kMaxCodeChars);
    const auto named = readPurpose(request);
    const auto purpose = named ? *named : services::purposeForMobile(services, mobile);
    services::verifyCode(services, request.remoteAddr, mobile, purpose, code);
    return ok();
}

Response resetpw(Services& services, const Request& request) {
    const std::string mobile = readMobile(request);
    const std::string password = requirePassword(request, "password");
    if (const auto code = optionalCode(request)) {
        services::resetPassword(services, request.remoteAddr, mobile, password, *code);
    } else {
        services::resetPasswordByProvenCode(services, request.remoteAddr, mobile, password);
    }
    return ok();
}

Response readPersonal(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const services::ProfileView view = services::readProfile(services, actor, actor.userId);
    const std::string email = services::emailOf(services, actor.userId);
    return ok([&](JsonObject root) {
        services::writePersonal(root.object("info"), view.profile, email);
    });
}

// `attr` 1 name, 2 portrait (a picture URL, fetched as the house's photoFromUrl does),
// 3 gender (1 male, 2 female), 4 city (one of the app's city ids).
Response changePersonal(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto attr = optionalInt(request, "attr", 1, 4);
    if (!attr) throwBadParam("缺少参数 attr");
    db::ProfileValues changes;
    std::optional<std::int64_t> cityId;
    switch (*attr) {
        case 1:
            changes[static_cast<std::size_t>(db::ProfileField::NickName)] =
                requireText(request, "name", 1, kMaxNickChars);
            break;
        case 2: {
            const std::string url =
                services::setPhotoFromUrl(services, me, requireText(request, "portrait", 1, 2000));
            return ok([&](JsonObject root) { root.set("portrait", url); });
        }
        case 3: {
            const auto gender = optionalInt(request, "gender", 1, 2);
            if (!gender) throwBadParam("缺少参数 gender");
            changes[static_cast<std::size_t>(db::ProfileField::Sex)] = std::to_string(*gender);
            break;
        }
        default:
            cityId = requireId(request, "city");
            break;
    }
    services::updateProfile(services, me, changes, cityId);
    return ok();
}

// The house moves an account to a new mobile only with that mobile's bind code (gencode with
// purpose=bind sends it).
Response bindphone(Services& services, const Request& request) {
    const std::string mobile = readMobile(request);
    const auto code = optionalCode(request);
    if (!code) throwBadParam("缺少参数 code（新手机的验证码，gencode purpose=bind 发送）");
    services::bindPhone(services, request.actor(), request.remoteAddr, mobile, *code);
    return ok();
}

}  // namespace account

std::vector<DialectRoute> accountRoutes() {
    using enum DialectAccess;
    using namespace account;
    // clang-format off
    return {
        {Method::Post,   "/user/login",                      Client,  login},
        {Method::Post,   "/user/logout",                     Headers, logout},
        {Method::Post,   "/user/register",                   Client,  registerAccount},
        {Method::Post,   "/user/gencode",                    Client,  gencode},
        {Method::Post,   "/user/vercode",                    Client,  vercode},
        {Method::Post,   "/user/resetpw",                    Client,  resetpw},
        {Method::Get,    "/user/personal",                   Headers, readPersonal},
        {Method::Post,   "/user/personal",                   Headers, changePersonal},
        {Method::Get,    "/user/address",                    Headers, addressList},
        {Method::Post,   "/user/address",                    Headers, addressChange},
        {Method::Put,    "/user/address",                    Headers, addressAdd},
        {Method::Delete, "/user/address",                    Headers, addressDelete},
        {Method::Post,   "/user/address/default",            Headers, addressDefault},
        {Method::Post,   "/user/bindphone",                  Headers, bindphone},
        {Method::Post,   "/user/friend/diff",                Headers, friendDiff},
        {Method::Get,    "/user/friend",                     Headers, friendRead},
        {Method::Post,   "/user/friend/name",                Headers, friendName},
        {Method::Get,    "/user/friend/private",             Headers, friendPrivate},
        {Method::Post,   "/user/friend/invite",              Headers, friendInvite},
        {Method::Post,   "/user/friend/accept",              Headers, friendAccept},
        {Method::Get,    "/user/info",                       Headers, userInfo},
        {Method::Get,    "/user/setting/private",            Headers, privacyRead},
        {Method::Post,   "/user/setting/private",            Headers, privacyChange},
        {Method::Get,    "/user/feedback",                   Headers, feedbackList},
        {Method::Post,   "/user/feedback",                   Headers, feedbackSubmit},
        {Method::Get,    "/user/version",                    Client,  version},
        {Method::Get,    "/userweb/{uid}/friends",           Headers, webFriends},
        {Method::Get,    "/userweb/search/{key}",            Headers, webSearch},
        {Method::Post,   "/userweb/{uid}/friend/remark",     Headers, webRemark},
        {Method::Get,    "/userweb/qqinfo/{openid}",         Client,  qqInfo},
        {Method::Get,    "/userweb/weiboinfo/{uid}",         Client,  weiboInfo},
        {Method::Get,    "/userweb/thirdlogin/wechat/info",  Client,  wechatInfo},
        {Method::Get,    "/userweb/imgupload",               Headers, imgUpload},
        {Method::Get,    "/userweb/quickmodifyimg",          Headers, quickModifyImg},
        {Method::Post,   "/userweb/selectphones",            Headers, selectPhones},
    };
    // clang-format on
}

}  // namespace mmx::dialects::userapi
