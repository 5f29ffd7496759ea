#include "fcgi/form.hpp"

#include <boost/test/unit_test.hpp>

#include "string_cgi_input.hpp"

using namespace mmx;
using mmx::testing::StringCgiInput;

namespace {

Request parsed(StringCgiInput input) {
    Request request;
    parseForm(input, request);
    return request;
}

const std::string kMultipart =
    "------x\r\n"
    "Content-Disposition: form-data; name=\"groupId\"\r\n\r\n"
    "12\r\n"
    "------x\r\n"
    "Content-Disposition: form-data; name=\"userPhoto\"; filename=\"a.png\"\r\n"
    "Content-Type: image/png\r\n\r\n"
    "\x89PNG\r\n\x1A\nDATA\r\n"
    "------x--\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(form)

BOOST_AUTO_TEST_CASE(urlencoded_body_is_decoded_and_keeps_repeats) {
    const Request r = parsed(StringCgiInput("POST", "application/x-www-form-urlencoded",
                                            "userVO.nickName=%E5%BD%AA&memberId=3&memberId=4,5"));
    BOOST_TEST(*r.param("userVO.nickName") == "彪");
    BOOST_TEST(r.paramList("memberId") == (std::vector<std::string>{"3", "4", "5"}));
}

BOOST_AUTO_TEST_CASE(get_reads_the_query_string) {
    const Request r = parsed(StringCgiInput("GET", "", "", "userVO.userId=7"));
    BOOST_TEST(*r.param("userVO.userId") == "7");
}

BOOST_AUTO_TEST_CASE(multipart_gives_fields_and_files) {
    const Request r =
        parsed(StringCgiInput("POST", "multipart/form-data; boundary=----x", kMultipart));
    BOOST_TEST(*r.param("groupId") == "12");
    BOOST_REQUIRE(r.file("userPhoto") != nullptr);
    BOOST_TEST(r.file("userPhoto")->bytes == std::string("\x89PNG\r\n\x1A\nDATA"));
}

BOOST_AUTO_TEST_CASE(multipart_with_a_quoted_boundary_parses_the_same) {
    const Request r =
        parsed(StringCgiInput("POST", "multipart/form-data; boundary=\"----x\"", kMultipart));
    BOOST_TEST(*r.param("groupId") == "12");
    BOOST_TEST(r.file("userPhoto") != nullptr);
}

BOOST_AUTO_TEST_CASE(a_body_shorter_than_its_length_is_refused) {
    StringCgiInput input("POST", "application/x-www-form-urlencoded", "a=1");
    input.setEnv("CONTENT_LENGTH", "100");
    Request request;
    BOOST_CHECK_THROW(parseForm(input, request), std::exception);
}

BOOST_AUTO_TEST_CASE(multipart_without_a_boundary_is_refused_not_crashed) {
    Request request;
    StringCgiInput input("POST", "multipart/form-data", kMultipart);
    BOOST_CHECK_THROW(parseForm(input, request), std::exception);
    BOOST_TEST(request.files.empty());
}

BOOST_AUTO_TEST_SUITE_END()
