// The connection against faults injected through its failpoints (db/failpoints.hpp):
// this executable compiles db/connection.cpp with MMX_DB_FAILPOINTS.
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "db/connection.hpp"
#include "db/failpoints.hpp"
#include "db_fixture.hpp"

using namespace mmx;

namespace {

constexpr std::string_view kThreeRows = "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3";
constexpr std::string_view kConnectionId = "SELECT CONNECTION_ID()";

struct ClearFailpoints {
    ~ClearFailpoints() { db::failpoints::afterFetchingRow = nullptr; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(connection_failpoints, dbtest::Stack)

BOOST_AUTO_TEST_CASE(a_fetch_ended_by_an_exception_leaves_the_connection_in_step) {
    const ClearFailpoints clear;
    db::Connection db(config);
    const auto before = db.queryOne(kConnectionId)->i64(0);
    int fetched = 0;
    db::failpoints::afterFetchingRow = [&] {
        if (++fetched == 1) throw std::runtime_error("fault in the middle of a fetch");
    };
    // Two rows are still unread on the wire when the fetch is abandoned.
    BOOST_CHECK_THROW(db.query(kThreeRows), std::runtime_error);
    db::failpoints::afterFetchingRow = nullptr;
    // Had they been left there, every statement would now fail with 2014 (commands out
    // of sync): the worker would be wedged until restarted.
    BOOST_TEST(db.queryOne(kConnectionId)->i64(0) == before);
    BOOST_TEST(db.query(kThreeRows).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
