#pragma once

namespace mmx {

// The exit status of a worker stopped by its CPU budget.
inline constexpr int kCpuBudgetExitStatus = 124;

// A backstop against any request that burns CPU (a parse or a handler that turns out
// not to be linear): ITIMER_PROF counts this process's user and system CPU time and
// raises SIGPROF when the budget is spent. The handler writes one line to stderr and
// _exit()s; the supervisor starts a new worker in its place and nginx answers that
// one request with its 502 envelope. Waiting (on MariaDB, on a hash slot) costs no CPU
// and is not counted.
void installCpuBudgetHandler();

// Arms the budget for the request in hand; 0 seconds leaves it off.
void armCpuBudget(int seconds);

// Disarms it once the request is answered.
void disarmCpuBudget();

}  // namespace mmx
