#include "core/mcode.hpp"

#include <sodium.h>

#include <algorithm>

namespace mmx {

int mcodeDigitsForAttempt(int attempt) {
    return std::clamp(kMcodeMinDigits + (attempt - 1) / 3, kMcodeMinDigits, kMcodeMaxDigits);
}

std::string randomMcode(int digits) {
    std::string code;
    code += static_cast<char>('1' + randombytes_uniform(9));
    for (int i = 1; i < digits; ++i) code += static_cast<char>('0' + randombytes_uniform(10));
    return code;
}

bool isMcode(std::string_view text) {
    if (text.size() < kMcodeMinDigits || text.size() > kMcodeMaxDigits || text.front() == '0') {
        return false;
    }
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace mmx
