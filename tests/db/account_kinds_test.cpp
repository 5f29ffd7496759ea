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

BOOST_AUTO_TEST_CASE(an_account_is_found_by_its_email_in_any_case_and_a_closed_one_is_not) {
    Config open = config;
    open.openRegistration = true;
    Services services(open);
    services::OpenRegistration registration;
    const std::string local = "mail" + randomHex(6);
    registration.email = local + "@example.com";
    registration.password = "pw-" + randomHex(8);
    registration.address = freshAddress();
    const std::int64_t id = services::registerWithoutCode(services, registration);

    BOOST_TEST(services::userIdByEmail(services, local + "@EXAMPLE.com") == id);
    BOOST_TEST((codeOf([&] { services::userIdByEmail(services, "no" + local + "@example.com"); }) ==
                ErrorCode::NotFound));
    const std::int64_t other = services::registerWithoutCode(services, byName(freshAddress()));
    const auto emails = services::emailsOf(services, {other, id});
    BOOST_TEST(emails.size() == 1u);
    BOOST_TEST(emails.at(id) == registration.email.value());
    // One id is read by its key: the same answer, with or without an address.
    BOOST_TEST(services::emailsOf(services, {id}).at(id) == registration.email.value());
    BOOST_TEST(services::emailsOf(services, {other}).empty());

    services.db.execute("UPDATE users SET closed_at = 1 WHERE id = ?", {id});
    BOOST_TEST((codeOf([&] { services::userIdByEmail(services, registration.email.value()); }) ==
                ErrorCode::NotFound));
}

BOOST_AUTO_TEST_SUITE_END()
