// /user/user!thirdLogin, !thirdInfo, !bindThird, !unbindThird: thin adapters over
// services/third_party.
#include "handlers/user_third.hpp"

#include "core/api_error.hpp"
#include "core/third_party.hpp"
#include "fcgi/router.hpp"
#include "handlers/params.hpp"
#include "handlers/user_vo.hpp"
#include "services/account_life.hpp"
#include "services/third_party.hpp"

namespace mmx::user {
namespace {

constexpr Names kOpenIdNames = {"openID", "openId", "open_id"};
// The provider's token is a form field; the identity header of the same name (the MMX
// session token) is never read here.
constexpr Names kTokenNames = {"accessToken", "access_token"};

Provider readProvider(const Request& request) {
    const auto mode = optionalInt(request, "mode", 4, 7);
    if (!mode) throwBadParam("缺少参数 mode");
    return *providerOfMode(*mode);
}

services::ThirdSignIn readSignIn(const Request& request) {
    services::ThirdSignIn signIn;
    signIn.presented.provider = readProvider(request);
    const auto openId = firstOf(request, kOpenIdNames);
    if (!openId) throwBadParam("缺少参数 openID");
    if (!isOpenIdText(openId->value)) {
        throwBadParam("参数 " + std::string(openId->name) + " 须为1到128个字母、数字或 _-.=+/");
    }
    signIn.presented.openId = std::string(openId->value);
    signIn.presented.accessToken =
        optionalText(request, nameIn(request, kTokenNames), 1024).value_or("");
    signIn.presented.code = optionalText(request, "code", 1024).value_or("");
    signIn.address = request.remoteAddr;
    signIn.client = request.client;
    return signIn;
}

void writeBindings(JsonObject data, const std::vector<db::ThirdPartyBinding>& bindings) {
    JsonArray list = data.array("bindings");
    for (const auto& binding : bindings) {
        list.addObject().set("mode", binding.provider).set("openID", binding.openId);
    }
}

}  // namespace

Response thirdLogin(Services& services, const Request& request) {
    const services::ThirdSignIn signIn = readSignIn(request);
    const auto dev = optionalText(request, "dev", 64);
    const services::ThirdSignedIn signedIn = services::thirdLogin(services, signIn);
    const auto lastDev =
        services::recordLoginDevice(services, signedIn.identity.userId, request.client, dev);
    Response response("登录成功");
    response.data().set("isReg", signedIn.registered ? 1 : 0);
    if (lastDev) response.data().set("lastDev", *lastDev);
    writeUserVO(response.data().object("userVO"), signedIn.profile, visibilityOf(Relation::Self));
    addIdentityHeaders(response, signedIn.identity);
    return response;
}

Response thirdInfo(Services& services, const Request& request) {
    const services::ThirdSignIn signIn = readSignIn(request);
    const services::ProviderUser user = services::thirdInfo(services, signIn);
    Response response("获取第三方用户信息成功");
    response.data()
        .set("mode", static_cast<int>(signIn.presented.provider))
        .set("openID", user.openId)
        .set("nickName", user.nickName)
        .set("avatar", user.avatarUrl)
        .setJson("userinfo", user.infoJson);
    return response;
}

Response bindThird(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    const services::ThirdSignIn signIn = readSignIn(request);
    services::bindThird(services, actor, signIn);
    Response response("绑定成功");
    writeBindings(response.data(), services::thirdBindings(services, actor));
    return response;
}

Response unbindThird(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    services::unbindThird(services, actor, readProvider(request));
    Response response("解绑成功");
    writeBindings(response.data(), services::thirdBindings(services, actor));
    return response;
}

}  // namespace mmx::user
