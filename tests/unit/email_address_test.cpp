#include "core/email_address.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace mmx;

BOOST_AUTO_TEST_SUITE(email_address)

BOOST_AUTO_TEST_CASE(ordinary_addresses_are_accepted) {
    for (const char* email :
         {"121927532@qq.com", "a.b+tag@mail.example.cn", "x_y-z@a-b.c.d", "o'neil@example.org"}) {
        BOOST_TEST_INFO(email);
        BOOST_TEST(!emailProblem(email));
    }
}

BOOST_AUTO_TEST_CASE(malformed_addresses_are_refused) {
    const std::string longLocal = std::string(65, 'a') + "@qq.com";
    const std::string tooLong = "a@" + std::string(250, 'b') + ".com";
    for (const std::string& email : {std::string(),
                                     std::string("qq.com"),
                                     std::string("a@@qq.com"),
                                     std::string("a@b@qq.com"),
                                     std::string("@qq.com"),
                                     std::string("a@"),
                                     std::string("a@localhost"),
                                     std::string(".a@qq.com"),
                                     std::string("a.@qq.com"),
                                     std::string("a..b@qq.com"),
                                     std::string("a@-qq.com"),
                                     std::string("a@qq-.com"),
                                     std::string("a@qq..com"),
                                     std::string("a@qq.com."),
                                     std::string("a b@qq.com"),
                                     std::string("张三@qq.com"),
                                     std::string("a@q_q.com"),
                                     std::string("a\n@qq.com"),
                                     longLocal,
                                     tooLong}) {
        BOOST_TEST_INFO(email);
        BOOST_TEST(emailProblem(email).has_value());
    }
}

BOOST_AUTO_TEST_SUITE_END()
