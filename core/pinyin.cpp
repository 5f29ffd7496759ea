#include "core/pinyin.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <memory>
#include <stdexcept>

#include "core/text.hpp"

namespace mmx {
namespace {

// Building a transliterator parses its rules (milliseconds); a worker builds it once.
icu::Transliterator& toAscii() {
    static const std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(
            icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !made) {
            throw std::runtime_error(std::string("ICU Han-Latin transliterator: ") +
                                     u_errorName(status));
        }
        return made;
    }();
    return *transliterator;
}

std::string transliterate(icu::UnicodeString text) {
    toAscii().transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

char asciiUpper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

char pinyinInitial(std::string_view name) {
    if (!utf8Length(name)) return '#';
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
    if (text.isEmpty()) return '#';
    const UChar32 first = text.char32At(0);
    // Only letters of the Han and Latin scripts have an initial: a digit, a symbol or a
    // Cyrillic letter must not borrow one from what Latin-ASCII makes of it.
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(first, &status);
    if (U_FAILURE(status) || !u_isalpha(first) ||
        (script != USCRIPT_HAN && script != USCRIPT_LATIN)) {
        return '#';
    }
    // The whole name, not its first character alone: ICU reads some words as words (重庆).
    const std::string ascii = transliterate(text);
    const char letter = ascii.empty() ? '#' : asciiUpper(ascii.front());
    return letter >= 'A' && letter <= 'Z' ? letter : '#';
}

std::string pinyinSortKey(std::string_view name) {
    if (!utf8Length(name)) return std::string(name);
    std::string key = transliterate(icu::UnicodeString::fromUTF8(name));
    for (char& c : key) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return key;
}

}  // namespace mmx

namespace mmx {

std::string friendListKey(std::string_view name) {
    const char initial = pinyinInitial(name);
    std::string key(1, initial == '#' ? '[' : initial);
    key += pinyinSortKey(name);
    if (key.size() > kFriendListKeyBytes) key.resize(kFriendListKeyBytes);
    return key;
}

char friendListInitial(std::string_view key) {
    if (key.empty()) return '#';
    const char group = key.front();
    return group >= 'A' && group <= 'Z' ? group : '#';
}

}  // namespace mmx
