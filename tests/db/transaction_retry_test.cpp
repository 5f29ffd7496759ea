// db::withTransaction against contention: deadlocks are retried a bounded number of
// times, lock waits (already 10 s each) once, and a transaction that wins on a retry
// commits normally.
#include <boost/test/unit_test.hpp>
#include <chrono>

#include "db/connection.hpp"
#include "db_fixture.hpp"

using namespace mmx;

BOOST_FIXTURE_TEST_SUITE(transaction_retry, dbtest::Stack)

BOOST_AUTO_TEST_CASE(a_deadlock_every_time_is_tried_five_times_then_handed_on) {
    db::Connection connection(config);
    int attempts = 0;
    const auto started = std::chrono::steady_clock::now();
    BOOST_CHECK_THROW(db::withTransaction(connection,
                                          [&](db::Transaction&) {
                                              ++attempts;
                                              throw db::Deadlock(1213, "deadlock");
                                          }),
                      db::Deadlock);
    BOOST_TEST(attempts == db::kTransactionAttempts);
    BOOST_TEST(attempts == 5);
    // The pauses between attempts are a few milliseconds each, never a stall.
    const auto waited = std::chrono::steady_clock::now() - started;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count() < 1000);
}

BOOST_AUTO_TEST_CASE(a_lock_wait_timeout_is_tried_once_more_only) {
    db::Connection connection(config);
    int attempts = 0;
    BOOST_CHECK_THROW(db::withTransaction(connection,
                                          [&](db::Transaction&) {
                                              ++attempts;
                                              throw db::Deadlock(1205, "lock wait timeout");
                                          }),
                      db::Deadlock);
    BOOST_TEST(attempts == 2);
}

BOOST_AUTO_TEST_CASE(a_transaction_that_wins_on_a_retry_returns_its_result) {
    db::Connection connection(config);
    int attempts = 0;
    const int result = db::withTransaction(connection, [&](db::Transaction& transaction) {
        if (++attempts < 3) throw db::Deadlock(1213, "deadlock");
        transaction.commit();
        return 7;
    });
    BOOST_TEST(result == 7);
    BOOST_TEST(attempts == 3);
}

BOOST_AUTO_TEST_SUITE_END()
