// Bodies shaped to cost a parser more than their size: each must parse in time linear
// in its bytes, stop at the request limits, and refuse bytes that are not UTF-8.
// Linearity is measured by `scripts/bench parsers`; here a guard only tells linear from
// quadratic: a 3 MB body must finish within kQuadraticGuard CPU seconds under the workers'
// own CPU budget in a child. A linear parse takes milliseconds (about 1 s in a Debug
// sanitizer build); the quadratic one it replaced took 7 s for 160 KB and about 50
// minutes for 3 MB, so the guard's margin is a thousandfold either way.
#include <boost/test/unit_test.hpp>

#include "child_process.hpp"
#include "core/api_error.hpp"
#include "fcgi/form.hpp"
#include "fcgi/urlencoded.hpp"
#include "string_cgi_input.hpp"

using namespace mmx;
using mmx::testing::finishesWithinCpuSeconds;

constexpr int kQuadraticGuard = 20;
using mmx::testing::StringCgiInput;

namespace {

constexpr std::size_t kBig = 3 * 1024 * 1024;
const std::string kUrlencoded = "application/x-www-form-urlencoded";

std::string repeated(std::string_view unit, std::size_t bytes) {
    std::string text;
    text.reserve(bytes + unit.size());
    while (text.size() < bytes) text += unit;
    return text;
}

Request parsed(std::string_view type, std::string_view body, std::string_view query = "",
               const FormLimits& limits = {}) {
    Request request;
    parseFormData(type, body, query, request, limits);
    return request;
}

// The info of the ApiError that parsing throws; empty when it throws none.
std::string refusal(std::string_view type, std::string_view body, std::string_view query = "",
                    const FormLimits& limits = {}) {
    try {
        parsed(type, body, query, limits);
    } catch (const ApiError& error) {
        BOOST_TEST(codeName(error.code()) == "BAD_PARAM");
        return error.info();
    }
    return {};
}

// Parses `body` under `type` and ignores how it ends: only its cost is in question.
void parseIgnoringRefusal(std::string_view type, const std::string& body) {
    try {
        parsed(type, body, "", FormLimits{kBig, kBig, kBig * 2});
    } catch (const ApiError&) {
    }
}

std::string multipartField(std::string_view boundary, std::string_view name,
                           std::string_view value) {
    return "--" + std::string(boundary) + "\r\nContent-Disposition: form-data; name=\"" +
           std::string(name) + "\"\r\n\r\n" + std::string(value) + "\r\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_form)

BOOST_AUTO_TEST_CASE(runs_of_each_separator_parse_in_linear_time) {
    for (const std::string_view unit : {"&", "=", "%", "+", "%4", "&=", "a"}) {
        BOOST_TEST_CONTEXT("a 3 MB run of '" << unit << "'") {
            const std::string body = repeated(unit, kBig);
            BOOST_TEST(finishesWithinCpuSeconds(kQuadraticGuard,
                                                [&] { parseIgnoringRefusal(kUrlencoded, body); }));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_run_of_ampersands_in_the_query_string_parses_in_linear_time) {
    const std::string query = repeated("&", kBig);
    BOOST_TEST(finishesWithinCpuSeconds(kQuadraticGuard, [&] {
        StringCgiInput input("GET", "", "", query);
        Request request;
        parseForm(input, request);
    }));
}

BOOST_AUTO_TEST_CASE(many_tiny_parameters_stop_at_the_limit_in_linear_time) {
    const std::string body = repeated("a=1&", kBig);
    BOOST_TEST(finishesWithinCpuSeconds(kQuadraticGuard,
                                        [&] { parseIgnoringRefusal(kUrlencoded, body); }));
    BOOST_TEST(!refusal(kUrlencoded, body).empty());
}

BOOST_AUTO_TEST_CASE(many_multipart_parts_parse_in_linear_time_and_stop_at_the_limit) {
    const std::string part = multipartField("xyz", "a", "1");
    const std::string body = repeated(part, kBig) + "--xyz--\r\n";
    const std::string type = "multipart/form-data; boundary=xyz";
    BOOST_TEST(
        finishesWithinCpuSeconds(kQuadraticGuard, [&] { parseIgnoringRefusal(type, body); }));
    BOOST_TEST(refusal(type, body).find("1000") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_boundary_repeated_inside_a_part_parses_in_linear_time) {
    const std::string boundary = std::string(68, '-') + "ab";
    const std::string inside = repeated("--" + boundary + "\r", kBig);
    const std::string body = multipartField(boundary, "a", inside) + "--" + boundary + "--\r\n";
    const std::string type = "multipart/form-data; boundary=" + boundary;
    BOOST_TEST(
        finishesWithinCpuSeconds(kQuadraticGuard, [&] { parseIgnoringRefusal(type, body); }));
    BOOST_TEST(parsed(type, body).param("a")->size() == inside.size());
}

BOOST_AUTO_TEST_CASE(a_boundary_longer_than_seventy_characters_is_refused) {
    const std::string boundary(71, 'b');
    const std::string body = multipartField(boundary, "a", "1") + "--" + boundary + "--\r\n";
    BOOST_TEST(!refusal("multipart/form-data; boundary=" + boundary, body).empty());
    BOOST_TEST(!refusal("multipart/form-data", body).empty());
}

BOOST_AUTO_TEST_CASE(parameters_past_the_limit_are_refused_naming_it) {
    FormLimits limits;
    limits.maxParams = 10;
    BOOST_TEST(refusal(kUrlencoded, repeated("a=1&b=2&", 40), "", limits).empty());
    const std::string info = refusal(kUrlencoded, repeated("a=1&b=2&", 40), "c=3", limits);
    BOOST_TEST(info == "参数过多：每个请求最多10个参数");
}

BOOST_AUTO_TEST_CASE(values_of_one_name_past_the_limit_are_refused_naming_it) {
    FormLimits limits;
    BOOST_TEST(parsed(kUrlencoded, repeated("phone_list=13800000000&", 23 * 500))
                   .paramList("phone_list")
                   .size() == 500);
    const std::string info = refusal(kUrlencoded, repeated("memberId=1&", 11 * 501));
    BOOST_TEST(info == "同名参数过多：每个参数最多500个值");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_name_or_value_is_refused_at_the_parse) {
    BOOST_TEST(!refusal(kUrlencoded, "nick=%FF").empty());
    BOOST_TEST(!refusal(kUrlencoded, "n%C0%AFck=1").empty());
    BOOST_TEST(!refusal(kUrlencoded, "nick=\xED\xA0\x80").empty());
    BOOST_TEST(!refusal("", "", "nick=%E5%BD").empty());
    const std::string multipart = multipartField("xyz", "nick", "\xFF") + "--xyz--\r\n";
    BOOST_TEST(!refusal("multipart/form-data; boundary=xyz", multipart).empty());
    BOOST_TEST(refusal(kUrlencoded, "nick=%E5%BD%AA").empty());
    BOOST_TEST(refusal(kUrlencoded, "userVO.nickName=%FF") ==
               "参数 userVO.nickName 含有无效的 UTF-8 字符");
    BOOST_TEST(refusal(kUrlencoded, "%FF=1") == "参数名含有无效的 UTF-8 字符");
}

BOOST_AUTO_TEST_CASE(file_bytes_are_not_held_to_utf8) {
    const std::string body =
        "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n"
        "Content-Type: image/png\r\n\r\n\x89PNG\xFF\xFE\r\n--xyz--\r\n";
    const Request r = parsed("multipart/form-data; boundary=xyz", body);
    BOOST_REQUIRE(r.file("f") != nullptr);
    BOOST_TEST(r.file("f")->bytes == "\x89PNG\xFF\xFE");
}

BOOST_AUTO_TEST_CASE(urlencoded_pairs_decode_as_browsers_send_them) {
    std::vector<std::string> pairs;
    parseUrlencoded("a=1+2&&b&c=%zz%4&=v&d=x=y;z&e=%41%2b",
                    [&](std::string&& n, std::string&& v) { pairs.push_back(n + "|" + v); });
    const std::vector<std::string> expected{"a|1 2", "b|", "c|%zz%4", "|v", "d|x=y;z", "e|A+"};
    BOOST_TEST(pairs == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_post_reads_its_body_then_its_query_string) {
    StringCgiInput input("POST", kUrlencoded, "a=1", "b=2");
    Request request;
    parseForm(input, request);
    BOOST_TEST(*request.param("a") == "1");
    BOOST_TEST(*request.param("b") == "2");
}

BOOST_AUTO_TEST_SUITE_END()
