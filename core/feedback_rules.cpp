#include "core/feedback_rules.hpp"

#include "core/chat_rules.hpp"
#include "core/text.hpp"

namespace mmx {

std::optional<std::string> feedbackTextProblem(std::string_view text, std::size_t maxChars) {
    if (auto problem = chatTextProblem(text)) return problem;
    if (*utf8Length(text) > maxChars) return "不能超过" + std::to_string(maxChars) + "个字符";
    return std::nullopt;
}

}  // namespace mmx
