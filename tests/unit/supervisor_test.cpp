#include "fcgi/supervisor.hpp"

#include <boost/test/unit_test.hpp>

using mmx::restartDelayMs;

BOOST_AUTO_TEST_SUITE(supervisor)

BOOST_AUTO_TEST_CASE(a_worker_that_lived_long_is_replaced_at_once) {
    BOOST_TEST(restartDelayMs(60000, 0) == 0);
}

BOOST_AUTO_TEST_CASE(young_deaths_back_off_exponentially) {
    BOOST_TEST(restartDelayMs(100, 1) == 250);
    BOOST_TEST(restartDelayMs(100, 2) == 500);
    BOOST_TEST(restartDelayMs(100, 3) == 1000);
}

BOOST_AUTO_TEST_CASE(back_off_is_capped_so_a_fixed_fault_recovers_soon) {
    BOOST_TEST(restartDelayMs(100, 50) == 30000);
}

BOOST_AUTO_TEST_SUITE_END()
