#pragma once

#include <string>
#include <string_view>

namespace mmx {

// How a friend list groups and orders names: Chinese by the pinyin of each character
// (ICU's Han-Latin, which gives a character's most common reading), Latin by its
// letter with accents and full-width forms folded, anything else under '#'.

// 'A'..'Z' from the first character of `name`, or '#' (digits, emoji, other scripts,
// empty names, text that is not UTF-8).
char pinyinInitial(std::string_view name);

// An ASCII key that orders names as the A-Z list shows them: lower-case pinyin or
// folded Latin; characters without a Latin form are kept as they are, after it.
std::string pinyinSortKey(std::string_view name);

}  // namespace mmx
