// Accounts by user name or e-mail with no SMS code: the operator's switch and the
// per-address limit, against small values.
#include "services/account_kinds.hpp"

#include <boost/test/unit_test.hpp>

#include "core/api_error.hpp"
#include "core/crypto.hpp"
#include "db_fixture.hpp"

using namespace mmx;
using dbtest::codeOf;

namespace {

services::OpenRegistration byName(const std::string& address) {
    services::OpenRegistration registration;
    registration.userName = "k" + randomHex(8);
    registration.password = "pw-" + randomHex(8);
    registration.address = address;
    return registration;
}

// An address no other run has used (the counters outlive a run).
std::string freshAddress() {
    return "fd19::" + randomHex(2) + ":" + randomHex(2) + ":" + randomHex(2);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(account_kinds, dbtest::Stack)

BOOST_AUTO_TEST_CASE(registration_without_a_code_is_forbidden_unless_the_operator_allows_it) {
    Config closed = config;
    closed.openRegistration = false;
    Services services(closed);
    BOOST_TEST((codeOf([&] { services::registerWithoutCode(services, byName(freshAddress())); }) ==
                ErrorCode::Forbidden));

    Config open = config;
    open.openRegistration = true;
    Services allowed(open);
    BOOST_TEST(services::registerWithoutCode(allowed, byName(freshAddress())) > 0);
}

BOOST_AUTO_TEST_CASE(one_address_makes_at_most_the_limit_of_tries_an_hour) {
    Config tight = config;
    tight.openRegistration = true;
    tight.openRegistrationIpLimit = 3;
    Services services(tight);
    const std::string address = freshAddress();
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(services::registerWithoutCode(services, byName(address)) > 0);
    BOOST_TEST((codeOf([&] { services::registerWithoutCode(services, byName(address)); }) ==
                ErrorCode::RateLimited));
    // Another address is not held back by the first one's tries.
    BOOST_TEST(services::registerWithoutCode(services, byName(freshAddress())) > 0);
}

BOOST_AUTO_TEST_SUITE_END()
