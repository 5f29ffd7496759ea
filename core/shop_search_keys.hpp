#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mmx {

// How a shop's name is found by a part of it (schema/009_shops.sql, shop_name_key).
// MariaDB has no ngram parser for Chinese, so the code stores keys and a query is a
// prefix of one of them, which a B-tree answers as one range:
//   - every suffix of the folded name (ASCII letters lower-cased, spaces dropped), so any
//     substring of the name is a prefix of one: 咖啡 finds 星巴克咖啡;
//   - every suffix of its full pinyin that starts on a syllable: xingbakekafei, bakekafei,
//     kafei, ... so kafei and kaf find it;
//   - every suffix of its pinyin initials: xbkkf, bkkf, kkf, ... so kkf finds it.
// Keys are cut to kMaxKeyChars characters; a query is cut the same way.
inline constexpr std::size_t kMaxKeyChars = 32;

std::vector<std::string> shopNameKeys(std::string_view name);

// The key a search for `query` looks up as a prefix, or nullopt when nothing is left
// of it once folded.
std::optional<std::string> shopSearchKey(std::string_view query);

// `key` with LIKE's wildcards (\ % _) escaped, followed by '%'.
std::string likePrefixPattern(std::string_view key);

}  // namespace mmx
