#include "core/third_party.hpp"

#include <boost/test/unit_test.hpp>
#include <map>
#include <optional>
#include <string>

#include "adapters/rsa_signature.hpp"
#include "core/config.hpp"

using namespace mmx;

BOOST_AUTO_TEST_SUITE(third_party)

BOOST_AUTO_TEST_CASE(only_the_four_login_modes_name_a_provider) {
    BOOST_CHECK(!providerOfMode(3));
    BOOST_CHECK(!providerOfMode(8));
    BOOST_CHECK(providerOfMode(4) == Provider::QQ);
    BOOST_CHECK(providerOfMode(5) == Provider::WeChat);
    BOOST_CHECK(providerOfMode(6) == Provider::Weibo);
    BOOST_CHECK(providerOfMode(7) == Provider::Alipay);
}

struct BaseUrlCase {
    const char* url;
    bool loopbackHttp;
    bool accepted;
};

BOOST_AUTO_TEST_CASE(base_urls_are_https_and_http_only_for_a_loopback_test_provider) {
    const BaseUrlCase cases[] = {
        {"https://graph.qq.com", false, true},
        {"https://openapi.alipay.com/gateway.do", false, true},
        {"HTTPS://api.weibo.com", false, true},
        {"http://graph.qq.com", false, false},
        {"http://graph.qq.com", true, false},
        {"http://127.0.0.1:18540/qq", false, false},
        {"http://127.0.0.1:18540/qq", true, true},
        {"http://[::1]:8/qq", true, true},
        {"http://localhost/qq", true, true},
        {"http://127.0.0.1.evil.com/qq", true, false},
        {"http://10.0.0.1/qq", true, false},
        {"ftp://graph.qq.com", true, false},
        {"graph.qq.com", false, false},
        {"https://user:pass@graph.qq.com", false, false},
        {"https://graph.qq.com/?a=1", false, false},
        {"https://", false, false},
    };
    for (const auto& c : cases) {
        BOOST_CHECK_MESSAGE(!providerBaseUrlProblem(c.url, c.loopbackHttp) == c.accepted,
                            c.url << " loopbackHttp=" << c.loopbackHttp);
    }
}

BOOST_AUTO_TEST_CASE(
    a_configured_http_base_url_stops_the_server_unless_the_test_setting_allows_it) {
    const auto load = [](const char* allow) {
        return loadConfig([allow](const char* name) -> const char* {
            const std::string n(name);
            if (n == "MMX_SECRET") return "0123456789abcdef0123";
            if (n == "MMX_QQ_BASE_URL") return "http://127.0.0.1:9/qq";
            if (n == "MMX_THIRD_PARTY_LOOPBACK_HTTP") return allow;
            return nullptr;
        });
    };
    BOOST_CHECK_THROW(load(nullptr), std::invalid_argument);
    BOOST_CHECK_THROW(load("0"), std::invalid_argument);
    BOOST_CHECK_EQUAL(load("1").qqBaseUrl, "http://127.0.0.1:9/qq");
}

BOOST_AUTO_TEST_CASE(a_binding_goes_only_while_another_way_to_sign_in_remains) {
    struct Case {
        int others;
        bool mobile;
        bool allowed;
    };
    const Case cases[] = {{0, false, false}, {0, true, true}, {1, false, true}, {2, true, true}};
    for (const auto& c : cases) {
        BOOST_CHECK_EQUAL(mayUnbindThird(c.others, c.mobile), c.allowed);
    }
}

BOOST_AUTO_TEST_CASE(stand_in_and_closed_mobiles_are_not_own_mobiles) {
    BOOST_CHECK(isOwnMobile("13800000000"));
    BOOST_CHECK(!isOwnMobile(""));
    BOOST_CHECK(!isOwnMobile("closed:100001"));
    const std::string standIn = standInMobile("0123456789abcdef");
    BOOST_CHECK(!isOwnMobile(standIn));
    BOOST_CHECK_LE(standIn.size(), 20u);
}

BOOST_AUTO_TEST_CASE(open_ids_are_short_plain_ascii) {
    BOOST_CHECK(isOpenIdText("B2C4A8F0E1D2C3B4A5F6E7D8C9B0A1F2"));
    BOOST_CHECK(isOpenIdText("oQ-x_y=+/."));
    BOOST_CHECK(!isOpenIdText(""));
    BOOST_CHECK(!isOpenIdText("a b"));
    BOOST_CHECK(!isOpenIdText("用户"));
    BOOST_CHECK(!isOpenIdText(std::string(129, 'a')));
    BOOST_CHECK(isOpenIdText(std::string(128, 'a')));
}

BOOST_AUTO_TEST_CASE(the_first_nickname_is_the_providers_cut_to_size_or_the_fallback) {
    BOOST_CHECK_EQUAL(firstNickName("  QQ小明 ", 20, "QQ用户"), "QQ小明");
    BOOST_CHECK_EQUAL(firstNickName("一二三四五六", 4, "x"), "一二三四");
    BOOST_CHECK_EQUAL(firstNickName("", 20, "微博用户"), "微博用户");
    BOOST_CHECK_EQUAL(firstNickName("a\nb", 20, "f"), "f");
    BOOST_CHECK_EQUAL(firstNickName("\xff\xfe", 20, "f"), "f");
    BOOST_CHECK_EQUAL(firstNickName("\xe2\x80\xae"
                                    "gpj.exe",
                                    20, "f"),
                      "f");
}

BOOST_AUTO_TEST_CASE(alipay_signs_its_parameters_sorted_without_sign_and_empty_values) {
    const std::map<std::string, std::string> params = {{"method", "alipay.user.info.share"},
                                                       {"app_id", "2021"},
                                                       {"sign", "zzz"},
                                                       {"biz_content", ""},
                                                       {"auth_token", "a b&c"}};
    BOOST_CHECK_EQUAL(alipaySignContent(params),
                      "app_id=2021&auth_token=a b&c&method=alipay.user.info.share");
}

BOOST_AUTO_TEST_CASE(the_signed_member_is_read_as_the_exact_text_alipay_sent) {
    const std::string body =
        R"({"alipay_user_info_share_response" : {"code":"10000","nick_name":"a\"}b","x":[1,{"y":2}]},)"
        R"("sign":"abc"})";
    const auto member = rawJsonMember(body, "alipay_user_info_share_response");
    BOOST_REQUIRE(member);
    BOOST_CHECK_EQUAL(*member, R"({"code":"10000","nick_name":"a\"}b","x":[1,{"y":2}]})");
    BOOST_CHECK(!rawJsonMember(body, "error_response"));
    BOOST_CHECK(!rawJsonMember(body, "sign"));  // not an object
    BOOST_CHECK(!rawJsonMember(R"({"a_response":{"x":1)", "a_response"));
    BOOST_CHECK(!rawJsonMember("not json", "a_response"));
}

BOOST_AUTO_TEST_CASE(qq_answers_are_read_with_or_without_their_jsonp_wrapper) {
    BOOST_CHECK_EQUAL(unwrapJsonp("callback( {\"openid\":\"A\"} );\n"), "{\"openid\":\"A\"}");
    BOOST_CHECK_EQUAL(unwrapJsonp("{\"openid\":\"A\"}"), "{\"openid\":\"A\"}");
}

// A fixed 1024-bit test key pair (small so the test is quick; never used outside tests).
const char* const kPrivatePem = R"(-----BEGIN PRIVATE KEY-----
MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8wggJbAgEAAoGBAMJjUbbWklmurkIz
iyAKgKITzBITtcpyG+RA5rtXzY/xR87jE91RWoZrP3GPMDScKNJaU/8IHXY9fyzQ
exOiR2rJXo8ieRu19CC6DCJ13ffHBpltMnnLI/b9mtHkDIJaVa083WPG/AntokW6
YnHqKyQOt4OSF36UYZYp7ierMPTjAgMBAAECgYATOqXzs0go7Pm5/MVPdxqAbfrq
8t4x15Xgv3bTo3znN1QGKDpn00tkLqnI/wQiwCvdmyfh+5iGgNDaywjRyWTNA/QC
TL8LXZVxVLYibF0jZUpkBPLnqQKBJ1aSaLSWBicWc8I5GwcC7P9nKr7EplUVe50H
gQ5ZKZ+55+2KrSbY2QJBAP8iH/L8g8t+/+2lfD6BvuyU61OYa9+SFF6H8Y/Ni85z
jrnaQc7wZVVHcr+HYKJbRvzmrqxrdwLnsO4eZ+iiyJ0CQQDDDF4Yzpr4mg17lyKV
W9YyE309dbOTRLgtmKvWttHLI3KghcOVPf3qmFb7aT9wGaJc8OQi2DU3pUWO6nVg
fHt/AkB/m4bVVt1oi9Xf/BQ/g0+GLxngzuytfvf3LBFzNoCFuyCY7oRZx703QSww
hbqcmgDQf2TAUmPNLSs+fjDEl561AkAaBsdzlfYV4DCWYkdqGLQPQIyAq/kHWK8e
3nVnlEOQUK2V/+NmQbxlFmjc6WFeqv0AW+CFScZoI3SRqnV5J4MvAkA4yBJdOAZx
vNTjzcJ6WAI7rrm52Gr9U/2EGZ74SHuY5eDh6NICD9GawN+bGclIuSvEIRTKV0hr
V2tOiXMKfzdA
-----END PRIVATE KEY-----
)";
const char* const kPublicPem = R"(-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCY1G21pJZrq5CM4sgCoCiE8wS
E7XKchvkQOa7V82P8UfO4xPdUVqGaz9xjzA0nCjSWlP/CB12PX8s0HsTokdqyV6P
InkbtfQgugwidd33xwaZbTJ5yyP2/ZrR5AyCWlWtPN1jxvwJ7aJFumJx6iskDreD
khd+lGGWKe4nqzD04wIDAQAB
-----END PUBLIC KEY-----
)";

BOOST_AUTO_TEST_CASE(an_rsa2_signature_verifies_only_for_the_exact_text_and_key) {
    const std::string signature = signSha256WithRsa(kPrivatePem, "a=1&b=2");
    BOOST_CHECK(verifySha256WithRsa(kPublicPem, "a=1&b=2", signature));
    BOOST_CHECK(!verifySha256WithRsa(kPublicPem, "a=1&b=3", signature));
    BOOST_CHECK(!verifySha256WithRsa(kPublicPem, "a=1&b=2 ", signature));
    std::string flipped = signature;
    flipped[5] = flipped[5] == 'A' ? 'B' : 'A';
    BOOST_CHECK(!verifySha256WithRsa(kPublicPem, "a=1&b=2", flipped));
    BOOST_CHECK(!verifySha256WithRsa(kPublicPem, "a=1&b=2", ""));
    BOOST_CHECK(!verifySha256WithRsa(kPublicPem, "a=1&b=2", "not base64!"));
    BOOST_CHECK_THROW(verifySha256WithRsa("not a key", "a=1&b=2", signature), RsaKeyError);
    BOOST_CHECK_THROW(signSha256WithRsa("not a key", "x"), RsaKeyError);
}

BOOST_AUTO_TEST_SUITE_END()
