// The look-up budgets of a client address, which the API-test stack (every suite from
// one address, a database that outlives the run) must keep out of reach: the handlers
// against MariaDB with small budgets and addresses of their own.
#include <sodium.h>

#include <boost/test/unit_test.hpp>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"
#include "handlers/user_search.hpp"

using namespace mmx;

namespace {

struct SmallBudgets : dbtest::Stack {
    SmallBudgets() {
        config.lookupDailyNumbers = 1000;
        config.lookupIpDailyNumbers = 5;
        config.searchDailyLimit = 1000;
        config.searchIpDailyLimit = 2;
    }
};

// An address no other run has charged today.
std::string freshAddress() {
    return "198.51." + std::to_string(randombytes_uniform(256)) + "." +
           std::to_string(randombytes_uniform(256));
}

Request requestBy(std::int64_t userId, const std::string& address,
                  std::vector<std::pair<std::string, std::string>> params) {
    Request request;
    request.method = Method::Post;
    request.remoteAddr = address;
    request.client = "db-test";
    request.params = std::move(params);
    request.identity = Identity{userId, "db-test", "token", nowMs() + kDayMs, {}};
    return request;
}

std::int64_t newUser(Services& services) {
    return db::UserRepository(services.db).create(dbtest::freshMobile(), "h", nowMs());
}

std::optional<std::int64_t> retryAfterOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const ApiError& error) {
        if (error.code() == ErrorCode::RateLimited) return error.retryAfterSeconds();
    }
    return std::nullopt;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(lookup_budgets_per_address, SmallBudgets)

BOOST_AUTO_TEST_CASE(numbers_from_one_address_share_a_budget_across_users) {
    Services services(config);
    const std::string address = freshAddress();
    const auto first = newUser(services), second = newUser(services);
    const std::string three =
        dbtest::freshMobile() + "," + dbtest::freshMobile() + "," + dbtest::freshMobile();
    BOOST_TEST(
        user::selectPhones(services, requestBy(first, address, {{"phone_list", three}})).success());
    const auto refused = retryAfterOf([&] {
        user::selectPhones(services, requestBy(second, address, {{"phone_list", three}}));
    });
    BOOST_TEST(refused.has_value());
    BOOST_TEST(refused.value_or(0) >= 1);
    // From another address the same user is served.
    BOOST_TEST(
        user::selectPhones(services, requestBy(second, freshAddress(), {{"phone_list", three}}))
            .success());
}

BOOST_AUTO_TEST_CASE(a_refusal_by_the_address_charges_the_user_nothing) {
    Config tight = config;
    tight.lookupDailyNumbers = 3;
    Services services(tight);
    const std::string address = freshAddress();
    const auto other = newUser(services), me = newUser(services);
    const std::string four = dbtest::freshMobile() + "," + dbtest::freshMobile() + "," +
                             dbtest::freshMobile() + "," + dbtest::freshMobile();
    const std::string three = four.substr(four.find(',') + 1);
    BOOST_TEST(
        user::selectPhones(services, requestBy(other, address, {{"phone_list", three}})).success());
    BOOST_TEST(retryAfterOf([&] {
                   user::selectPhones(services, requestBy(me, address, {{"phone_list", three}}));
               }).has_value());
    // Had the refused request charged `me`, this would pass the user's budget of 3.
    BOOST_TEST(user::selectPhones(services, requestBy(me, freshAddress(), {{"phone_list", three}}))
                   .success());
}

BOOST_AUTO_TEST_CASE(searches_from_one_address_share_a_limit_across_users) {
    Services services(config);
    const std::string address = freshAddress();
    const auto first = newUser(services), second = newUser(services);
    const auto search = [&](std::int64_t userId, const std::string& from) {
        try {
            user::search(services, requestBy(userId, from, {{"keyword", dbtest::freshMobile()}}));
        } catch (const ApiError& error) {
            if (error.code() != ErrorCode::NotFound) throw;
        }
    };
    search(first, address);
    search(second, address);
    BOOST_TEST(retryAfterOf([&] { search(second, address); }).has_value());
    BOOST_CHECK_NO_THROW(search(second, freshAddress()));
}

BOOST_AUTO_TEST_SUITE_END()
