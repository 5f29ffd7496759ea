#include "fcgi/identity_headers.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace mmx;

BOOST_AUTO_TEST_SUITE(identity_headers)

BOOST_AUTO_TEST_CASE(a_client_is_one_to_sixty_four_visible_ascii_characters) {
    BOOST_TEST(isValidClient("android-1a2b"));
    BOOST_TEST(isValidClient(std::string(64, 'c')));
    BOOST_TEST(!isValidClient(""));
    BOOST_TEST(!isValidClient(std::string(65, 'c')));
    BOOST_TEST(!isValidClient("a b"));
    BOOST_TEST(!isValidClient("a\r\nb"));
    BOOST_TEST(!isValidClient("手机"));
}

BOOST_AUTO_TEST_CASE(missing_uid_or_token_is_missing_and_a_bad_one_is_invalid) {
    BOOST_TEST((readSessionHeaders("", "t").state == SessionHeaders::Missing));
    BOOST_TEST((readSessionHeaders("7", "").state == SessionHeaders::Missing));
    BOOST_TEST((readSessionHeaders("0", "t").state == SessionHeaders::Invalid));
    BOOST_TEST((readSessionHeaders("-3", "t").state == SessionHeaders::Invalid));
    BOOST_TEST((readSessionHeaders("7x", "t").state == SessionHeaders::Invalid));
    BOOST_TEST((readSessionHeaders("7", std::string(129, 't')).state == SessionHeaders::Invalid));
    const PresentedSession ok = readSessionHeaders("100001", std::string(128, 't'));
    BOOST_TEST((ok.state == SessionHeaders::Present));
    BOOST_TEST(ok.userId == 100001);
}

BOOST_AUTO_TEST_SUITE_END()
