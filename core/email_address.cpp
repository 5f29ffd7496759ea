#include "core/email_address.hpp"

#include <algorithm>

namespace mmx {
namespace {

constexpr std::string_view kBadEmail = "邮箱格式不正确";

bool isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isLocalChar(char c) {
    return isAlnum(c) || std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool isDottedRun(std::string_view text) {
    return !text.empty() && text.front() != '.' && text.back() != '.' &&
           text.find("..") == std::string_view::npos;
}

bool isLabel(std::string_view label) {
    return !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
           std::all_of(label.begin(), label.end(), [](char c) { return isAlnum(c) || c == '-'; });
}

}  // namespace

std::optional<std::string> emailProblem(std::string_view email) {
    if (email.empty() || email.size() > 254) return "邮箱须为1到254个字符";
    const std::size_t at = email.find('@');
    if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
        return std::string(kBadEmail);
    }
    const std::string_view local = email.substr(0, at);
    const std::string_view domain = email.substr(at + 1);
    if (local.size() > 64 || !isDottedRun(local) ||
        !std::all_of(local.begin(), local.end(), isLocalChar)) {
        return std::string(kBadEmail);
    }
    if (!isDottedRun(domain) || domain.find('.') == std::string_view::npos) {
        return std::string(kBadEmail);
    }
    for (std::size_t start = 0; start <= domain.size();) {
        const std::size_t dot = std::min(domain.find('.', start), domain.size());
        if (!isLabel(domain.substr(start, dot - start))) return std::string(kBadEmail);
        start = dot + 1;
    }
    return std::nullopt;
}

}  // namespace mmx
