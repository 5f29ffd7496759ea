#include "fcgi/form.hpp"

#include <boost/test/unit_test.hpp>

#include "core/api_error.hpp"
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

BOOST_AUTO_TEST_CASE(a_json_body_sent_with_get_is_read_with_the_query_string) {
    const Request r =
        parsed(StringCgiInput("GET", "application/json", R"({"userId":"a@b.cn"})", "picId=2"));
    BOOST_TEST(*r.param("userId") == "a@b.cn");
    BOOST_TEST(*r.param("picId") == "2");
}

BOOST_AUTO_TEST_CASE(json_members_become_parameters_and_numbers_keep_their_text) {
    const Request r = parsed(StringCgiInput(
        "POST", "application/json",
        R"({"id":"1000000004","n":12,"price":12.50,"big":18446744073709551616,"on":true,)"
        R"("gone":null,"data_type":["nickname","gender"],"ids":[3,4]})"));
    BOOST_TEST(*r.param("id") == "1000000004");
    BOOST_TEST(*r.param("n") == "12");
    BOOST_TEST(*r.param("price") == "12.50");
    BOOST_TEST(*r.param("big") == "18446744073709551616");
    BOOST_TEST(*r.param("on") == "true");
    BOOST_TEST(!r.param("gone"));
    BOOST_TEST(r.paramList("data_type") == (std::vector<std::string>{"nickname", "gender"}));
    BOOST_TEST(r.paramList("ids") == (std::vector<std::string>{"3", "4"}));
}

BOOST_AUTO_TEST_CASE(json_that_is_not_an_object_of_values_is_refused_naming_the_member) {
    const auto refusal = [](const std::string& body) -> std::string {
        Request request;
        StringCgiInput input("POST", "application/json", body);
        try {
            parseForm(input, request);
        } catch (const ApiError& error) {
            BOOST_TEST(codeName(error.code()) == "BAD_PARAM");
            return error.info();
        }
        return "accepted";
    };
    BOOST_TEST(refusal(R"({"a":{"b":1}})") == "参数 a 的值不能是对象");
    BOOST_TEST(refusal(R"({"a":[[1]]})") == "参数 a 不能嵌套数组");
    BOOST_TEST(refusal(R"({"a":[{"b":1}]})") == "参数 a 的值不能是对象");
    BOOST_TEST(refusal(R"([1,2])") == "请求体不是 JSON 对象");
    BOOST_TEST(refusal(R"("text")") == "请求体不是 JSON 对象");
    BOOST_TEST(refusal(R"({"a":1,)") == "请求体不是 JSON 对象");
    BOOST_TEST(refusal(std::string(100000, '[')) == "请求体不是 JSON 对象");
}

BOOST_AUTO_TEST_CASE(json_members_past_the_limit_are_refused_as_a_form_is) {
    std::string body = "{";
    for (int i = 0; i < 1001; ++i) body += "\"p" + std::to_string(i) + "\":1,";
    body.back() = '}';
    Request request;
    StringCgiInput input("POST", "application/json", body);
    BOOST_CHECK_THROW(parseForm(input, request), ApiError);
}

BOOST_AUTO_TEST_SUITE_END()
