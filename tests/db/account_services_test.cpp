// The account and profile use cases called as plain functions, with no FastCGI request:
// services/accounts and services/profiles against the test stack's MariaDB.
#include <sodium.h>

#include <boost/test/unit_test.hpp>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/block_repository.hpp"
#include "db/session_repository.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"
#include "services/accounts.hpp"
#include "services/profiles.hpp"
#include "services/sessions.hpp"

using namespace mmx;
using dbtest::codeOf;

namespace {

// An address of its own, so no other run's counters close it.
std::string freshAddress() {
    return "203.0." + std::to_string(randombytes_uniform(256)) + "." +
           std::to_string(randombytes_uniform(256));
}

struct Account {
    std::int64_t id;
    std::string mobile;
    std::string password;
};

Account newAccount(Services& services) {
    Account account{0, dbtest::freshMobile(), "a-password-" + randomHex(4)};
    account.id = db::UserRepository(services.db)
                     .create(account.mobile, hashPassword(account.password), nowMs());
    return account;
}

services::SignIn signInOf(const Account& account, std::string password) {
    return services::SignIn{account.mobile, std::move(password), freshAddress(), "db-test"};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(account_services, dbtest::Stack)

BOOST_AUTO_TEST_CASE(login_with_the_right_password_opens_a_session_the_check_accepts) {
    Services services(config);
    const Account account = newAccount(services);
    const auto signedIn = services::login(services, signInOf(account, account.password));
    BOOST_TEST(signedIn.identity.userId == account.id);
    BOOST_TEST(signedIn.profile.id == account.id);
    const Identity checked =
        services::checkSession(services, account.id, "db-test", signedIn.identity.accessToken);
    BOOST_TEST(checked.userId == account.id);
}

BOOST_AUTO_TEST_CASE(login_with_a_wrong_password_or_an_unknown_name_answers_bad_credentials) {
    Services services(config);
    const Account account = newAccount(services);
    BOOST_TEST((codeOf([&] { services::login(services, signInOf(account, "not-the-password")); }) ==
                ErrorCode::BadCredentials));
    const Account nobody{0, dbtest::freshMobile(), "a-password"};
    BOOST_TEST((codeOf([&] { services::login(services, signInOf(nobody, nobody.password)); }) ==
                ErrorCode::BadCredentials));
    BOOST_TEST(!db::SessionRepository(services.db).find(account.id, "db-test").has_value());
}

BOOST_AUTO_TEST_CASE(changing_the_password_ends_every_session_and_the_new_one_signs_in) {
    Services services(config);
    const Account account = newAccount(services);
    const auto signedIn = services::login(services, signInOf(account, account.password));
    services::changePassword(services, signedIn.identity, freshAddress(), account.password,
                             "another-password");
    BOOST_TEST(!db::SessionRepository(services.db).find(account.id, "db-test").has_value());
    BOOST_TEST((codeOf([&] { services::login(services, signInOf(account, account.password)); }) ==
                ErrorCode::BadCredentials));
    BOOST_TEST(services::login(services, signInOf(account, "another-password")).identity.userId ==
               account.id);
}

BOOST_AUTO_TEST_CASE(a_profile_is_not_found_by_a_user_its_owner_blocked) {
    Services services(config);
    const Account owner = newAccount(services), other = newAccount(services);
    const Identity reader{other.id, "db-test", "token", nowMs() + kDayMs, {}};
    BOOST_TEST(services::readProfile(services, reader, owner.id).profile.id == owner.id);
    db::BlockRepository(services.db).block(owner.id, other.id, nowMs());
    BOOST_TEST((codeOf([&] { services::readProfile(services, reader, owner.id); }) ==
                ErrorCode::NotFound));
}

BOOST_AUTO_TEST_CASE(the_owner_reads_all_of_their_profile_without_a_session_check) {
    Services services(config);
    const Account owner = newAccount(services);
    const Identity self{owner.id, "db-test", "token", nowMs() + kDayMs, {}};
    const auto view = services::readProfile(services, self, owner.id);
    BOOST_TEST(view.profile.id == owner.id);
    BOOST_TEST(view.visibility.ownerFields);
}

BOOST_AUTO_TEST_SUITE_END()
