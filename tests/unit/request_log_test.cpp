#include "fcgi/request_log.hpp"

#include <boost/test/unit_test.hpp>

using mmx::formatLogLine;

BOOST_AUTO_TEST_SUITE(request_log)

BOOST_AUTO_TEST_CASE(a_line_holds_time_route_uid_status_code_microseconds_and_request_id) {
    BOOST_TEST(formatLogLine(1767225600123, "/user/user!login", "100001", 200, "OK", 1234,
                             "0f1e2d3c4b5a69788796a5b4c3d2e1f0") ==
               "2026-01-01T00:00:00.123Z route=/user/user!login uid=100001 status=200 code=OK "
               "us=1234 rid=0f1e2d3c4b5a69788796a5b4c3d2e1f0\n");
}

BOOST_AUTO_TEST_CASE(an_anonymous_request_logs_a_dash_for_uid) {
    BOOST_TEST(formatLogLine(0, "/x", "", 404, "NOT_FOUND", 1, "ab").find(" uid=- ") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_request_without_an_id_logs_a_dash_for_it) {
    const auto line = formatLogLine(0, "/x", "", 404, "NOT_FOUND", 1, "");
    BOOST_TEST(line.substr(line.size() - 7) == " rid=-\n");
}

BOOST_AUTO_TEST_CASE(only_a_plain_token_is_taken_as_request_id) {
    using mmx::loggableRequestId;
    const std::string hex = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    const std::pair<std::string, std::string> cases[] = {
        {hex, hex},
        {"abc-DEF-123", "abc-DEF-123"},
        {"", ""},
        {"a b", ""},
        {"a\nb", ""},
        {"id=1", ""},
        {std::string(64, 'a'), std::string(64, 'a')},
        {std::string(65, 'a'), ""},
    };
    for (const auto& [raw, logged] : cases) BOOST_TEST(loggableRequestId(raw) == logged);
}

BOOST_AUTO_TEST_CASE(control_characters_in_the_path_cannot_forge_lines) {
    const auto line = formatLogLine(0, "/a\nfake line\r", "", 404, "NOT_FOUND", 1, "");
    BOOST_TEST(line.find('\n') == line.size() - 1);
    BOOST_TEST(line.find('\r') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
