#include "core/shop_search_keys.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <set>

#include "core/pinyin.hpp"
#include "core/text.hpp"

namespace mmx {
namespace {

bool isSpace(UChar32 c) {
    return u_isUWhiteSpace(c) || c == 0x3000;
}

UChar32 foldAscii(UChar32 c) {
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

std::string utf8Of(const std::vector<UChar32>& chars, std::size_t from, std::size_t maxChars) {
    icu::UnicodeString text;
    for (std::size_t i = from; i < chars.size() && i - from < maxChars; ++i) text.append(chars[i]);
    std::string out;
    text.toUTF8String(out);
    return out;
}

// The name's characters, folded: ASCII letters lower-cased, white space dropped.
std::vector<UChar32> foldedChars(std::string_view text) {
    std::vector<UChar32> chars;
    if (!utf8Length(text)) return chars;
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
        const UChar32 c = unicode.char32At(i);
        if (!isSpace(c)) chars.push_back(foldAscii(c));
    }
    return chars;
}

bool isHan(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
}

bool isAsciiAlnum(UChar32 c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

struct Token {
    std::string text;
    bool syllable = false;  // a Han character's pinyin, not a Latin word or a number
};

// Syllables of Han characters and runs of ASCII letters and digits, in order.
std::vector<Token> pinyinTokens(const std::vector<UChar32>& chars) {
    std::vector<Token> tokens;
    std::string word;
    const auto flush = [&] {
        if (!word.empty()) tokens.push_back({std::move(word), false});
        word.clear();
    };
    for (const UChar32 c : chars) {
        if (isAsciiAlnum(c)) {
            word += static_cast<char>(c);
            continue;
        }
        flush();
        if (!isHan(c)) continue;
        icu::UnicodeString one(c);
        std::string utf8;
        one.toUTF8String(utf8);
        std::string syllable;
        for (const char letter : pinyinSortKey(utf8)) {
            if ((letter >= 'a' && letter <= 'z')) syllable += letter;
        }
        if (!syllable.empty()) tokens.push_back({std::move(syllable), true});
    }
    flush();
    return tokens;
}

std::string cut(std::string text) {
    if (text.size() > kMaxKeyChars) text.resize(kMaxKeyChars);  // ASCII here
    return text;
}

}  // namespace

std::vector<std::string> shopNameKeys(std::string_view name) {
    std::set<std::string> keys;
    const std::vector<UChar32> chars = foldedChars(name);
    for (std::size_t i = 0; i < chars.size(); ++i) keys.insert(utf8Of(chars, i, kMaxKeyChars));
    const std::vector<Token> tokens = pinyinTokens(chars);
    std::string initials;
    // A syllable gives its first letter; a Latin word or a number is kept whole (KFC, 12).
    std::vector<std::size_t> initialStarts;
    for (const auto& token : tokens) {
        initialStarts.push_back(initials.size());
        initials += token.syllable ? token.text.substr(0, 1) : token.text;
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string full;
        for (std::size_t j = i; j < tokens.size() && full.size() < kMaxKeyChars; ++j) {
            full += tokens[j].text;
        }
        keys.insert(cut(std::move(full)));
        keys.insert(cut(initials.substr(initialStarts[i])));
    }
    keys.erase("");
    return {keys.begin(), keys.end()};
}

std::optional<std::string> shopSearchKey(std::string_view query) {
    const std::vector<UChar32> chars = foldedChars(query);
    if (chars.empty()) return std::nullopt;
    return utf8Of(chars, 0, kMaxKeyChars);
}

std::string likePrefixPattern(std::string_view key) {
    std::string pattern;
    for (const char c : key) {
        if (c == '\\' || c == '%' || c == '_') pattern += '\\';
        pattern += c;
    }
    return pattern + '%';
}

}  // namespace mmx
