#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "fcgi/cpu_budget.hpp"

namespace mmx::testing {

// Runs `body` in a forked child and returns how the child ended: its exit status
// (0 when `body` returned, 1 when it threw), or 128 + the signal that killed it.
inline int exitOfChild(const std::function<void()>& body) {
    const pid_t pid = fork();
    if (pid == 0) {
        try {
            body();
        } catch (...) {
            _exit(1);
        }
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Whether `body` finishes within `seconds` of CPU time: it runs in a child under the
// workers' own CPU budget, so a parse that is not linear is stopped, not waited for.
inline bool finishesWithinCpuSeconds(int seconds, const std::function<void()>& body) {
    return exitOfChild([&] {
               installCpuBudgetHandler();
               armCpuBudget(seconds);
               body();
               disarmCpuBudget();
           }) == 0;
}

}  // namespace mmx::testing
