// Requests that fight over the same rows: whatever MariaDB makes of the race (lock
// waits, deadlocks, retries), every answer is a business answer, never a 5xx.
#define BOOST_TEST_MODULE api_contention
#include <functional>

#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

bool isServerFault(const api::Response& r) {
    return r.status >= 500 || r.status == 0 || r.code() == "SERVER_ERROR";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_codes)

BOOST_AUTO_TEST_CASE(parallel_first_sends_for_one_mobile_send_one_code_and_never_fail) {
    constexpr int kSends = 25;
    for (int round = 0; round < 4; ++round) {
        const std::string mobile = api::uniqueMobile();
        std::vector<api::Response> answers(kSends);
        std::vector<std::function<void()>> sends;
        for (int i = 0; i < kSends; ++i) {
            const std::string client =
                "APITEST-send-" + std::to_string(round) + "-" + std::to_string(i) + "-" + mobile;
            sends.emplace_back([&answers, mobile, client, i] {
                api::HttpClient http(api::stackEnv().baseUrl);
                answers[i] = http.post("/user/user!sendRegisterCode",
                                       {{"userVO.userMobile", mobile}}, api::clientHeader(client));
            });
        }
        api::runTogether(std::move(sends));
        int sent = 0;
        for (const auto& answer : answers) {
            BOOST_CHECK_MESSAGE(!isServerFault(answer), answer.describe());
            if (answer.success()) {
                ++sent;
            } else {
                MMX_CHECK_FAILS_WITH(answer, "RATE_LIMITED");
            }
        }
        BOOST_CHECK_EQUAL(sent, 1);
        BOOST_CHECK_EQUAL(api::smsMessages(mobile, "register").size(), 1u);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(friend_requests)

BOOST_AUTO_TEST_CASE(an_accept_racing_a_refuse_of_one_request_never_fails_and_one_wins) {
    constexpr int kPairs = 20;
    std::vector<api::TestUser> askers, targets;
    for (int i = 0; i < kPairs; ++i) {
        askers.push_back(api::newUser());
        targets.push_back(api::newUser());
        MMX_REQUIRE_OK(invite(askers[i], targets[i]));
    }
    std::vector<api::Response> accepted(kPairs), refused(kPairs);
    std::vector<std::function<void()>> answers;
    for (int i = 0; i < kPairs; ++i) {
        const api::Headers headers = api::authHeaders(targets[i].session);
        const api::Params params = {{"friendId", id(askers[i])}};
        answers.emplace_back([&accepted, headers, params, i] {
            api::HttpClient http(api::stackEnv().baseUrl);
            accepted[i] = http.post("/user/friend!accept", params, headers);
        });
        answers.emplace_back([&refused, headers, params, i] {
            api::HttpClient http(api::stackEnv().baseUrl);
            refused[i] = http.post("/user/friend!refuse", params, headers);
        });
    }
    api::runTogether(std::move(answers));
    for (int i = 0; i < kPairs; ++i) {
        BOOST_CHECK_MESSAGE(!isServerFault(accepted[i]), accepted[i].describe());
        BOOST_CHECK_MESSAGE(!isServerFault(refused[i]), refused[i].describe());
        // Exactly one answer wins; the other finds the request already answered.
        BOOST_CHECK_MESSAGE(
            accepted[i].success() != refused[i].success(),
            "accept: " << accepted[i].describe() << " refuse: " << refused[i].describe());
        const api::Response& loser = accepted[i].success() ? refused[i] : accepted[i];
        MMX_CHECK_FAILS_WITH(loser, "NOT_FOUND");
        // Friends exactly when the acceptance won.
        const api::Response read =
            call(askers[i], "/user/friend!read", {{"friendId", id(targets[i])}});
        BOOST_CHECK_EQUAL(read.success(), accepted[i].success());
    }
}

BOOST_AUTO_TEST_SUITE_END()
