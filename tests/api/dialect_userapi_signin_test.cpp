// The user-API phone's ways in, as its API notes and docs/api.md describe them: /user/login by
// account (a user name or a mobile), by e-mail, and by QQ, WeChat, Weibo or Alipay against the
// fake providers of this process (fake_provider.hpp); and the provider info routes of version 2
// (/userweb/qqinfo/{openid}, /userweb/weiboinfo/{uid}, /userweb/thirdlogin/wechat/info).
#define BOOST_TEST_MODULE api_dialect_userapi_signin
#include "fake_provider.hpp"
#include "userapi_phone.hpp"

using namespace userapitest;
using providertest::freshOpenId;
using providertest::provider;
using providertest::providerPhone;

namespace {

struct ProviderMode {
    int mode;
    const char* nickName;  // what the fake answers for the provider's user
};
const ProviderMode kProviders[] = {
    {4, "QQ小明"}, {5, "微信小红"}, {6, "微博达人"}, {7, "支付宝用户"}};

std::string passwordLogin(int mode, const char* nameField, const std::string& name,
                          const std::string& password) {
    return "{\"mode\":" + std::to_string(mode) + ",\"type\":4,\"" + nameField +
           "\":" + quoted(name) + ",\"password\":" + quoted(password) + ",\"dev\":\"imei-1\"}";
}

// A login of mode 4–7; `credentials` the JSON members after openID (the token or the code).
std::string providerLogin(int mode, const std::string& openId, const std::string& credentials,
                          const std::string& dev = "") {
    return "{\"mode\":" + std::to_string(mode) + ",\"type\":4,\"openID\":" + quoted(openId) + "," +
           credentials + (dev.empty() ? "" : ",\"dev\":" + quoted(dev)) + "}";
}

// A phone that signs in with a provider: from this run's own address, since the provider
// logins are limited per address.
Phone providerSide() {
    provider();
    Phone phone;
    phone.http = &providerPhone();
    return phone;
}

// A success of /user/login: the account it answered, and the session works.
long long signedIn(Phone& phone, const api::Response& r) {
    BOOST_REQUIRE_EQUAL(errOf(r), 0);
    const long long accID = member(r.json, "accID").GetInt64();
    BOOST_TEST(r.header("uid") == std::to_string(accID));
    BOOST_TEST(!r.header("accesstoken").empty());
    CHECK_ERR(phone.send("GET", "/user/personal"), 0);
    return accID;
}

// A refusal of /user/login: no session was handed out.
void refused(const api::Response& r, int err) {
    CHECK_ERR(r, err);
    BOOST_TEST(r.header("uid").empty());
    BOOST_TEST(r.header("accesstoken").empty());
}

// The provider info route's `userinfo`, which must be an object: a view into `r`, so the
// answer must outlive it.
const rapidjson::Value& userinfoOf(const api::Response& r) {
    BOOST_REQUIRE_EQUAL(errOf(r), 0);
    const rapidjson::Value& info = member(r.json, "userinfo");
    BOOST_REQUIRE_MESSAGE(info.IsObject(), r.describe());
    return info;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(userapi_signin)

BOOST_AUTO_TEST_CASE(mode_1_signs_in_by_user_name_or_by_mobile_and_refuses_a_wrong_password) {
    const std::string name = api::uniqueName("u");
    const std::string password = api::uniquePassword();
    const long long named = openAccount({{"userName", name}, {"password", password}});
    Phone byName;
    BOOST_TEST(signedIn(byName, byName.signIn(passwordLogin(1, "account", name, password))) ==
               named);

    const api::TestUser user = api::newUser();
    Phone byMobile;
    BOOST_TEST(signedIn(byMobile,
                        byMobile.signIn(passwordLogin(1, "account", user.mobile, user.password))) ==
               user.session.userId);

    // A wrong password, and a name no account has, are one and the same answer.
    refused(Phone().signIn(passwordLogin(1, "account", name, "not-" + password)), kBadCredentials);
    refused(Phone().signIn(passwordLogin(1, "account", user.mobile, "not-" + user.password)),
            kBadCredentials);
    refused(Phone().signIn(passwordLogin(1, "account", api::uniqueName("nobody"), password)),
            kBadCredentials);
}

BOOST_AUTO_TEST_CASE(mode_3_signs_in_by_e_mail_and_refuses_a_wrong_password) {
    const std::string email = api::uniqueName("m") + "@qq.com";
    const std::string password = api::uniquePassword();
    const long long owner = openAccount({{"email", email}, {"password", password}});
    Phone phone;
    BOOST_TEST(signedIn(phone, phone.signIn(passwordLogin(3, "email", email, password))) == owner);
    refused(Phone().signIn(passwordLogin(3, "email", email, "not-" + password)), kBadCredentials);
    // Mode 3 reads the address from `email`.
    refused(Phone().signIn(passwordLogin(3, "account", email, password)), kBadParam);
}

BOOST_AUTO_TEST_CASE(a_first_provider_login_makes_the_account_and_a_second_finds_it) {
    for (const ProviderMode& each : kProviders) {
        BOOST_TEST_CONTEXT("mode " << each.mode) {
            const std::string openId = freshOpenId();
            // WeChat and Alipay hand the phone a code; QQ and Weibo a token.
            const bool code = each.mode == 5 || each.mode == 7;
            const std::string first = code ? "\"code\":" + quoted("code:good:" + openId)
                                           : "\"accessToken\":" + quoted("good:" + openId);
            Phone phone = providerSide();
            const api::Response made =
                phone.signIn(providerLogin(each.mode, openId, first, "imei-1"));
            const long long accID = signedIn(phone, made);
            BOOST_TEST(member(made.json, "isReg").GetInt() == 1);
            BOOST_TEST(text(made.json, "dev") == "");
            // The account took the provider's nickname.
            const api::Response personal = phone.send("GET", "/user/personal");
            BOOST_REQUIRE_EQUAL(errOf(personal), 0);
            BOOST_TEST(text(member(personal.json, "info"), "name") == each.nickName);

            Phone again = providerSide();
            const api::Response found = again.signIn(providerLogin(
                each.mode, openId, "\"access_token\":" + quoted("good:" + openId), "imei-2"));
            BOOST_TEST(signedIn(again, found) == accID);
            BOOST_TEST(member(found.json, "isReg").GetInt() == 0);
            BOOST_TEST(text(found.json, "dev") == "imei-1");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_wrong_provider_token_is_refused_and_makes_no_account) {
    for (const ProviderMode& each : kProviders) {
        BOOST_TEST_CONTEXT("mode " << each.mode) {
            const std::string openId = freshOpenId();
            for (const std::string& token :
                 {std::string("nonsense"), "otherapp:" + openId, "good:" + freshOpenId()}) {
                refused(providerSide().signIn(
                            providerLogin(each.mode, openId, "\"accessToken\":" + quoted(token))),
                        kBadCredentials);
            }
            // The next good login is the first: the refused ones made nothing.
            Phone phone = providerSide();
            const api::Response first = phone.signIn(
                providerLogin(each.mode, openId, "\"accessToken\":" + quoted("good:" + openId)));
            signedIn(phone, first);
            BOOST_TEST(member(first.json, "isReg").GetInt() == 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_provider_info_routes_answer_the_providers_nickname_and_avatar) {
    Phone phone = providerSide();
    const std::string avatar = provider().avatarUrl();

    const std::string qq = freshOpenId();
    const api::Response qqAnswer =
        phone.get("/userweb/qqinfo/" + qq, {{"access_token", "good:" + qq}});
    const rapidjson::Value& qqInfo = userinfoOf(qqAnswer);
    BOOST_TEST(text(qqInfo, "nickname") == "QQ小明");
    BOOST_TEST(text(qqInfo, "figureurl_qq_2") == avatar);
    // The notes' spelling of the token's name.
    BOOST_TEST(
        text(userinfoOf(phone.get("/userweb/qqinfo/" + qq, {{"assess_token", "good:" + qq}})),
             "nickname") == "QQ小明");

    const std::string weibo = freshOpenId();
    const api::Response weiboAnswer =
        phone.get("/userweb/weiboinfo/" + weibo, {{"code", "good:" + weibo}});
    const rapidjson::Value& weiboInfo = userinfoOf(weiboAnswer);
    BOOST_TEST(text(weiboInfo, "screen_name") == "微博达人");
    BOOST_TEST(text(weiboInfo, "avatar_large") == avatar);
    BOOST_TEST(text(userinfoOf(phone.get("/userweb/weiboinfo/" + weibo,
                                         {{"access_token", "good:" + weibo}})),
                    "screen_name") == "微博达人");

    const std::string wechat = freshOpenId();
    const api::Response wechatAnswer =
        phone.get("/userweb/thirdlogin/wechat/info",
                  {{"access_token", "good:" + wechat}, {"open_id", wechat}});
    const rapidjson::Value& wechatInfo = userinfoOf(wechatAnswer);
    BOOST_TEST(text(wechatInfo, "nickname") == "微信小红");
    BOOST_TEST(text(wechatInfo, "headimgurl") == avatar);

    // Asking made no account: the first login is still the first.
    const api::Response first =
        phone.signIn(providerLogin(4, qq, "\"accessToken\":" + quoted("good:" + qq)));
    BOOST_REQUIRE_EQUAL(errOf(first), 0);
    BOOST_TEST(member(first.json, "isReg").GetInt() == 1);
}

BOOST_AUTO_TEST_CASE(a_provider_info_route_refuses_a_wrong_token_with_1005) {
    Phone phone = providerSide();
    const std::string id = freshOpenId();
    for (const std::string& token :
         {std::string("nonsense"), "otherapp:" + id, "good:" + freshOpenId()}) {
        BOOST_TEST_CONTEXT("token " << token) {
            CHECK_ERR(phone.get("/userweb/qqinfo/" + id, {{"access_token", token}}),
                      kBadCredentials);
            CHECK_ERR(phone.get("/userweb/weiboinfo/" + id, {{"code", token}}), kBadCredentials);
            CHECK_ERR(phone.get("/userweb/thirdlogin/wechat/info",
                                {{"access_token", token}, {"open_id", id}}),
                      kBadCredentials);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_provider_info_route_without_a_token_names_the_phones_own_parameter) {
    Phone phone = providerSide();
    const std::string id = freshOpenId();
    const struct {
        std::string path;
        api::Params params;
        std::string named;
    } cases[] = {
        {"/userweb/qqinfo/" + id, {}, "access_token"},
        {"/userweb/weiboinfo/" + id, {}, "code"},
        {"/userweb/thirdlogin/wechat/info", {{"open_id", id}}, "access_token"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.path) {
            const api::Response r = phone.get(c.path, c.params);
            CHECK_ERR(r, kBadParam);
            BOOST_TEST(text(r.json, "msg") == "缺少参数 " + c.named);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
