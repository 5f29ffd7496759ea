#include "core/feedback_rules.hpp"

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(feedback_rules)

BOOST_AUTO_TEST_CASE(feedback_text_is_counted_in_characters_and_may_span_lines) {
    std::string chinese;
    for (int i = 0; i < 500; ++i) chinese += "好";
    const struct {
        std::string text;
        bool valid;
    } cases[] = {{"App 很好用", true},
                 {"第一行\n第二行\r\n\t第三行", true},
                 {chinese, true},
                 {chinese + "好", false},
                 {std::string(500, 'a'), true},
                 {std::string(501, 'a'), false},
                 {"", false},
                 {" \n\t ", false},
                 {std::string("a\x01b"), false},
                 {std::string("\xff\xfe"), false}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.text.size() << " bytes") {
            BOOST_CHECK_EQUAL(!mmx::feedbackTextProblem(c.text, mmx::kFeedbackMaxChars), c.valid);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
