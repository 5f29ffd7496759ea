#pragma once

#include <cstddef>
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

namespace mmx {

// The A-Z list's whole order in one byte string, stored so that a list reads in order
// from an index instead of transliterating every name on every read: the group
// ('A'..'Z', then '[' for '#', which follows 'Z' in ASCII) and then pinyinSortKey.
// Compared byte by byte, two keys order as (group, sort key) do. At most
// kFriendListKeyBytes bytes (the column's width); a longer key is cut.
inline constexpr std::size_t kFriendListKeyBytes = 512;
std::string friendListKey(std::string_view name);

// The group letter ('A'..'Z' or '#') a friendListKey stands for.
char friendListInitial(std::string_view key);

}  // namespace mmx
