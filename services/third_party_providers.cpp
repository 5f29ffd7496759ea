#include "services/third_party_providers.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ctime>
#include <iostream>
#include <map>

#include "adapters/provider_http.hpp"
#include "adapters/rsa_signature.hpp"
#include "core/api_error.hpp"
#include "core/clock.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kRejected = "第三方账号验证失败";

[[noreturn]] void reject(std::string_view provider, const std::string& why) {
    std::cerr << "third-party login refused by " << provider << ": " << why << std::endl;
    throw ApiError(ErrorCode::BadCredentials, std::string(kRejected));
}

[[noreturn]] void unreachable(std::string_view provider, const std::string& why) {
    std::cerr << "third-party provider " << provider << " unreachable: " << why << std::endl;
    throw ApiError(ErrorCode::ServerError, "第三方平台暂时无法访问，请稍后再试");
}

std::string textOf(const rapidjson::Value& object, const char* name) {
    if (!object.IsObject()) return {};
    const auto found = object.FindMember(name);
    if (found == object.MemberEnd()) return {};
    if (found->value.IsString()) return found->value.GetString();
    if (found->value.IsInt64()) return std::to_string(found->value.GetInt64());
    if (found->value.IsUint64()) return std::to_string(found->value.GetUint64());
    return {};
}

bool has(const rapidjson::Value& object, const char* name) {
    return object.IsObject() && object.HasMember(name);
}

std::string serialize(const rapidjson::Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

class Call {
  public:
    Call(const Services& services, std::string_view provider)
        : services_(services), provider_(provider) {}

    rapidjson::Document json(bool post, const std::string& url, const HttpParams& params,
                             bool jsonp = false) {
        const std::string body = raw(post, url, params);
        rapidjson::Document document;
        const std::string_view text = jsonp ? unwrapJsonp(body) : std::string_view(body);
        document.Parse(text.data(), text.size());
        if (document.HasParseError() || !document.IsObject()) {
            unreachable(provider_, "answer is not a JSON object");
        }
        return document;
    }

    std::string raw(bool post, const std::string& url, const HttpParams& params) {
        ProviderReply reply;
        try {
            reply = callProvider(post, url, params, services_.config.thirdPartyTimeoutMs);
        } catch (const ProviderUnreachable& error) {
            unreachable(provider_, error.what());
        }
        // Providers answer refusals with 200 and an error object, some with 400/401: the
        // body decides; a 5xx is the provider's own fault.
        if (reply.status >= 500 || reply.status == 0) {
            unreachable(provider_, "status " + std::to_string(reply.status));
        }
        return std::move(reply.body);
    }

  private:
    const Services& services_;
    std::string_view provider_;
};

void requireToken(const ProviderCredentials& presented, bool codeTaken) {
    if (!presented.accessToken.empty()) return;
    if (codeTaken && !presented.code.empty()) return;
    throwBadParam(codeTaken ? "缺少参数 accessToken 或 code" : "缺少参数 accessToken");
}

void requireConfigured(const std::string& appId, Provider provider) {
    if (appId.empty()) {
        throwBadParam("暂不支持" + std::string(providerName(provider)) + "登录 (参数 mode)");
    }
}

ProviderUser finish(const rapidjson::Value& info, std::string openId, const char* nickName,
                    std::initializer_list<const char*> avatars) {
    ProviderUser user;
    user.openId = std::move(openId);
    user.nickName = textOf(info, nickName);
    for (const char* name : avatars) {
        user.avatarUrl = textOf(info, name);
        if (!user.avatarUrl.empty()) break;
    }
    user.infoJson = serialize(info);
    return user;
}

// QQ Connect: oauth2.0/me names the app (client_id) and the user (openid) of the token.
ProviderUser verifyQQ(const Services& services, const ProviderCredentials& presented) {
    const Config& config = services.config;
    requireConfigured(config.qqAppId, Provider::QQ);
    requireToken(presented, false);
    Call call(services, "QQ");
    const auto me = call.json(false, config.qqBaseUrl + "/oauth2.0/me",
                              {{"access_token", presented.accessToken}, {"fmt", "json"}}, true);
    if (has(me, "error")) reject("QQ", "me: error " + textOf(me, "error"));
    if (textOf(me, "client_id") != config.qqAppId) reject("QQ", "token of another app");
    if (textOf(me, "openid") != presented.openId) reject("QQ", "token of another user");
    const auto info = call.json(false, config.qqBaseUrl + "/user/get_user_info",
                                {{"access_token", presented.accessToken},
                                 {"oauth_consumer_key", config.qqAppId},
                                 {"openid", presented.openId}});
    if (textOf(info, "ret") != "0") reject("QQ", "get_user_info: ret " + textOf(info, "ret"));
    return finish(info, presented.openId, "nickname",
                  {"figureurl_qq_2", "figureurl_qq_1", "figureurl_2"});
}

// WeChat: a code is exchanged with our app's secret (so it must have been issued to our
// app); a token is checked with sns/auth against the openid, which WeChat issues per app.
ProviderUser verifyWeChat(const Services& services, const ProviderCredentials& presented) {
    const Config& config = services.config;
    requireConfigured(config.wechatAppId, Provider::WeChat);
    requireToken(presented, true);
    Call call(services, "WeChat");
    std::string token = presented.accessToken;
    if (token.empty()) {
        const auto exchanged = call.json(false, config.wechatBaseUrl + "/sns/oauth2/access_token",
                                         {{"appid", config.wechatAppId},
                                          {"secret", config.wechatAppSecret},
                                          {"code", presented.code},
                                          {"grant_type", "authorization_code"}});
        if (has(exchanged, "errcode")) reject("WeChat", "code: " + textOf(exchanged, "errcode"));
        if (textOf(exchanged, "openid") != presented.openId) {
            reject("WeChat", "code of another user");
        }
        token = textOf(exchanged, "access_token");
    } else {
        const auto checked = call.json(false, config.wechatBaseUrl + "/sns/auth",
                                       {{"access_token", token}, {"openid", presented.openId}});
        if (textOf(checked, "errcode") != "0") {
            reject("WeChat", "sns/auth: " + textOf(checked, "errcode"));
        }
    }
    const auto info = call.json(false, config.wechatBaseUrl + "/sns/userinfo",
                                {{"access_token", token}, {"openid", presented.openId}});
    if (has(info, "errcode") && textOf(info, "errcode") != "0") {
        reject("WeChat", "userinfo: " + textOf(info, "errcode"));
    }
    if (textOf(info, "openid") != presented.openId) reject("WeChat", "info of another user");
    return finish(info, presented.openId, "nickname", {"headimgurl"});
}

// Weibo: get_token_info names the app (appkey) and the user (uid) of the token.
ProviderUser verifyWeibo(const Services& services, const ProviderCredentials& presented) {
    const Config& config = services.config;
    requireConfigured(config.weiboAppKey, Provider::Weibo);
    requireToken(presented, false);
    Call call(services, "Weibo");
    const auto token = call.json(true, config.weiboBaseUrl + "/oauth2/get_token_info",
                                 {{"access_token", presented.accessToken}});
    if (has(token, "error") || has(token, "error_code")) {
        reject("Weibo", "get_token_info: " + textOf(token, "error_code"));
    }
    if (textOf(token, "appkey") != config.weiboAppKey) reject("Weibo", "token of another app");
    if (textOf(token, "uid") != presented.openId) reject("Weibo", "token of another user");
    const auto info =
        call.json(false, config.weiboBaseUrl + "/2/users/show.json",
                  {{"access_token", presented.accessToken}, {"uid", presented.openId}});
    if (has(info, "error_code")) reject("Weibo", "users/show: " + textOf(info, "error_code"));
    if (textOf(info, "id") != presented.openId) reject("Weibo", "info of another user");
    return finish(info, presented.openId, "screen_name", {"avatar_large", "profile_image_url"});
}

std::string chinaTimestamp() {
    const std::time_t seconds = static_cast<std::time_t>(nowMs() / 1000 + 8 * 3600);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts);
    return text;
}

// One call of Alipay's open API: the request signed with our app's key (RSA2), the answer's
// `<method>_response` text checked against Alipay's key before a word of it is read.
rapidjson::Document alipayCall(const Services& services, const std::string& method,
                               std::map<std::string, std::string> params) {
    const Config& config = services.config;
    std::string privateKey;
    std::string publicKey;
    try {
        privateKey = readKeyFile(config.alipayPrivateKeyFile);
        publicKey = readKeyFile(config.alipayPublicKeyFile);
    } catch (const RsaKeyError& error) {
        unreachable("Alipay", error.what());
    }
    params["app_id"] = config.alipayAppId;
    params["method"] = method;
    params["charset"] = "utf-8";
    params["sign_type"] = "RSA2";
    params["timestamp"] = chinaTimestamp();
    params["version"] = "1.0";
    HttpParams form(params.begin(), params.end());
    try {
        form.emplace_back("sign", signSha256WithRsa(privateKey, alipaySignContent(params)));
    } catch (const RsaKeyError& error) {
        unreachable("Alipay", error.what());
    }
    Call call(services, "Alipay");
    const std::string body = call.raw(true, config.alipayGatewayUrl, form);
    std::string member = method;
    for (char& c : member) {
        if (c == '.') c = '_';
    }
    member += "_response";
    const bool refused = !rawJsonMember(body, member) && rawJsonMember(body, "error_response");
    const auto signedText = rawJsonMember(body, refused ? "error_response" : member);
    if (!signedText) unreachable("Alipay", "no " + member + " in the answer");
    rapidjson::Document document;
    document.Parse(body.data(), body.size());
    if (document.HasParseError() || !document.IsObject()) unreachable("Alipay", "not JSON");
    try {
        if (!verifySha256WithRsa(publicKey, *signedText, textOf(document, "sign"))) {
            reject("Alipay", method + ": the answer's signature does not verify");
        }
    } catch (const RsaKeyError& error) {
        unreachable("Alipay", error.what());
    }
    if (refused) {
        reject("Alipay", method + ": " + textOf(document["error_response"], "sub_code"));
    }
    rapidjson::Document answer;
    answer.CopyFrom(document[member.c_str()], answer.GetAllocator());
    return answer;
}

std::string alipayUserOf(const rapidjson::Value& answer) {
    const std::string userId = textOf(answer, "user_id");
    return userId.empty() ? textOf(answer, "open_id") : userId;
}

// Alipay: the auth code is exchanged by a request signed with our app's key (so it must
// have been issued to our app), and every answer carries Alipay's signature.
ProviderUser verifyAlipay(const Services& services, const ProviderCredentials& presented) {
    requireConfigured(services.config.alipayAppId, Provider::Alipay);
    requireToken(presented, true);
    std::string token = presented.accessToken;
    if (token.empty()) {
        const auto exchanged =
            alipayCall(services, "alipay.system.oauth.token",
                       {{"grant_type", "authorization_code"}, {"code", presented.code}});
        if (alipayUserOf(exchanged) != presented.openId) reject("Alipay", "code of another user");
        token = textOf(exchanged, "access_token");
    }
    const auto info = alipayCall(services, "alipay.user.info.share", {{"auth_token", token}});
    if (textOf(info, "code") != "10000") {
        reject("Alipay", "user.info.share: " + textOf(info, "sub_code"));
    }
    if (alipayUserOf(info) != presented.openId) reject("Alipay", "token of another user");
    return finish(info, presented.openId, "nick_name", {"avatar"});
}

}  // namespace

ProviderUser verifyWithProvider(const Services& services, const ProviderCredentials& presented) {
    switch (presented.provider) {
        case Provider::QQ:
            return verifyQQ(services, presented);
        case Provider::WeChat:
            return verifyWeChat(services, presented);
        case Provider::Weibo:
            return verifyWeibo(services, presented);
        case Provider::Alipay:
            return verifyAlipay(services, presented);
    }
    throwBadParam("参数 mode 须为 4、5、6 或 7");
}

}  // namespace mmx::services
