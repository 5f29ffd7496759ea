#include <boost/test/unit_test.hpp>

#include "core/api_error.hpp"
#include "db/connection.hpp"
#include "fcgi/response.hpp"
#include "fcgi/router.hpp"

using namespace mmx;

namespace {

Response dispatchTo(Handler handler) {
    RouteTable routes;
    routes.add({"/t", Methods::Post, Access::Open, std::move(handler)});
    const Dispatcher dispatcher(std::move(routes), [](const Request&) { return Identity{}; });
    Request request;
    request.method = Method::Post;
    request.path = "/t";
    return dispatcher.dispatch(request);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rate_limited_answer)

BOOST_AUTO_TEST_CASE(retry_after_is_whole_seconds_rounded_up_and_at_least_one) {
    BOOST_TEST(rateLimited("x", 1).retryAfterSeconds() == 1);
    BOOST_TEST(rateLimited("x", 0).retryAfterSeconds() == 1);
    BOOST_TEST(rateLimited("x", -5000).retryAfterSeconds() == 1);
    BOOST_TEST(rateLimited("x", 1000).retryAfterSeconds() == 1);
    BOOST_TEST(rateLimited("x", 1001).retryAfterSeconds() == 2);
    BOOST_TEST(rateLimited("x", 59999).retryAfterSeconds() == 60);
}

BOOST_AUTO_TEST_CASE(a_rate_limited_envelope_carries_retry_after_in_data) {
    const Response response = dispatchTo(
        [](const Request&) -> Response { throw rateLimited("操作过于频繁，请稍后再试", 42000); });
    BOOST_TEST(response.code() == "RATE_LIMITED");
    BOOST_TEST(response.status() == 200);
    BOOST_TEST(response.body().find("\"data\":{\"retryAfter\":42}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(even_a_plain_rate_limited_error_says_to_wait_a_second) {
    const Response response = dispatchTo([](const Request&) -> Response {
        throw ApiError(ErrorCode::RateLimited, "操作过于频繁，请稍后再试");
    });
    BOOST_TEST(response.body().find("\"retryAfter\":1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(contention_past_the_retries_is_rate_limited_not_a_server_error) {
    const Response response = dispatchTo([](const Request&) -> Response {
        throw db::Deadlock(1213, "Deadlock found when trying to get lock");
    });
    BOOST_TEST(response.code() == "RATE_LIMITED");
    BOOST_TEST(response.status() == 200);
    BOOST_TEST(response.body().find("\"retryAfter\":1") != std::string::npos);
    BOOST_TEST(response.body().find("Deadlock") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(other_errors_carry_no_retry_after) {
    const Response response =
        dispatchTo([](const Request&) -> Response { throw ApiError(ErrorCode::Conflict, "冲突"); });
    BOOST_TEST(response.body().find("retryAfter") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
