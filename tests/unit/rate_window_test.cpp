#include "core/rate_window.hpp"

#include <boost/test/unit_test.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"

using namespace mmx;

BOOST_AUTO_TEST_SUITE(rate_window)

BOOST_AUTO_TEST_CASE(limits_and_keys_do_not_share_buckets) {
    BOOST_TEST(limitBucket("a", "k") != limitBucket("b", "k"));
    BOOST_TEST(limitBucket("a", "k1") != limitBucket("a", "k2"));
}

BOOST_AUTO_TEST_CASE(a_long_key_is_cut_to_fit_the_column) {
    BOOST_TEST(limitBucket("password-tries", std::string(500, 'x')).size() <= 160u);
}

BOOST_AUTO_TEST_CASE(a_long_chinese_key_is_cut_between_characters) {
    std::string name;
    for (int i = 0; i < 40; ++i) name += "张";  // 120 bytes, 3 a character
    const std::string bucket = limitBucket("password-tries", "name:" + name);
    BOOST_TEST(utf8Length(bucket).has_value());
}

BOOST_AUTO_TEST_CASE(china_day_changes_at_midnight_beijing_time) {
    // 2026-01-01T15:59:59.999Z is 23:59:59.999 in Beijing; one millisecond later is a new day.
    const std::int64_t beforeMidnight = 1767283199999;
    BOOST_TEST(chinaDayIndex(beforeMidnight) + 1 == chinaDayIndex(beforeMidnight + 1));
}

BOOST_AUTO_TEST_CASE(a_china_day_ends_at_the_next_beijing_midnight) {
    const std::int64_t beforeMidnight = 1767283199999;  // 23:59:59.999 in Beijing
    BOOST_TEST(chinaDayEndMs(beforeMidnight) == beforeMidnight + 1);
    BOOST_TEST(chinaDayEndMs(beforeMidnight + 1) == beforeMidnight + 1 + kDayMs);
}

BOOST_AUTO_TEST_SUITE_END()
