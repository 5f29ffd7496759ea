#include "core/text.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>

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

namespace {

struct DisplayCase {
    const char* name;
    std::string text;
    const char* problem;  // nullptr: accepted
};

std::ostream& operator<<(std::ostream& out, const DisplayCase& c) {
    return out << c.name;
}

const DisplayCase kDisplayCases[] = {
    {"chinese name", "彪彪小王子", nullptr},
    {"latin with inner spaces", "Tom Lee", nullptr},
    {"emoji with a zero-width joiner", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", nullptr},
    {"arabic letters", "\xD8\xB9\xD9\x84\xD9\x8A", nullptr},
    {"a visible character among spaces",
     "\xE3\x80\x80"
     "a"
     "\xE3\x80\x80",
     nullptr},
    {"nothing", "", nullptr},
    {"tab", "a\tb", "含有控制字符"},
    {"line feed", "a\nb", "含有控制字符"},
    {"nul", std::string("a\0b", 3), "含有控制字符"},
    {"delete", "a\x7F", "含有控制字符"},
    {"c1 next line U+0085", "a\xC2\x85", "含有控制字符"},
    {"c1 U+009F", "a\xC2\x9F", "含有控制字符"},
    {"line separator U+2028",
     "a\xE2\x80\xA8"
     "b",
     "含有控制字符"},
    {"right-to-left override U+202E", "\xE2\x80\xAEgpj.exe", "含有改变文字方向的控制字符"},
    {"left-to-right embedding U+202A",
     "\xE2\x80\xAA"
     "a",
     "含有改变文字方向的控制字符"},
    {"pop directional formatting U+202C", "a\xE2\x80\xAC", "含有改变文字方向的控制字符"},
    {"right-to-left isolate U+2067",
     "\xE2\x81\xA7"
     "a",
     "含有改变文字方向的控制字符"},
    {"pop directional isolate U+2069", "a\xE2\x81\xA9", "含有改变文字方向的控制字符"},
    {"left-to-right mark U+200E", "a\xE2\x80\x8E", "含有改变文字方向的控制字符"},
    {"right-to-left mark U+200F", "a\xE2\x80\x8F", "含有改变文字方向的控制字符"},
    {"arabic letter mark U+061C", "a\xD8\x9C", "含有改变文字方向的控制字符"},
    {"one ideographic space", "\xE3\x80\x80", "不能只含空白或不可见字符"},
    {"ascii spaces", "   ", "不能只含空白或不可见字符"},
    {"no-break space", "\xC2\xA0", "不能只含空白或不可见字符"},
    {"zero-width space", "\xE2\x80\x8B", "不能只含空白或不可见字符"},
    {"zero-width joiners", "\xE2\x80\x8C\xE2\x80\x8D", "不能只含空白或不可见字符"},
    {"word joiner", "\xE2\x81\xA0", "不能只含空白或不可见字符"},
    {"byte order mark", "\xEF\xBB\xBF", "不能只含空白或不可见字符"},
    {"hangul filler U+3164", "\xE3\x85\xA4", "不能只含空白或不可见字符"},
    {"hangul choseong filler U+115F", "\xE1\x85\x9F", "不能只含空白或不可见字符"},
    {"hangul jungseong filler U+1160", "\xE1\x85\xA0", "不能只含空白或不可见字符"},
    {"halfwidth hangul filler U+FFA0", "\xEF\xBE\xA0", "不能只含空白或不可见字符"},
    {"braille blank U+2800", "\xE2\xA0\x80\xE2\xA0\x80", "不能只含空白或不可见字符"},
    {"soft hyphen", "\xC2\xAD", "不能只含空白或不可见字符"},
    {"em space and thin space", "\xE2\x80\x83\xE2\x80\x89", "不能只含空白或不可见字符"},
    {"variation selector", "\xEF\xB8\x8F", "不能只含空白或不可见字符"},
    {"tag character U+E0041", "\xF3\xA0\x81\x81", "不能只含空白或不可见字符"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(display_text)

BOOST_DATA_TEST_CASE(display_text_refuses_controls_direction_overrides_and_invisible_names,
                     boost::unit_test::data::make(kDisplayCases), c) {
    const auto problem = displayTextProblem(c.text);
    BOOST_TEST((problem ? *problem : std::string("accepted")) ==
               (c.problem ? std::string(c.problem) : std::string("accepted")));
}

BOOST_AUTO_TEST_SUITE_END()
