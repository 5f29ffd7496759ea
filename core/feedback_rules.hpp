#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mmx {

// A user's feedback message, and a staff reply, in characters.
inline constexpr std::size_t kFeedbackMaxChars = 500;
inline constexpr std::size_t kFeedbackReplyMaxChars = 2000;
// Messages a user may send a China calendar day; the next is RATE_LIMITED until midnight.
inline constexpr std::int64_t kFeedbackDailyLimit = 10;

// Why a feedback message (or reply) cannot be stored as it is, or nullopt: the rules of a
// chat text (well-formed UTF-8, line breaks and tabs but no other control characters, not
// only white space) and at most `maxChars` characters.
std::optional<std::string> feedbackTextProblem(std::string_view text, std::size_t maxChars);

}  // namespace mmx
