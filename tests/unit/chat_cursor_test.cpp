#include "core/chat_cursor.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace mmx;

BOOST_AUTO_TEST_SUITE(chat_cursor)

BOOST_AUTO_TEST_CASE(a_cursor_reads_back_as_the_position_it_was_made_from) {
    for (const std::int64_t seq :
         {std::int64_t{0}, std::int64_t{1}, std::int64_t{50}, std::int64_t{1} << 40, INT64_MAX}) {
        const std::string cursor = encodeFeedCursor(100042, seq);
        BOOST_TEST(decodeFeedCursor(cursor, 100042).value_or(-1) == seq);
    }
}

BOOST_AUTO_TEST_CASE(the_empty_cursor_is_the_start_of_the_feed) {
    BOOST_TEST(decodeFeedCursor("", 7).value_or(-1) == 0);
}

BOOST_AUTO_TEST_CASE(cursor_is_url_safe_text_that_does_not_show_the_number) {
    const std::string cursor = encodeFeedCursor(100001, 12345);
    BOOST_TEST(cursor.find_first_not_of(
                   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
               std::string::npos);
    BOOST_TEST(cursor.find("12345") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(another_users_cursor_is_refused) {
    BOOST_TEST(!decodeFeedCursor(encodeFeedCursor(100001, 9), 100002));
}

BOOST_AUTO_TEST_CASE(malformed_cursors_are_refused) {
    const std::string good = encodeFeedCursor(5, 9);
    BOOST_TEST(!decodeFeedCursor("12", 5));
    BOOST_TEST(!decodeFeedCursor("not a cursor at all!!!!", 5));
    BOOST_TEST(!decodeFeedCursor(good + "A", 5));
    BOOST_TEST(!decodeFeedCursor(good.substr(1), 5));
    std::string plus = good;
    plus[3] = '+';  // standard base64, not the URL-safe alphabet
    BOOST_TEST(!decodeFeedCursor(plus, 5));
    // another version byte
    std::string other = good;
    other[0] = other[0] == 'A' ? 'B' : 'A';
    BOOST_TEST(!decodeFeedCursor(other, 5));
}

BOOST_AUTO_TEST_CASE(a_cursor_past_the_largest_sequence_is_refused) {
    // version 1, user 5, feed_seq 2^64-1: base64url of 01 00..05 FF..FF
    const std::string huge = encodeFeedCursor(5, INT64_MAX);
    BOOST_TEST(decodeFeedCursor(huge, 5).has_value());
    std::string tooBig = huge;
    tooBig[12] = '_';  // sets the top bit of the sequence
    BOOST_TEST(!decodeFeedCursor(tooBig, 5));
}

BOOST_AUTO_TEST_SUITE_END()
