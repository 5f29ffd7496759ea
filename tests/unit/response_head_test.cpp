#include <boost/test/unit_test.hpp>

#include "fcgi/response.hpp"

using namespace mmx;

BOOST_AUTO_TEST_SUITE(response_head)

BOOST_AUTO_TEST_CASE(secure_cookies_mark_every_cookie_once_and_nothing_else) {
    Response response;
    response.addHeader("Set-Cookie", "a=1; Path=/; HttpOnly");
    response.addHeader("set-cookie", "b=2; Path=/; Secure");
    response.addHeader("uid", "7");
    response.makeCookiesSecure();
    response.makeCookiesSecure();
    const auto& headers = response.headers();
    BOOST_TEST(headers[0].second == "a=1; Path=/; HttpOnly; Secure");
    BOOST_TEST(headers[1].second == "b=2; Path=/; Secure");
    BOOST_TEST(headers[2].second == "7");
}

BOOST_AUTO_TEST_CASE(a_header_value_with_cr_or_lf_is_never_written) {
    Response response;
    response.addHeader("client", "app\r\nSet-Cookie: stolen=1");
    response.addHeader("uid", "7\nX: y");
    response.addHeader("expire", "12\r");
    const std::string head = responseHead(response, "OK");
    BOOST_TEST(head.find("stolen") == std::string::npos);
    BOOST_TEST(head.find("X: y") == std::string::npos);
    BOOST_TEST(head.find("expire") == std::string::npos);
    BOOST_TEST(head.find("\n\n") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_header_with_another_control_byte_or_a_bad_name_is_left_out) {
    Response response;
    response.addHeader("client", std::string("a\0b", 3));
    response.addHeader("accessToken", "x\x7f");
    response.addHeader("bad:name", "v");
    response.addHeader("", "v");
    const std::string head = responseHead(response, "OK");
    BOOST_TEST(head.find("client") == std::string::npos);
    BOOST_TEST(head.find("accessToken") == std::string::npos);
    BOOST_TEST(head.find("bad") == std::string::npos);
    BOOST_TEST(head.find("\r\n: v") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(ordinary_headers_are_written_in_order_after_the_fixed_ones) {
    Response response;
    response.addHeader("uid", "100001");
    response.addHeader("client", "手机 app\t1");
    const std::string head = responseHead(response, "OK");
    BOOST_TEST(head ==
               "Status: 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
               "Cache-Control: no-store\r\nuid: 100001\r\nclient: 手机 app\t1\r\n\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
