#include "db/connection.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <thread>

#include "core/clock.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"

using namespace mmx;
using namespace std::chrono_literals;

namespace {

constexpr std::string_view kDropIdleAfterOneSecond = "SET SESSION wait_timeout = 1";
constexpr std::string_view kConnectionId = "SELECT CONNECTION_ID()";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(connection, dbtest::Stack)

BOOST_AUTO_TEST_CASE(a_transaction_not_committed_changes_nothing) {
    db::Connection db(config);
    const std::string mobile = dbtest::freshMobile();
    {
        db::Transaction transaction(db);
        db::UserRepository(db).create(mobile, "hash", nowMs());
        BOOST_TEST(db::UserRepository(db).findIdByMobile(mobile).has_value());
    }  // no commit: rolled back
    BOOST_TEST(!db::UserRepository(db).findIdByMobile(mobile).has_value());
}

BOOST_AUTO_TEST_CASE(a_committed_transaction_stays) {
    db::Connection db(config);
    const std::string mobile = dbtest::freshMobile();
    db::withTransaction(db, [&](db::Transaction& transaction) {
        db::UserRepository(db).create(mobile, "hash", nowMs());
        transaction.commit();
    });
    BOOST_TEST(db::UserRepository(db).findIdByMobile(mobile).has_value());
}

BOOST_AUTO_TEST_CASE(a_taken_unique_key_is_a_typed_duplicate) {
    db::Connection db(config);
    const std::string mobile = dbtest::freshMobile();
    db::UserRepository(db).create(mobile, "hash", nowMs());
    BOOST_CHECK_THROW(db::UserRepository(db).create(mobile, "hash", nowMs()), db::DuplicateKey);
}

BOOST_AUTO_TEST_CASE(a_connection_the_server_dropped_is_reopened_on_the_next_statement) {
    db::Connection db(config);
    const auto before = db.queryOne(kConnectionId)->i64(0);
    db.execute(kDropIdleAfterOneSecond);
    std::this_thread::sleep_for(2500ms);  // the server closes the idle connection
    const auto after = db.queryOne(kConnectionId)->i64(0);
    BOOST_TEST(after != before);
}

BOOST_AUTO_TEST_CASE(a_connection_lost_inside_a_transaction_fails_it_and_then_recovers) {
    db::Connection db(config);
    db.execute(kDropIdleAfterOneSecond);
    {
        db::Transaction transaction(db);
        std::this_thread::sleep_for(2500ms);
        // The transaction's work so far is gone with the connection: no silent retry.
        BOOST_CHECK_THROW(db.queryOne(kConnectionId), db::ConnectionLost);
    }
    BOOST_TEST(db.queryOne(kConnectionId).has_value());
}

BOOST_AUTO_TEST_CASE(values_travel_as_parameters_never_as_sql) {
    db::Connection db(config);
    const std::string hostile = "x'); DROP TABLE users; --";
    BOOST_TEST(!db::UserRepository(db).findIdByMobile(hostile).has_value());
    BOOST_TEST(db.queryOne("SELECT COUNT(*) FROM users")->i64(0) >= 0);
}

BOOST_AUTO_TEST_SUITE_END()
