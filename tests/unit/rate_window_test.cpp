#include "core/rate_window.hpp"

#include <boost/test/unit_test.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"

using namespace mmx;

BOOST_AUTO_TEST_SUITE(rate_window)

BOOST_AUTO_TEST_CASE(hits_in_one_window_share_a_bucket) {
    const std::int64_t window = 15 * kMinuteMs;
    BOOST_TEST(windowBucket("login-ip", "1.2.3.4", 0, window) ==
               windowBucket("login-ip", "1.2.3.4", window - 1, window));
}

BOOST_AUTO_TEST_CASE(the_next_window_starts_a_new_bucket) {
    const std::int64_t window = 15 * kMinuteMs;
    BOOST_TEST(windowBucket("login-ip", "1.2.3.4", window - 1, window) !=
               windowBucket("login-ip", "1.2.3.4", window, window));
}

BOOST_AUTO_TEST_CASE(limits_and_keys_do_not_share_buckets) {
    BOOST_TEST(windowBucket("a", "k", 5, 10) != windowBucket("b", "k", 5, 10));
    BOOST_TEST(windowBucket("a", "k1", 5, 10) != windowBucket("a", "k2", 5, 10));
}

BOOST_AUTO_TEST_CASE(a_long_key_is_cut_to_fit_the_column) {
    BOOST_TEST(windowBucket("login-fail", std::string(500, 'x'), 0, 10).size() <= 160u);
}

BOOST_AUTO_TEST_CASE(a_long_chinese_key_is_cut_between_characters) {
    std::string name;
    for (int i = 0; i < 40; ++i) name += "张";  // 120 bytes, 3 a character
    const std::string bucket = windowBucket("password-tries", "name:" + name, 0, 10);
    BOOST_TEST(utf8Length(bucket).has_value());
}

BOOST_AUTO_TEST_CASE(window_end_is_the_start_of_the_next_window) {
    BOOST_TEST(windowEnd(0, 10) == 10);
    BOOST_TEST(windowEnd(9, 10) == 10);
    BOOST_TEST(windowEnd(10, 10) == 20);
}

BOOST_AUTO_TEST_CASE(china_day_changes_at_midnight_beijing_time) {
    // 2026-01-01T15:59:59.999Z is 23:59:59.999 in Beijing; one millisecond later is a new day.
    const std::int64_t beforeMidnight = 1767283199999;
    BOOST_TEST(chinaDayIndex(beforeMidnight) + 1 == chinaDayIndex(beforeMidnight + 1));
}

BOOST_AUTO_TEST_SUITE_END()
