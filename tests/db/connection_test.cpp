#include "db/connection.hpp"

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <thread>

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

// A non-transactional table: what a statement changed before its connection was lost
// stays, as a committed write would, so a second run of the statement shows.
constexpr std::string_view kCreateProbe =
    "CREATE TABLE IF NOT EXISTS connection_probe (run BIGINT NOT NULL, step INT NOT NULL,"
    " n INT NOT NULL, PRIMARY KEY (run, step)) ENGINE=Aria";
constexpr std::string_view kAddProbeRows =
    "INSERT INTO connection_probe (run, step, n) VALUES (?, 1, 0), (?, 2, 0)";
// Counts step 1, then stalls on step 2 long enough to be killed mid-statement.
constexpr std::string_view kCountThenStall =
    "UPDATE connection_probe SET n = n + 1 WHERE run = ? AND IF(step = 2, SLEEP(5), 0) = 0";
constexpr std::string_view kCountStepOne =
    "UPDATE connection_probe SET n = n + 1 WHERE run = ? AND step = 1";
constexpr std::string_view kRemoveProbeRows = "DELETE FROM connection_probe WHERE run = ?";
constexpr std::string_view kProbeCount =
    "SELECT n FROM connection_probe WHERE run = ? AND step = 1";
constexpr std::string_view kStateOf =
    "SELECT state FROM information_schema.processlist WHERE id = ?";

// Two fresh rows of the probe table, removed when the test ends.
struct Probe {
    explicit Probe(const Config& c) : config(c) {
        db::Connection db(config);
        db.execute(kCreateProbe);
        run = static_cast<std::int64_t>(randombytes_uniform(2000000000));
        db.execute(kAddProbeRows, {run, run});
    }
    ~Probe() { db::Connection(config).execute(kRemoveProbeRows, {run}); }
    Config config;
    std::int64_t run = 0;
};

std::int64_t probeCount(const Config& config, std::int64_t run) {
    db::Connection db(config);
    return db.queryOne(kProbeCount, {run})->i64(0);
}

// Kills connection `victim` from a second connection once its statement is sleeping
// inside the server, unless the statement ended first.
class KillWhenStalled {
  public:
    KillWhenStalled(const Config& config, std::int64_t victim)
        : thread_([this, config, victim] {
              db::Connection killer(config);
              while (!stop_) {
                  const auto state = killer.queryOne(kStateOf, {victim});
                  if (state && state->str(0) == "User sleep") {
                      killer.execute(kKillConnection, {victim});
                      return;
                  }
                  std::this_thread::yield();
              }
          }) {}
    ~KillWhenStalled() {
        stop_ = true;
        thread_.join();
    }

  private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(connection, dbtest::Stack)

BOOST_AUTO_TEST_CASE(a_write_lost_while_it_ran_is_not_sent_again) {
    const Probe probe(config);
    const std::int64_t run = probe.run;
    db::Connection db(config);
    const auto victim = db.queryOne(kConnectionId)->i64(0);
    {
        const KillWhenStalled killer(config, victim);
        // The statement reached the server and counted step 1 before its connection went:
        // sending it again would count twice.
        BOOST_CHECK_THROW(db.execute(kCountThenStall, {run}), db::ConnectionLost);
    }
    BOOST_TEST(probeCount(config, run) == 1);
    // The connection is reopened for the next statement.
    BOOST_TEST(db.queryOne(kConnectionId).has_value());
}

BOOST_AUTO_TEST_CASE(an_idempotent_statement_lost_while_it_ran_is_sent_again) {
    db::Connection db(config);
    const auto victim = db.queryOne(kConnectionId)->i64(0);
    std::optional<db::Row> row;
    {
        const KillWhenStalled killer(config, victim);
        row = db.queryOne(db::Idempotent{"SELECT SLEEP(2)"});
    }
    BOOST_TEST(row.has_value());
    BOOST_TEST(db.queryOne(kConnectionId)->i64(0) != victim);
}

BOOST_AUTO_TEST_CASE(a_write_on_a_connection_dropped_while_idle_runs_once_on_a_new_one) {
    const Probe probe(config);
    const std::int64_t run = probe.run;
    db::Connection db(config);
    const auto before = db.queryOne(kConnectionId)->i64(0);
    db.execute(kCountStepOne, {run});
    dropConnectionOf(db, config);
    BOOST_TEST(db.execute(kCountStepOne, {run}).affectedRows == 1u);
    BOOST_TEST(probeCount(config, run) == 2);
    BOOST_TEST(db.queryOne(kConnectionId)->i64(0) != before);
}

BOOST_AUTO_TEST_CASE(a_transaction_whose_connection_was_lost_stays_broken_until_rolled_back) {
    db::Connection db(config);
    const std::string kept = dbtest::freshMobile();
    const std::string after = dbtest::freshMobile();
    {
        db::Transaction transaction(db);
        const auto began = db.generation();
        db::UserRepository(db).create(kept, "hash", nowMs());
        dropConnectionOf(db, config);
        // A caller that swallows the loss must not carry on on a new connection.
        try {
            db.queryOne(kConnectionId);
        } catch (const db::ConnectionLost&) {
        }
        BOOST_CHECK_THROW(db::UserRepository(db).create(after, "hash", nowMs()),
                          db::ConnectionLost);
        BOOST_CHECK_THROW(transaction.commit(), db::ConnectionLost);
        BOOST_TEST(db.generation() == began);
    }
    BOOST_TEST(!db::UserRepository(db).findIdByMobile(kept).has_value());
    BOOST_TEST(!db::UserRepository(db).findIdByMobile(after).has_value());
}

BOOST_AUTO_TEST_CASE(a_transaction_inside_a_transaction_is_refused_and_commits_nothing) {
    db::Connection db(config);
    const std::string mobile = dbtest::freshMobile();
    {
        db::Transaction outer(db);
        db::UserRepository(db).create(mobile, "hash", nowMs());
        // START TRANSACTION would have committed the outer work silently.
        BOOST_CHECK_THROW(db::Transaction inner(db), std::logic_error);
    }
    BOOST_TEST(!db::UserRepository(db).findIdByMobile(mobile).has_value());
}

BOOST_AUTO_TEST_CASE(work_that_forgot_to_commit_is_an_error_and_changes_nothing) {
    db::Connection db(config);
    const std::string mobile = dbtest::freshMobile();
    BOOST_CHECK_THROW(
        db::withTransaction(
            db, [&](db::Transaction&) { db::UserRepository(db).create(mobile, "hash", nowMs()); }),
        db::TransactionNotCommitted);
    BOOST_CHECK_THROW(db::withTransaction(db, [&](db::Transaction&) { return 1; }),
                      db::TransactionNotCommitted);
    BOOST_TEST(!db::UserRepository(db).findIdByMobile(mobile).has_value());
}

BOOST_AUTO_TEST_CASE(an_empty_string_binds_as_an_empty_string_not_as_null) {
    db::Connection db(config);
    const auto row =
        db.queryOne("SELECT ? IS NULL, LENGTH(?)", {std::string_view{}, std::string_view{}});
    BOOST_TEST(row->i64(0) == 0);
    BOOST_TEST(row->i64(1) == 0);
}

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
