#include "core/user_name.hpp"

#include <algorithm>

namespace mmx {
namespace {

bool isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isNameChar(char c) {
    return isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

}  // namespace

std::optional<std::string> userNameProblem(std::string_view name) {
    if (name.size() < kMinUserNameChars || name.size() > kMaxUserNameChars)
        return "用户名须为4到20个字符";
    if (!std::all_of(name.begin(), name.end(), isNameChar)) {
        return "用户名只能包含字母、数字和下划线";
    }
    if (std::all_of(name.begin(), name.end(), isAsciiDigit)) return "用户名不能全是数字";
    return std::nullopt;
}

}  // namespace mmx
