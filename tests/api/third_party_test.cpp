// Signing in with QQ, WeChat, Weibo and Alipay (user!thirdLogin), the provider's user info
// (user!thirdInfo), and binding provider accounts (user!bindThird, user!unbindThird),
// against a fake of the four providers in this process (fake_provider.hpp): nothing is
// trusted before the provider confirms the token is valid, ours, and that user's.
#define BOOST_TEST_MODULE api_third_party
#include <chrono>
#include <set>
#include <thread>

#include "fake_provider.hpp"
#include "friend_helpers.hpp"

using namespace friendtest;
using providertest::freshOpenId;
using providertest::provider;
using providertest::providerPhone;
using providertest::runAddress;

namespace {

const std::string kThirdLogin = "/user/user!thirdLogin";
const std::string kThirdInfo = "/user/user!thirdInfo";
const std::string kBindThird = "/user/user!bindThird";
const std::string kUnbindThird = "/user/user!unbindThird";

api::Response thirdLogin(int mode, const std::string& openId, const api::Params& credentials,
                         const std::string& client, const std::string& dev = "",
                         api::HttpClient& http = providerPhone()) {
    api::Params params = {{"mode", std::to_string(mode)}, {"openID", openId}};
    params.insert(params.end(), credentials.begin(), credentials.end());
    if (!dev.empty()) params.emplace_back("dev", dev);
    return http.post(kThirdLogin, params, api::clientHeader(client));
}

api::Response loginWithToken(int mode, const std::string& openId, const std::string& token,
                             const std::string& client = api::uniqueClient()) {
    return thirdLogin(mode, openId, {{"accessToken", token}}, client);
}

// The signed-in user of a thirdLogin answer, as the other suites hold one.
api::TestUser userOf(const api::Response& r, const std::string& client) {
    api::TestUser u;
    u.session.userId = std::stoll(field(*r.data("userVO"), "userId"));
    u.session.uid = r.header("uid");
    u.session.accessToken = r.header("accesstoken");
    u.session.client = client;
    u.session.expire = r.header("expire");
    return u;
}

long long userIdOf(const api::Response& r) {
    return std::stoll(field(*r.data("userVO"), "userId"));
}

std::string isRegOf(const api::Response& r) {
    return field(*r.data(), "isReg");
}

// A new account made by a QQ login.
api::TestUser newQQUser(std::string* openIdOut = nullptr) {
    const std::string openId = freshOpenId();
    const std::string client = api::uniqueClient();
    const api::Response r = loginWithToken(4, openId, "good:" + openId, client);
    MMX_REQUIRE_OK(r);
    if (openIdOut) *openIdOut = openId;
    return userOf(r, client);
}

// The login made no account: the next good login of the same provider user is its first.
void checkNoAccountMade(int mode, const std::string& openId, const api::Params& good) {
    const api::Response r = thirdLogin(mode, openId, good, api::uniqueClient());
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(isRegOf(r), "1");
}

std::string bindingsText(const api::Response& r) {
    std::string text;
    for (const auto& b : r.data("bindings")->GetArray()) text += field(b, "mode") + ",";
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(third_party)

BOOST_AUTO_TEST_CASE(a_first_qq_login_makes_the_account_and_later_ones_find_it) {
    provider();
    const std::string openId = freshOpenId();
    const std::string client = api::uniqueClient();
    const api::Response first =
        thirdLogin(4, openId, {{"accessToken", "good:" + openId}}, client, "IMEI-1");
    MMX_REQUIRE_OK(first);
    BOOST_CHECK_EQUAL(isRegOf(first), "1");
    BOOST_CHECK(first.data()->FindMember("lastDev") == first.data()->MemberEnd());
    BOOST_CHECK_EQUAL(field(*first.data("userVO"), "nickName"), "QQ小明");
    BOOST_CHECK_EQUAL(field(*first.data("userVO"), "phoneNumber"), "");
    // The provider's avatar was fetched and stored like any upload.
    const std::string photo = field(*first.data("userVO"), "userPhoto");
    BOOST_CHECK_MESSAGE(photo.find("/upload/") != std::string::npos, first.describe());
    // The session works.
    MMX_CHECK_OK(call(userOf(first, client), "/user/user!readUser"));

    const api::Response again =
        thirdLogin(4, openId, {{"accessToken", "good:" + openId}}, api::uniqueClient(), "IMEI-2");
    MMX_REQUIRE_OK(again);
    BOOST_CHECK_EQUAL(isRegOf(again), "0");
    BOOST_CHECK_EQUAL(userIdOf(again), userIdOf(first));
    BOOST_CHECK_EQUAL(field(*again.data(), "lastDev"), "IMEI-1");
}

BOOST_AUTO_TEST_CASE(the_provider_token_is_read_from_the_form_never_from_the_session_header) {
    const std::string openId = freshOpenId();
    const std::string client = api::uniqueClient();
    // A good token only in the identity header: the form has none.
    api::Headers headers = api::clientHeader(client);
    headers.emplace_back("accessToken", "good:" + openId);
    const api::Response headerOnly =
        providerPhone().post(kThirdLogin, {{"mode", "4"}, {"openID", openId}}, headers);
    MMX_CHECK_FAILS_WITH(headerOnly, "BAD_PARAM");
    // A stale session token in the header does not hide the form's provider token.
    headers.back().second = "stale-session-token";
    const api::Response both = providerPhone().post(
        kThirdLogin, {{"mode", "4"}, {"openID", openId}, {"accessToken", "good:" + openId}},
        headers);
    MMX_REQUIRE_OK(both);
    BOOST_CHECK_EQUAL(isRegOf(both), "1");
}

BOOST_AUTO_TEST_CASE(a_wrong_token_another_apps_token_or_another_users_token_is_refused) {
    for (const int mode : {4, 5, 6}) {
        const std::string openId = freshOpenId();
        const std::string someoneElse = freshOpenId();
        for (const std::string& token :
             {std::string("nonsense"), "otherapp:" + openId, "good:" + someoneElse}) {
            const api::Response r = loginWithToken(mode, openId, token);
            MMX_CHECK_FAILS_WITH(r, "BAD_CREDENTIALS");
            BOOST_CHECK(!r.header("accesstoken").size());
        }
        checkNoAccountMade(mode, openId, {{"accessToken", "good:" + openId}});
    }
}

BOOST_AUTO_TEST_CASE(wechat_and_alipay_take_the_code_their_flow_hands_the_phone) {
    for (const int mode : {5, 7}) {
        const std::string openId = freshOpenId();
        const api::Response first =
            thirdLogin(mode, openId, {{"code", "code:good:" + openId}}, api::uniqueClient());
        MMX_REQUIRE_OK(first);
        BOOST_CHECK_EQUAL(isRegOf(first), "1");
        BOOST_CHECK_EQUAL(field(*first.data("userVO"), "nickName"),
                          mode == 5 ? "微信小红" : "支付宝用户");
        MMX_CHECK_FAILS_WITH(
            thirdLogin(mode, freshOpenId(), {{"code", "code:nonsense:x"}}, api::uniqueClient()),
            "BAD_CREDENTIALS");
        // A code of another user does not sign in as this one.
        MMX_CHECK_FAILS_WITH(
            thirdLogin(mode, openId, {{"code", "code:good:" + freshOpenId()}}, api::uniqueClient()),
            "BAD_CREDENTIALS");
        const api::Response again = loginWithToken(mode, openId, "good:" + openId);
        MMX_REQUIRE_OK(again);
        BOOST_CHECK_EQUAL(userIdOf(again), userIdOf(first));
    }
}

BOOST_AUTO_TEST_CASE(weibo_signs_in_with_a_token_of_our_app) {
    const std::string openId = freshOpenId();
    const api::Response first = loginWithToken(6, openId, "good:" + openId);
    MMX_REQUIRE_OK(first);
    BOOST_CHECK_EQUAL(isRegOf(first), "1");
    BOOST_CHECK_EQUAL(field(*first.data("userVO"), "nickName"), "微博达人");
}

BOOST_AUTO_TEST_CASE(an_alipay_answer_altered_after_signing_is_refused_and_makes_no_account) {
    const std::string openId = freshOpenId();
    const api::Response tampered = loginWithToken(7, openId, "tampered:" + openId);
    MMX_CHECK_FAILS_WITH(tampered, "BAD_CREDENTIALS");
    // The same answer unaltered is taken: it was the signature that refused it.
    checkNoAccountMade(7, openId, {{"accessToken", "good:" + openId}});
    MMX_CHECK_FAILS_WITH(loginWithToken(7, freshOpenId(), "otherapp:x"), "BAD_CREDENTIALS");
}

BOOST_AUTO_TEST_CASE(a_provider_that_is_down_or_slow_is_a_clear_error_within_the_timeout) {
    for (const int mode : {4, 5, 6, 7}) {
        const std::string openId = freshOpenId();
        const api::Response down = loginWithToken(mode, openId, "down:" + openId);
        MMX_CHECK_ANSWER(down, 500, "SERVER_ERROR");
        BOOST_CHECK(down.info().find("第三方平台") != std::string::npos);
        checkNoAccountMade(mode, openId, {{"accessToken", "good:" + openId}});
    }
    const std::string openId = freshOpenId();
    const auto start = std::chrono::steady_clock::now();
    const api::Response slow = loginWithToken(4, openId, "slow:" + openId);
    const auto took = std::chrono::steady_clock::now() - start;
    provider().release();
    BOOST_TEST_MESSAGE("a held provider answer was given up after "
                       << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                       << " ms");
    MMX_CHECK_ANSWER(slow, 500, "SERVER_ERROR");
    // The test stack's provider timeout is 2 s.
    BOOST_CHECK(took >= std::chrono::milliseconds(1900));
    BOOST_CHECK(took < std::chrono::milliseconds(4500));
    checkNoAccountMade(4, openId, {{"accessToken", "good:" + openId}});
}

BOOST_AUTO_TEST_CASE(first_logins_of_one_provider_account_at_once_make_one_account) {
    const std::string openId = freshOpenId();
    constexpr int kPhones = 6;
    std::vector<api::Response> answers(kPhones);
    std::vector<std::thread> phones;
    for (int i = 0; i < kPhones; ++i) {
        phones.emplace_back([&, i] {
            api::HttpClient http(api::stackEnv().baseUrl);
            http.setSourceAddress(runAddress(0));
            answers[i] = thirdLogin(4, openId, {{"accessToken", "good:" + openId}},
                                    api::uniqueClient(), "", http);
        });
    }
    for (auto& phone : phones) phone.join();
    std::set<long long> users;
    int registered = 0;
    for (const auto& r : answers) {
        MMX_REQUIRE_OK(r);
        users.insert(userIdOf(r));
        registered += isRegOf(r) == "1" ? 1 : 0;
    }
    BOOST_CHECK_EQUAL(users.size(), 1u);
    BOOST_CHECK_EQUAL(registered, 1);
    const api::Response later = loginWithToken(4, openId, "good:" + openId);
    MMX_REQUIRE_OK(later);
    BOOST_CHECK_EQUAL(userIdOf(later), *users.begin());
}

BOOST_AUTO_TEST_CASE(third_info_answers_the_providers_user_info) {
    const std::string openId = freshOpenId();
    const api::Response r = providerPhone().post(
        kThirdInfo, {{"mode", "5"}, {"openID", openId}, {"accessToken", "good:" + openId}},
        api::clientHeader(api::uniqueClient()));
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(field(*r.data(), "nickName"), "微信小红");
    BOOST_CHECK_EQUAL(field(*r.data("userinfo"), "openid"), openId);
    BOOST_CHECK_EQUAL(field(*r.data("userinfo"), "city"), "深圳");
    MMX_CHECK_FAILS_WITH(
        providerPhone().post(kThirdInfo,
                             {{"mode", "5"}, {"openID", openId}, {"accessToken", "nonsense"}},
                             api::clientHeader(api::uniqueClient())),
        "BAD_CREDENTIALS");
}

BOOST_AUTO_TEST_CASE(a_bad_mode_open_id_or_missing_token_is_bad_param) {
    const std::string openId = freshOpenId();
    MMX_CHECK_FAILS_WITH(loginWithToken(3, openId, "good:" + openId), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(loginWithToken(4, "bad id!", "good:x"), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(thirdLogin(4, openId, {}, api::uniqueClient()), "BAD_PARAM");
    // QQ and Weibo take a token, not a code.
    MMX_CHECK_FAILS_WITH(
        thirdLogin(4, openId, {{"code", "code:good:" + openId}}, api::uniqueClient()), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(a_mobile_account_binds_a_provider_account_that_then_signs_in_to_it) {
    const api::TestUser u = api::newUser();
    const std::string openId = freshOpenId();
    const api::Response bound =
        call(u, kBindThird, {{"mode", "6"}, {"openID", openId}, {"accessToken", "good:" + openId}});
    MMX_REQUIRE_OK(bound);
    BOOST_CHECK_EQUAL(bindingsText(bound), "6,");
    const api::Response login = loginWithToken(6, openId, "good:" + openId);
    MMX_REQUIRE_OK(login);
    BOOST_CHECK_EQUAL(isRegOf(login), "0");
    BOOST_CHECK_EQUAL(userIdOf(login), u.session.userId);
    // A token the provider refuses binds nothing.
    MMX_CHECK_FAILS_WITH(
        call(u, kBindThird,
             {{"mode", "4"}, {"openID", openId}, {"accessToken", "otherapp:" + openId}}),
        "BAD_CREDENTIALS");
    // The account has a mobile: the binding may go, and then signs up afresh.
    const api::Response unbound = call(u, kUnbindThird, {{"mode", "6"}});
    MMX_REQUIRE_OK(unbound);
    BOOST_CHECK_EQUAL(bindingsText(unbound), "");
    MMX_CHECK_FAILS_WITH(call(u, kUnbindThird, {{"mode", "6"}}), "NOT_FOUND");
    checkNoAccountMade(6, openId, {{"accessToken", "good:" + openId}});
}

BOOST_AUTO_TEST_CASE(a_provider_account_bound_to_another_account_is_conflict) {
    std::string openId;
    newQQUser(&openId);
    const api::TestUser other = api::newUser();
    MMX_CHECK_FAILS_WITH(
        call(other, kBindThird,
             {{"mode", "4"}, {"openID", openId}, {"accessToken", "good:" + openId}}),
        "CONFLICT");
    // One account of a provider per MMX account.
    const std::string first = freshOpenId();
    MMX_REQUIRE_OK(call(other, kBindThird,
                        {{"mode", "5"}, {"openID", first}, {"accessToken", "good:" + first}}));
    const std::string second = freshOpenId();
    MMX_CHECK_FAILS_WITH(
        call(other, kBindThird,
             {{"mode", "5"}, {"openID", second}, {"accessToken", "good:" + second}}),
        "CONFLICT");
}

BOOST_AUTO_TEST_CASE(the_last_way_to_sign_in_cannot_be_unbound_until_a_mobile_is_bound) {
    const api::TestUser u = newQQUser();
    MMX_CHECK_FAILS_WITH(call(u, kUnbindThird, {{"mode", "4"}}), "CONFLICT");
    // Binding a mobile that has an account merges nothing: refused, both stay apart.
    const api::TestUser owner = api::newUser();
    MMX_CHECK_FAILS_WITH(call(u, "/user/user!sendBindCode", {{"phone", owner.mobile}}), "CONFLICT");
    const std::string fresh = api::uniqueMobile();
    MMX_REQUIRE_OK(call(u, "/user/user!sendBindCode", {{"phone", fresh}}));
    MMX_REQUIRE_OK(call(u, "/user/user!bindPhone",
                        {{"phone", fresh}, {"code", api::lastSmsCode(fresh, "bind")}}));
    const api::Response self = call(u, "/user/user!readUser");
    MMX_REQUIRE_OK(self);
    BOOST_CHECK_EQUAL(field(*self.data("userVO"), "phoneNumber"), fresh);
    MMX_CHECK_OK(call(u, kUnbindThird, {{"mode", "4"}}));
}

BOOST_AUTO_TEST_CASE(two_unbinds_at_once_never_leave_an_account_without_a_way_in) {
    // Several accounts at once, each with a QQ and a WeChat binding and no mobile, each
    // sent both unbinds at the same moment.
    constexpr int kAccounts = 4;
    struct Account {
        api::TestUser user;
        std::string qqId;
        std::string wechatId;
        api::Response answers[2];
    };
    std::vector<Account> accounts(kAccounts);
    for (auto& a : accounts) {
        a.user = newQQUser(&a.qqId);
        a.wechatId = freshOpenId();
        MMX_REQUIRE_OK(
            call(a.user, kBindThird,
                 {{"mode", "5"}, {"openID", a.wechatId}, {"accessToken", "good:" + a.wechatId}}));
    }
    std::vector<std::thread> phones;
    for (auto& a : accounts) {
        for (int i = 0; i < 2; ++i) {
            phones.emplace_back([&a, i] {
                api::HttpClient http(api::stackEnv().baseUrl);
                a.answers[i] = http.post(kUnbindThird, {{"mode", i == 0 ? "4" : "5"}},
                                         api::authHeaders(a.user.session));
            });
        }
    }
    for (auto& phone : phones) phone.join();
    for (auto& a : accounts) {
        const int ok = (a.answers[0].code() == "OK") + (a.answers[1].code() == "OK");
        const int conflict =
            (a.answers[0].code() == "CONFLICT") + (a.answers[1].code() == "CONFLICT");
        BOOST_CHECK_EQUAL(ok, 1);
        BOOST_CHECK_EQUAL(conflict, 1);
        // Exactly the binding that stayed still signs in to the account.
        const bool qqStayed = a.answers[1].code() == "OK";
        const std::string kept = qqStayed ? a.qqId : a.wechatId;
        const api::Response in = loginWithToken(qqStayed ? 4 : 5, kept, "good:" + kept);
        MMX_REQUIRE_OK(in);
        BOOST_CHECK_EQUAL(userIdOf(in), a.user.session.userId);
        BOOST_CHECK_EQUAL(isRegOf(in), "0");
    }
}

BOOST_AUTO_TEST_CASE(a_closed_accounts_provider_account_signs_up_afresh) {
    const api::TestUser u = api::newUser();
    const std::string openId = freshOpenId();
    MMX_REQUIRE_OK(call(u, kBindThird,
                        {{"mode", "4"}, {"openID", openId}, {"accessToken", "good:" + openId}}));
    api::ageLastSms(u.mobile);
    MMX_REQUIRE_OK(call(u, "/user/user!sendDestroyCode"));
    MMX_REQUIRE_OK(
        call(u, "/user/user!destroy",
             {{"password", u.password}, {"code", api::lastSmsCode(u.mobile, "destroy")}}));
    const api::Response r = loginWithToken(4, openId, "good:" + openId);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(isRegOf(r), "1");
    BOOST_CHECK_NE(userIdOf(r), u.session.userId);
}

BOOST_AUTO_TEST_CASE(
    an_account_with_only_a_provider_login_is_asked_to_bind_a_mobile_before_closing) {
    const api::TestUser u = newQQUser();
    const api::Response r = call(u, "/user/user!sendDestroyCode");
    MMX_CHECK_FAILS_WITH(r, "CONFLICT");
    BOOST_CHECK(r.info().find("绑定手机") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_disabled_account_cannot_sign_in_with_its_provider_account) {
    std::string openId;
    const api::TestUser u = newQQUser(&openId);
    api::runSql("UPDATE users SET disabled_at = 1 WHERE id = " + id(u));
    MMX_CHECK_FAILS_WITH(loginWithToken(4, openId, "good:" + openId), "FORBIDDEN");
    api::runSql("UPDATE users SET disabled_at = NULL WHERE id = " + id(u));
    MMX_CHECK_OK(loginWithToken(4, openId, "good:" + openId));
}

BOOST_AUTO_TEST_CASE(third_login_is_limited_per_client_address) {
    // A client address of its own, so no other case's calls count.
    api::HttpClient http(api::stackEnv().baseUrl);
    http.setSourceAddress(runAddress(1000003));
    const int limit = std::stoi(std::getenv("MMX_TEST_THIRD_LOGIN_IP_LIMIT"));
    const int before = provider().requestsFor("/qq/");
    int answered = 0;
    api::Response last;
    for (int i = 0; i < limit + 10; ++i) {
        last = thirdLogin(4, "x", {{"accessToken", "nonsense"}}, api::uniqueClient(), "", http);
        if (last.code() == "RATE_LIMITED") break;
        ++answered;
    }
    MMX_CHECK_FAILS_WITH(last, "RATE_LIMITED");
    BOOST_CHECK_EQUAL(answered, limit);
    // Refused before the provider is asked.
    BOOST_CHECK_EQUAL(provider().requestsFor("/qq/") - before, limit);
}

BOOST_AUTO_TEST_SUITE_END()
