// Request bodies shaped to cost the parse more than their size, too many parameters,
// and bytes that are not UTF-8: each is refused at the parse with a valid envelope,
// and none takes the worker pool away from everyone else.
#define BOOST_TEST_MODULE api_hostile_input
#include <atomic>
#include <thread>

#include "api_test.hpp"

namespace {

const std::string kPing = "/app/system!ping";
const std::string kForm = "application/x-www-form-urlencoded";
constexpr std::size_t kThreeMegabytes = 3 * 1024 * 1024;

std::string repeated(const std::string& unit, std::size_t bytes) {
    std::string text;
    text.reserve(bytes + unit.size());
    while (text.size() < bytes) text += unit;
    return text;
}

api::Headers withClient(api::Headers headers) {
    headers.emplace_back("client", api::uniqueClient());
    return headers;
}

// A worker's answer: an envelope, not nginx's 502/504 for a worker that never answered.
void checkWorkerAnswered(const api::Response& r) {
    BOOST_CHECK_MESSAGE(r.status == 200 && r.isJson(), "hostile body: " << r.describe());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shapes)

BOOST_AUTO_TEST_CASE(a_three_megabyte_run_of_ampersands_is_answered_by_the_worker) {
    const api::Response r =
        api::http().postRaw(kPing, repeated("&", kThreeMegabytes), kForm, withClient({}));
    MMX_CHECK_OK(r);
}

BOOST_AUTO_TEST_CASE(three_megabytes_of_nested_json_brackets_are_bad_param_not_a_crash) {
    // Parsed recursively, this depth would overflow a worker's stack on any route.
    for (const std::string& unit : {std::string("["), std::string("{\"a\":")}) {
        const api::Response r = api::http().postRaw(kPing, repeated(unit, kThreeMegabytes),
                                                    "application/json", withClient({}));
        checkWorkerAnswered(r);
        MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    }
    MMX_CHECK_OK(api::http().postRaw(kPing, "{\"a\":[1,2],\"b\":\"x\"}", "application/json",
                                     withClient({})));
}

BOOST_AUTO_TEST_CASE(more_parameters_than_the_limit_are_bad_param_naming_it) {
    api::Params params;
    for (int i = 0; i < 1001; ++i) params.emplace_back("p" + std::to_string(i), "1");
    const api::Response r = api::http().post(kPing, params, withClient({}));
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_TEST(r.info().find("1000") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(more_values_of_one_name_than_the_limit_are_bad_param_naming_it) {
    api::Params params(501, {"memberId", "1"});
    const api::Response r = api::http().post(kPing, params, withClient({}));
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_TEST(r.info().find("500") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(select_phones_still_takes_five_hundred_numbers) {
    const api::TestUser user = api::newUser();
    api::Params params;
    for (int i = 0; i < 500; ++i) params.emplace_back("phone_list", api::uniqueMobile());
    MMX_CHECK_OK(
        api::http().post("/user/user!selectPhones", params, api::authHeaders(user.session)));
}

BOOST_AUTO_TEST_CASE(many_multipart_parts_are_bad_param_naming_the_limit) {
    api::Params fields;
    for (int i = 0; i < 1001; ++i) fields.emplace_back("p" + std::to_string(i), "1");
    const api::Multipart form = api::buildMultipart(fields, {});
    const api::Response r = api::http().postRaw(kPing, form.body, form.contentType, withClient({}));
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_TEST(r.info().find("1000") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(utf8)

// One route of every family, each sent a value and a name that are not UTF-8: the
// parse refuses them before any handler could echo them into its JSON.
BOOST_AUTO_TEST_CASE(invalid_utf8_is_bad_param_with_a_valid_json_body_on_every_route_family) {
    const api::TestUser user = api::newUser();
    const api::Headers auth = api::authHeaders(user.session);
    const std::vector<std::pair<std::string, std::string>> routes{
        {"/user/user!selectPhones", "phone_list"},
        {"/user/friend!updateRemark", "remark"},
        {"/user/setting!friendPolicy", "policy"},
        {"/chat/group!create", "groupName"},
        {"/chat/message!send", "content"},
        {"/chat/picture!create", "description"},
        {kPing, "x"},
    };
    for (const auto& [route, name] : routes) {
        for (const std::string& body : std::vector<std::string>{
                 name + "=%FF%FEabc", name + "=\xC3\x28", name + "=%ED%A0%80", "n%C0%AF=1"}) {
            BOOST_TEST_CONTEXT(route << " with " << body) {
                const api::Response r = api::http().postRaw(route, body, kForm, auth);
                MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
                BOOST_TEST(r.isJson());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_the_query_string_or_a_multipart_field_is_bad_param) {
    const api::TestUser user = api::newUser();
    MMX_CHECK_FAILS_WITH(api::http().get("/user/user!readUser?userVO.nickName=%FF", {},
                                         api::authHeaders(user.session)),
                         "BAD_PARAM");
    const api::Multipart form = api::buildMultipart({{"remark", "\xFF\xFE"}}, {});
    MMX_CHECK_FAILS_WITH(api::http().postRaw("/user/friend!updateRemark", form.body,
                                             form.contentType, api::authHeaders(user.session)),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pool)

// Eight hostile bodies of 3 MB each in flight at once (as many as the test stack has
// workers), sent three times over, while pings go on: every ping is answered.
BOOST_AUTO_TEST_CASE(ping_keeps_answering_while_eight_hostile_bodies_are_in_flight) {
    const std::vector<std::pair<std::string, std::string>> bodies{
        {kForm, repeated("&", kThreeMegabytes)},
        {kForm, repeated("=", kThreeMegabytes)},
        {kForm, repeated("%", kThreeMegabytes)},
        {kForm, repeated("+&", kThreeMegabytes)},
        {kForm, repeated("a=&", kThreeMegabytes)},
        {kForm, "k=" + repeated("%41", kThreeMegabytes)},
        {kForm, repeated("k", kThreeMegabytes) + "=1"},
        {"multipart/form-data; boundary=xyz",
         repeated("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n",
                  kThreeMegabytes)},
    };
    std::atomic<int> running{static_cast<int>(bodies.size())};
    std::vector<std::unique_ptr<api::HttpClient>> clients;
    std::vector<std::vector<api::Response>> answers(bodies.size());
    std::vector<std::thread> senders;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        clients.push_back(std::make_unique<api::HttpClient>(api::http().baseUrl()));
        senders.emplace_back([&, i] {
            for (int round = 0; round < 3; ++round) {
                answers[i].push_back(
                    clients[i]->postRaw(kPing, bodies[i].second, bodies[i].first, withClient({})));
            }
            --running;
        });
    }
    api::HttpClient pinger(api::http().baseUrl());
    int pings = 0;
    while ((running > 0 || pings < 5) && pings < 500) {
        const api::Response r = pinger.get(kPing);
        BOOST_CHECK_MESSAGE(r.status == 200 && r.success(),
                            "ping " << pings << ": " << r.describe());
        ++pings;
    }
    for (auto& sender : senders) sender.join();
    for (const auto& rounds : answers) {
        for (const auto& r : rounds) checkWorkerAnswered(r);
    }
}

BOOST_AUTO_TEST_SUITE_END()
