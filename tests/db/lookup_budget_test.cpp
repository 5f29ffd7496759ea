// The look-up budgets of a client address, which the API-test stack (every suite from
// one address, a database that outlives the run) must keep out of reach: services/people
// against MariaDB with small budgets and addresses of their own.
#include <sodium.h>

#include <boost/test/unit_test.hpp>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"
#include "services/people.hpp"

using namespace mmx;
using dbtest::newUser;

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

// `count` numbers no other run has used.
std::vector<std::string> freshNumbers(int count) {
    std::vector<std::string> numbers;
    for (int i = 0; i < count; ++i) numbers.push_back(dbtest::freshMobile());
    return numbers;
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
    const auto three = freshNumbers(3);
    BOOST_TEST(services::sortContacts(services, first, address, three).outside.size() == 3);
    const auto refused =
        retryAfterOf([&] { services::sortContacts(services, second, address, three); });
    BOOST_TEST(refused.has_value());
    BOOST_TEST(refused.value_or(0) >= 1);
    // From another address the same user is served.
    BOOST_TEST(services::sortContacts(services, second, freshAddress(), three).outside.size() == 3);
}

BOOST_AUTO_TEST_CASE(a_refusal_by_the_address_charges_the_user_nothing) {
    Config tight = config;
    tight.lookupDailyNumbers = 3;
    Services services(tight);
    const std::string address = freshAddress();
    const auto other = newUser(services), me = newUser(services);
    const auto three = freshNumbers(3);
    BOOST_TEST(services::sortContacts(services, other, address, three).outside.size() == 3);
    BOOST_TEST(
        retryAfterOf([&] { services::sortContacts(services, me, address, three); }).has_value());
    // Had the refused request charged `me`, this would pass the user's budget of 3.
    BOOST_TEST(services::sortContacts(services, me, freshAddress(), three).outside.size() == 3);
}

BOOST_AUTO_TEST_CASE(searches_from_one_address_share_a_limit_across_users) {
    Services services(config);
    const std::string address = freshAddress();
    const auto first = newUser(services), second = newUser(services);
    const auto search = [&](std::int64_t userId, const std::string& from) {
        try {
            services::search(services, userId, from, dbtest::freshMobile());
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
