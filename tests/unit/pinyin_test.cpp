// The A-Z friend list's grouping: the first letter of the pinyin, Latin letters as they
// are, everything else under '#'.
#include "core/pinyin.hpp"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>
#include <vector>

using mmx::pinyinInitial;
using mmx::pinyinSortKey;

BOOST_AUTO_TEST_SUITE(pinyin)

struct Case {
    const char* name;
    char initial;
};

BOOST_AUTO_TEST_CASE(chinese_names_group_under_the_first_letter_of_their_pinyin) {
    const Case cases[] = {
        {"沈阳", 'S'}, {"张三", 'Z'}, {"李白", 'L'}, {"王五", 'W'}, {"欧阳修", 'O'},
        {"阿里", 'A'}, {"吕布", 'L'}, {"女娲", 'N'}, {"安", 'A'},   {"喵喵", 'M'},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            BOOST_CHECK_EQUAL(pinyinInitial(c.name), c.initial);
        }
    }
}

// A character with several readings is grouped by its most common one, as a phone's
// contact list does; surname-only readings (单 shàn, 曾 zēng, 朴 piáo) lose.
BOOST_AUTO_TEST_CASE(multi_reading_characters_take_their_common_reading) {
    const Case cases[] = {
        {"行", 'X'},    // xíng, not háng
        {"乐乐", 'L'},  // lè, not yuè
        {"会计", 'H'},  // huì, not kuài
        {"单位", 'D'},  // dān, not shàn
        {"曾经", 'C'},  // céng, not zēng
        {"解放", 'J'},  // jiě, not xiè
        {"仇人", 'C'},  // chóu, not qiú
        {"区长", 'Q'},  // qū, not ōu
        {"朴素", 'P'},  // pǔ, not piáo
        {"查理", 'C'},  // chá, not zhā
        {"重要", 'Z'},  // zhòng, not chóng
        {"都市", 'D'},  // dōu / dū: D either way
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            BOOST_CHECK_EQUAL(pinyinInitial(c.name), c.initial);
        }
    }
}

BOOST_AUTO_TEST_CASE(latin_names_group_under_their_letter_whatever_the_case_or_accent) {
    const Case cases[] = {
        {"alice", 'A'},  {"Bob", 'B'}, {"émile", 'E'}, {"Ölaf", 'O'},
        {"ＺＯＥ", 'Z'}, {"ß", 'S'},   {"x", 'X'},     {"Zhang三", 'Z'},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.name) {
            BOOST_CHECK_EQUAL(pinyinInitial(c.name), c.initial);
        }
    }
}

BOOST_AUTO_TEST_CASE(digits_emoji_symbols_and_other_scripts_go_under_hash) {
    const char* const names[] = {"007",  "1号",   "😀", "😀张三", "🐱Tom", "_bob",    "@微信",
                                 "Иван", "Ωmega", "①", "",      " ",    "\xff\xfe"};
    for (const char* name : names) {
        BOOST_TEST_CONTEXT("'" << name << "'") {
            BOOST_CHECK_EQUAL(pinyinInitial(name), '#');
        }
    }
}

BOOST_AUTO_TEST_CASE(sort_keys_order_chinese_and_latin_names_together_by_pinyin) {
    std::vector<std::string> names = {"张三", "alice", "沈阳", "Bob", "李白", "zoe", "阿里"};
    std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
        return pinyinSortKey(a) < pinyinSortKey(b);
    });
    const std::vector<std::string> expected = {"阿里", "alice", "Bob", "李白",
                                               "沈阳", "张三",  "zoe"};
    BOOST_CHECK_EQUAL_COLLECTIONS(names.begin(), names.end(), expected.begin(), expected.end());
    BOOST_CHECK_EQUAL(pinyinSortKey("沈阳"), "shen yang");
    BOOST_CHECK_EQUAL(pinyinSortKey("Émile"), "emile");
}

// The stored key must order exactly as the list did when it sorted in memory: by the
// group (A-Z, then '#'), then by the sort key.
BOOST_AUTO_TEST_CASE(stored_list_keys_order_names_as_group_then_sort_key) {
    const std::vector<std::string> names = {
        "张三",  "alice",  "沈阳", "Bob",  "李白", "zoe",   "阿里", "123", "😀笑", "",
        "Émile", "ｚｅｄ", "吕布", "Иван", "_x",   "zhang", "张",   "a",   "A",   "#1"};
    auto rank = [](char initial) { return initial == '#' ? 26 : initial - 'A'; };
    for (const auto& a : names) {
        for (const auto& b : names) {
            BOOST_TEST_CONTEXT(a << " / " << b) {
                const auto before = std::make_pair(rank(mmx::pinyinInitial(a)), pinyinSortKey(a)) <
                                    std::make_pair(rank(mmx::pinyinInitial(b)), pinyinSortKey(b));
                BOOST_TEST((mmx::friendListKey(a) < mmx::friendListKey(b)) == before);
            }
        }
        BOOST_TEST(mmx::friendListInitial(mmx::friendListKey(a)) == mmx::pinyinInitial(a));
    }
    BOOST_TEST(mmx::friendListKey("沈阳") == "Sshen yang");
    BOOST_TEST(mmx::friendListKey("123").front() == '[');
}

BOOST_AUTO_TEST_SUITE_END()
