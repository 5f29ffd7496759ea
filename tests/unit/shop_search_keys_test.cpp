// A shop's name keys: any part of the name, and the pinyin (full or initials) from any
// syllable on, is the prefix of one key; queries fold the same way.
#include "core/shop_search_keys.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

namespace {

// What the index answers: some key begins with the query's key.
bool finds(const std::string& name, const std::string& query) {
    const auto key = mmx::shopSearchKey(query);
    if (!key) return false;
    const auto keys = mmx::shopNameKeys(name);
    return std::any_of(keys.begin(), keys.end(),
                       [&](const std::string& k) { return k.rfind(*key, 0) == 0; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shop_search_keys)

BOOST_AUTO_TEST_CASE(a_name_is_found_by_any_chinese_substring) {
    for (const char* part : {"星", "巴克", "咖啡", "星巴克咖啡", "克咖"}) {
        BOOST_TEST_CONTEXT(part) {
            BOOST_CHECK(finds("星巴克咖啡", part));
        }
    }
    BOOST_CHECK(!finds("星巴克咖啡", "奶茶"));
    BOOST_CHECK(!finds("星巴克咖啡", "咖啡店"));
}

BOOST_AUTO_TEST_CASE(a_name_is_found_by_full_pinyin_or_initials_from_any_syllable) {
    const struct {
        const char* query;
        bool found;
    } cases[] = {{"xingbakekafei", true}, {"xingba", true}, {"kafei", true},
                 {"kaf", true},           {"KaFei", true},  {"ka fei", true},
                 {"xbkkf", true},         {"kkf", true},    {"bk", true},
                 {"afei", false},         {"xk", false},    {"naicha", false}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.query) {
            BOOST_CHECK_EQUAL(finds("星巴克咖啡", c.query), c.found);
        }
    }
}

BOOST_AUTO_TEST_CASE(latin_letters_and_digits_fold_to_lower_case_and_spaces_go) {
    BOOST_CHECK(finds("KFC 肯德基", "kfc"));
    BOOST_CHECK(finds("KFC 肯德基", "c肯德"));
    BOOST_CHECK(finds("KFC 肯德基", "kfckdj"));
    BOOST_CHECK(finds("KFC 肯德基", "kdj"));
    BOOST_CHECK(finds("KFC 肯德基", "kendeji"));
    BOOST_CHECK(finds("7-Eleven 便利店", "eleven"));
    BOOST_CHECK(finds("便利店12", "bld12"));
}

BOOST_AUTO_TEST_CASE(keys_are_cut_and_an_empty_query_has_none) {
    const std::string longName(40, 'a');
    for (const auto& key : mmx::shopNameKeys(longName))
        BOOST_CHECK_LE(key.size(), mmx::kMaxKeyChars);
    BOOST_CHECK(finds(longName, std::string(50, 'a')));
    BOOST_CHECK(!mmx::shopSearchKey("   ").has_value());
    BOOST_CHECK(!mmx::shopSearchKey("").has_value());
    BOOST_CHECK(mmx::shopNameKeys("\xff\xfe").empty());
}

BOOST_AUTO_TEST_CASE(like_wildcards_in_a_key_are_escaped) {
    BOOST_CHECK_EQUAL(mmx::likePrefixPattern("a%b_c\\"), "a\\%b\\_c\\\\%");
    BOOST_CHECK_EQUAL(mmx::likePrefixPattern("咖啡"), "咖啡%");
}

BOOST_AUTO_TEST_SUITE_END()
