#include "fcgi/cpu_budget.hpp"

#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

namespace mmx {
namespace {

void onBudgetSpent(int) {
    static const char kMessage[] = "mmx-server: a request spent its CPU budget; worker stops\n";
    [[maybe_unused]] const auto written = write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    _exit(kCpuBudgetExitStatus);
}

void setTimer(int seconds) {
    itimerval timer{};
    timer.it_value.tv_sec = seconds;
    setitimer(ITIMER_PROF, &timer, nullptr);
}

}  // namespace

void installCpuBudgetHandler() {
    struct sigaction action {};
    action.sa_handler = onBudgetSpent;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGPROF, &action, nullptr);
}

void armCpuBudget(int seconds) {
    if (seconds > 0) setTimer(seconds);
}

void disarmCpuBudget() {
    setTimer(0);
}

}  // namespace mmx
