#include "fcgi/content_type.hpp"

#include <boost/test/unit_test.hpp>

using mmx::normalizeContentType;

BOOST_AUTO_TEST_SUITE(content_type)

BOOST_AUTO_TEST_CASE(quoted_boundary_is_unquoted_for_cgicc) {
    BOOST_TEST(normalizeContentType("multipart/form-data; boundary=\"----x y\"") ==
               "multipart/form-data; boundary=----x y");
}

BOOST_AUTO_TEST_CASE(boundary_parameter_name_is_lower_cased) {
    BOOST_TEST(normalizeContentType("multipart/form-data; Boundary=abc") ==
               "multipart/form-data; boundary=abc");
}

BOOST_AUTO_TEST_CASE(parameters_after_the_boundary_are_dropped) {
    BOOST_TEST(normalizeContentType("multipart/form-data; boundary=abc; charset=utf-8") ==
               "multipart/form-data; boundary=abc");
}

BOOST_AUTO_TEST_CASE(other_content_types_pass_unchanged) {
    BOOST_TEST(normalizeContentType("application/x-www-form-urlencoded; charset=UTF-8") ==
               "application/x-www-form-urlencoded; charset=UTF-8");
    BOOST_TEST(normalizeContentType("").empty());
}

BOOST_AUTO_TEST_CASE(a_lone_quote_is_left_as_it_is) {
    BOOST_TEST(normalizeContentType("multipart/form-data; boundary=\"") ==
               "multipart/form-data; boundary=\"");
}

BOOST_AUTO_TEST_SUITE_END()
