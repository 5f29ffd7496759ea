#include "core/text.hpp"

#include <boost/test/unit_test.hpp>

using namespace mmx;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(parse_int64_accepts_whole_numbers_only) {
    BOOST_TEST(*parseInt64("42") == 42);
    BOOST_TEST(*parseInt64("-7") == -7);
    BOOST_TEST(*parseInt64("+7") == 7);
    BOOST_TEST(!parseInt64(""));
    BOOST_TEST(!parseInt64("12a"));
    BOOST_TEST(!parseInt64(" 1"));
    BOOST_TEST(!parseInt64("99999999999999999999"));
}

BOOST_AUTO_TEST_CASE(utf8_length_counts_characters_not_bytes) {
    BOOST_TEST(*utf8Length("abc") == 3u);
    BOOST_TEST(*utf8Length("彪彪小王子") == 5u);
    BOOST_TEST(*utf8Length("😀") == 1u);
    BOOST_TEST(*utf8Length("") == 0u);
}

BOOST_AUTO_TEST_CASE(utf8_length_refuses_malformed_text) {
    BOOST_TEST(!utf8Length("\xC0\xAF"));          // overlong '/'
    BOOST_TEST(!utf8Length("\xED\xA0\x80"));      // surrogate
    BOOST_TEST(!utf8Length("\xE5\xBD"));          // cut short
    BOOST_TEST(!utf8Length("\xF4\x90\x80\x80"));  // past U+10FFFF
    BOOST_TEST(!utf8Length("\x80"));
}

BOOST_AUTO_TEST_CASE(mainland_mobile_is_eleven_digits_starting_13_to_19) {
    BOOST_TEST(isMainlandMobile("13800000000"));
    BOOST_TEST(isMainlandMobile("19912345678"));
    BOOST_TEST(!isMainlandMobile("12800000000"));
    BOOST_TEST(!isMainlandMobile("1380000000"));
    BOOST_TEST(!isMainlandMobile("138000000000"));
    BOOST_TEST(!isMainlandMobile("1380000000a"));
    BOOST_TEST(!isMainlandMobile("+8613800000"));
}

BOOST_AUTO_TEST_CASE(trim_removes_outer_white_space) {
    BOOST_TEST(trim("  a b \t\r\n") == "a b");
    BOOST_TEST(trim("   ").empty());
}

BOOST_AUTO_TEST_SUITE_END()
