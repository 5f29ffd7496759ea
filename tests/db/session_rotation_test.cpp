// A session's token handed out afresh (the action phone's Update changes its session_id on
// every call): services/sessions' rotateSession against the test stack's MariaDB.
#include <boost/test/unit_test.hpp>
#include <thread>

#include "core/api_error.hpp"
#include "core/identity.hpp"
#include "db/session_repository.hpp"
#include "db_fixture.hpp"
#include "services/sessions.hpp"

using namespace mmx;
using dbtest::codeOf;

namespace {

constexpr std::string_view kClient = "db-rotation";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(session_rotation, dbtest::Stack)

BOOST_AUTO_TEST_CASE(a_rotated_session_answers_to_the_new_token_and_no_longer_to_the_old) {
    Services services(config);
    const std::int64_t user = dbtest::newUser(services);
    const Identity opened = services::openSession(services, user, kClient);
    const Identity rotated = services::rotateSession(services, user, kClient, opened.accessToken);
    BOOST_TEST(rotated.userId == user);
    BOOST_TEST(rotated.client == kClient);
    BOOST_TEST(rotated.accessToken != opened.accessToken);
    BOOST_TEST(services::checkSession(services, user, kClient, rotated.accessToken).userId == user);
    BOOST_TEST((codeOf([&] {
                    services::checkSession(services, user, kClient, opened.accessToken);
                }) == ErrorCode::TokenInvalid));
    BOOST_TEST((codeOf([&] {
                    services::rotateSession(services, user, kClient, opened.accessToken);
                }) == ErrorCode::TokenInvalid));
}

BOOST_AUTO_TEST_CASE(an_expired_or_unknown_session_is_not_rotated) {
    Services services(config);
    const std::int64_t user = dbtest::newUser(services);
    const Identity opened = services::openSession(services, user, kClient);
    BOOST_TEST((codeOf([&] { services::rotateSession(services, user, "another-client", "x"); }) ==
                ErrorCode::TokenInvalid));
    db::SessionRepository(services.db).extend(user, kClient, nowMs() - 1);
    BOOST_TEST((codeOf([&] {
                    services::rotateSession(services, user, kClient, opened.accessToken);
                }) == ErrorCode::TokenExpired));
}

BOOST_AUTO_TEST_CASE(of_two_rotations_of_one_token_at_once_exactly_one_wins) {
    Services first(config), second(config);
    const std::int64_t user = dbtest::newUser(first);
    for (int round = 0; round < 10; ++round) {
        const Identity opened = services::openSession(first, user, kClient);
        std::optional<Identity> won[2];
        ErrorCode lost[2] = {ErrorCode::ServerError, ErrorCode::ServerError};
        auto rotate = [&](Services& services, int i) {
            try {
                won[i] = services::rotateSession(services, user, kClient, opened.accessToken);
            } catch (const ApiError& error) {
                lost[i] = error.code();
            }
        };
        std::thread a([&] { rotate(first, 0); });
        std::thread b([&] { rotate(second, 1); });
        a.join();
        b.join();
        BOOST_REQUIRE((won[0].has_value() != won[1].has_value()));
        const int winner = won[0] ? 0 : 1;
        BOOST_TEST((lost[1 - winner] == ErrorCode::TokenInvalid));
        BOOST_TEST(services::checkSession(first, user, kClient, won[winner]->accessToken).userId ==
                   user);
    }
}

BOOST_AUTO_TEST_SUITE_END()
