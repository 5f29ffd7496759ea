#include "fcgi/cpu_budget.hpp"

#include <boost/test/unit_test.hpp>
#include <ctime>

#include "child_process.hpp"

using mmx::testing::exitOfChild;

namespace {

// Burns CPU until `seconds` of this process's CPU time have passed.
void spinFor(double seconds) {
    const std::clock_t start = std::clock();
    volatile unsigned long sink = 0;
    while (static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC < seconds) sink = sink + 1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cpu_budget)

BOOST_AUTO_TEST_CASE(a_request_that_spends_its_cpu_budget_stops_the_worker) {
    const int status = exitOfChild([] {
        mmx::installCpuBudgetHandler();
        mmx::armCpuBudget(1);
        spinFor(30);  // without the budget the child ends on its own, with status 0
    });
    BOOST_TEST(status == mmx::kCpuBudgetExitStatus);
}

BOOST_AUTO_TEST_CASE(a_budget_disarmed_after_the_answer_does_not_stop_the_worker_later) {
    const int status = exitOfChild([] {
        mmx::installCpuBudgetHandler();
        mmx::armCpuBudget(1);
        spinFor(0.3);
        mmx::disarmCpuBudget();
        spinFor(1.5);
    });
    BOOST_TEST(status == 0);
}

BOOST_AUTO_TEST_CASE(each_request_gets_the_whole_budget_again) {
    const int status = exitOfChild([] {
        mmx::installCpuBudgetHandler();
        for (int request = 0; request < 3; ++request) {
            mmx::armCpuBudget(1);
            spinFor(0.6);
            mmx::disarmCpuBudget();
        }
    });
    BOOST_TEST(status == 0);
}

BOOST_AUTO_TEST_SUITE_END()
