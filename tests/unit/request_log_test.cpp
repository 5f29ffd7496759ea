#include "fcgi/request_log.hpp"

#include <boost/test/unit_test.hpp>

using mmx::formatLogLine;

BOOST_AUTO_TEST_SUITE(request_log)

BOOST_AUTO_TEST_CASE(a_line_holds_time_route_uid_status_code_and_microseconds) {
    BOOST_TEST(
        formatLogLine(1767225600123, "/user/user!login", "100001", 200, "OK", 1234) ==
        "2026-01-01T00:00:00.123Z route=/user/user!login uid=100001 status=200 code=OK us=1234\n");
}

BOOST_AUTO_TEST_CASE(an_anonymous_request_logs_a_dash_for_uid) {
    BOOST_TEST(formatLogLine(0, "/x", "", 404, "NOT_FOUND", 1).find(" uid=- ") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_in_the_path_cannot_forge_lines) {
    const auto line = formatLogLine(0, "/a\nfake line\r", "", 404, "NOT_FOUND", 1);
    BOOST_TEST(line.find('\n') == line.size() - 1);
    BOOST_TEST(line.find('\r') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
