#include "db/connection.hpp"

#include <boost/test/unit_test.hpp>

#include "core/clock.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"

using namespace mmx;

namespace {

constexpr std::string_view kConnectionId = "SELECT CONNECTION_ID()";
constexpr std::string_view kKillConnection = "KILL CONNECTION ?";

// Has the server drop `victim`'s connection now, from a second connection, as a
// restart or a network fault would.
void dropConnectionOf(db::Connection& victim, const Config& config) {
    const auto id = victim.queryOne(kConnectionId)->i64(0);
    db::Connection killer(config);
    killer.execute(kKillConnection, {id});
}

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
    dropConnectionOf(db, config);
    const auto after = db.queryOne(kConnectionId)->i64(0);
    BOOST_TEST(after != before);
}

BOOST_AUTO_TEST_CASE(a_connection_lost_inside_a_transaction_fails_it_and_then_recovers) {
    db::Connection db(config);
    {
        db::Transaction transaction(db);
        dropConnectionOf(db, config);
        // The transaction's work so far is gone with the connection: no silent retry.
        BOOST_CHECK_THROW(db.queryOne(kConnectionId), db::ConnectionLost);
    }
    BOOST_TEST(db.queryOne(kConnectionId).has_value());
}

BOOST_AUTO_TEST_CASE(values_travel_as_parameters_never_as_sql) {
    db::Connection db(config);
    const std::string hostile =
        "');DROP TABLE x" + std::to_string(10000 + randombytes_uniform(89999));
    BOOST_TEST(!db::UserRepository(db).findIdByMobile(hostile).has_value());
    const auto id = db::UserRepository(db).create(hostile, "hash", nowMs());
    BOOST_TEST(db::UserRepository(db).findIdByMobile(hostile).value_or(0) == id);
    BOOST_TEST(db.queryOne("SELECT mobile FROM users WHERE id = ?", {id})->str(0) == hostile);
}

BOOST_AUTO_TEST_SUITE_END()
