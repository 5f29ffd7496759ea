// The HTTP protocol every route shares: the envelope, status codes for protocol
// faults, the `client` header, and survival of malformed input.
#define BOOST_TEST_MODULE api_protocol
#include "api_test.hpp"

namespace {

const std::string kLogin = "/user/user!login";
const std::string kPing = "/app/system!ping";
const std::string kForm = "application/x-www-form-urlencoded";

api::Headers anyClient() {
    return api::clientHeader(api::uniqueClient());
}

// The pool still answers: several pings in a row (each may land on another worker).
void checkWorkersStillServe() {
    for (int i = 0; i < 8; ++i) {
        const api::Response r = api::http().get(kPing);
        BOOST_CHECK_MESSAGE(r.status == 200 && r.success(),
                            "ping after malformed input: " << r.describe());
    }
}

// Malformed input is refused with an envelope: 200 with a failure code, or a
// 4xx that fits (400, 415); never a dropped connection, a 502 or a 500.
void checkRefusedWithEnvelope(const api::Response& r) {
    BOOST_CHECK_MESSAGE(r.status >= 200 && r.status < 500 && r.status != 404 && !r.success(),
                        "expected a refusal, got " << r.describe());
    const std::string problems = api::envelopeProblems(r);
    BOOST_CHECK_MESSAGE(problems.empty(), "malformed envelope: " << problems);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(envelope)

BOOST_AUTO_TEST_CASE(ping_answers_get_and_post_without_any_header) {
    MMX_CHECK_OK(api::http().get(kPing));
    MMX_CHECK_OK(api::http().post(kPing, {}));
}

BOOST_AUTO_TEST_CASE(ping_answers_with_a_client_header_too) {
    MMX_CHECK_OK(api::http().post(kPing, {}, anyClient()));
}

BOOST_AUTO_TEST_CASE(business_failure_is_http_200_with_a_code) {
    const api::Response r = api::http().post(
        kLogin, {{"userVO.userName", api::uniqueMobile()}, {"userVO.password", "not-the-one"}},
        anyClient());
    MMX_CHECK_FAILS_WITH(r, "BAD_CREDENTIALS");
    BOOST_CHECK(r.json.HasMember("success") && !r.json["success"].GetBool());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(status_codes)

BOOST_AUTO_TEST_CASE(unknown_method_of_a_known_action_is_404_not_found) {
    MMX_CHECK_ANSWER(api::http().post("/user/user!noSuchMethod", {}, anyClient()), 404,
                     "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(unknown_namespace_is_404_not_found) {
    MMX_CHECK_ANSWER(api::http().post("/nosuch/thing!here", {}, anyClient()), 404, "NOT_FOUND");
    MMX_CHECK_ANSWER(api::http().get("/nosuch/thing!here", {}, anyClient()), 404, "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(get_on_a_post_only_route_is_405_method_not_allowed) {
    const api::Response r = api::http().get(
        kLogin, {{"userVO.userName", api::uniqueMobile()}, {"userVO.password", "whatever1"}},
        anyClient());
    MMX_CHECK_ANSWER(r, 405, "METHOD_NOT_ALLOWED");
    // RFC 9110 15.5.6: a 405 lists the methods the resource supports.
    BOOST_CHECK_MESSAGE(r.header("allow").find("POST") != std::string::npos,
                        "405 without an Allow header naming POST: '" << r.header("allow") << "'");
}

BOOST_AUTO_TEST_CASE(put_and_delete_are_405_method_not_allowed) {
    MMX_CHECK_ANSWER(api::http().request("PUT", kPing, "x=1", anyClient()), 405,
                     "METHOD_NOT_ALLOWED");
    MMX_CHECK_ANSWER(api::http().request("DELETE", "/user/user!readUser", "", anyClient()), 405,
                     "METHOD_NOT_ALLOWED");
}

BOOST_AUTO_TEST_CASE(body_over_the_limit_is_413_body_too_large) {
    const std::string body = "userVO.userName=" + std::string(5 * 1024 * 1024, 'a');
    MMX_CHECK_ANSWER(api::http().postRaw(kLogin, body, kForm, anyClient()), 413, "BODY_TOO_LARGE");
    checkWorkersStillServe();
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(client_header)

BOOST_AUTO_TEST_CASE(missing_client_header_is_bad_param) {
    const api::Params params{{"userVO.userName", api::uniqueMobile()},
                             {"userVO.password", "whatever1"}};
    MMX_CHECK_FAILS_WITH(api::http().post(kLogin, params), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::http().post("/user/user!sendRegisterCode",
                                          {{"userVO.userMobile", api::uniqueMobile()}}),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(empty_client_header_is_bad_param) {
    const api::Response r = api::http().post(
        kLogin, {{"userVO.userName", api::uniqueMobile()}, {"userVO.password", "whatever1"}},
        {{"client", ""}});
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(overlong_client_header_is_bad_param_before_any_session_is_made) {
    // A session is stored per (uid, client): a client id longer than the column is
    // refused up front, never truncated or left to a database error.
    const api::TestUser u = api::newUser();
    const api::Response r =
        api::http().post(kLogin, {{"userVO.userName", u.mobile}, {"userVO.password", u.password}},
                         api::clientHeader(std::string(2000, 'C')));
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_CHECK(r.header("accesstoken").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(static_files)

BOOST_AUTO_TEST_CASE(files_of_the_var_dir_are_not_served) {
    const std::string dbPassword = api::readFile(api::stackEnv().varDir + "/db-password");
    for (const char* path :
         {"/env.sh", "/db-password", "/upload/../env.sh", "/upload/../db-password",
          "/upload/..%2fenv.sh", "/upload%2f..%2fenv.sh", "/download/../secret",
          "/upload/../log/requests.log", "/upload/../sms-outbox.jsonl"}) {
        BOOST_TEST_CONTEXT("GET " << path) {
            const api::Response r = api::http().request("GET", path, {}, {});
            BOOST_CHECK_NE(r.status, 200);
            BOOST_CHECK(r.body.find("MMX_") == std::string::npos);
            BOOST_CHECK(dbPassword.empty() || r.body.find(dbPassword) == std::string::npos);
            BOOST_CHECK(r.body.find("\"mobile\"") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(missing_upload_is_a_404_envelope) {
    MMX_CHECK_ANSWER(
        api::http().request("GET", "/upload/images/userPhoto/no-such-file.png", {}, {}), 404,
        "NOT_FOUND");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(malformed_input)

BOOST_AUTO_TEST_CASE(missing_params_are_bad_param) {
    MMX_CHECK_FAILS_WITH(api::http().post(kLogin, {}, anyClient()), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        api::http().post(kLogin, {{"userVO.userName", api::uniqueMobile()}}, anyClient()),
        "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(malformed_percent_encoding_still_answers_an_envelope) {
    for (const char* body : {"userVO.userName=%zz%&userVO.password=%", "%", "%%%%=%%",
                             "userVO.userName=%E4%B8&userVO.password=%ff%fe%fd12345678",
                             "=&=&&&==", "userVO.userName=138%0000000000&userVO.password=a%00b"}) {
        BOOST_TEST_CONTEXT("body " << body) {
            checkRefusedWithEnvelope(api::http().postRaw(kLogin, body, kForm, anyClient()));
        }
    }
    checkWorkersStillServe();
}

BOOST_AUTO_TEST_CASE(binary_garbage_body_still_answers_an_envelope) {
    std::string garbage;
    for (int i = 0; i < 64 * 1024; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
    checkRefusedWithEnvelope(api::http().postRaw(kLogin, garbage, kForm, anyClient()));
    checkRefusedWithEnvelope(
        api::http().postRaw(kLogin, garbage, "application/octet-stream", anyClient()));
    checkWorkersStillServe();
}

BOOST_AUTO_TEST_CASE(broken_multipart_still_answers_an_envelope) {
    const std::string truncated =
        "------b\r\nContent-Disposition: form-data; name=\"userVO.userName\"\r\n\r\n1380000";
    checkRefusedWithEnvelope(
        api::http().postRaw(kLogin, truncated, "multipart/form-data", anyClient()));
    checkRefusedWithEnvelope(
        api::http().postRaw(kLogin, truncated, "multipart/form-data; boundary=----b", anyClient()));
    checkRefusedWithEnvelope(api::http().postRaw(kLogin, "no boundary here at all",
                                                 "multipart/form-data; boundary=", anyClient()));
    checkWorkersStillServe();
}

BOOST_AUTO_TEST_CASE(post_without_content_type_still_answers_an_envelope) {
    checkRefusedWithEnvelope(api::http().request("POST", kLogin, "userVO.userName=1", anyClient()));
    checkWorkersStillServe();
}

BOOST_AUTO_TEST_CASE(json_body_on_a_form_route_is_refused_with_an_envelope) {
    const api::Response r =
        api::http().postRaw(kLogin, R"({"userVO.userName":"13800000000","userVO.password":"x"})",
                            "application/json", anyClient());
    checkRefusedWithEnvelope(r);
}

BOOST_AUTO_TEST_CASE(many_parameters_still_answer_an_envelope) {
    api::Params params;
    for (int i = 0; i < 20000; ++i) params.emplace_back("p" + std::to_string(i), "v");
    checkRefusedWithEnvelope(api::http().post(kLogin, params, anyClient()));
    checkWorkersStillServe();
}

BOOST_AUTO_TEST_CASE(repeated_single_valued_parameter_still_answers_an_envelope) {
    const api::Response r = api::http().post(kLogin,
                                             {{"userVO.userName", api::uniqueMobile()},
                                              {"userVO.userName", api::uniqueMobile()},
                                              {"userVO.password", "whatever1"}},
                                             anyClient());
    checkRefusedWithEnvelope(r);
}

BOOST_AUTO_TEST_SUITE_END()
