#pragma once

// What the workers wrote to $MMX_TEST_VAR/log/requests.log while a test ran.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace mmx::apitest {

std::string requestLogPath();

// Marks the end of the log when made; lines() gives what was written after.
class RequestLogWindow {
  public:
    RequestLogWindow();
    // Waits up to 3 s for at least `atLeast` new lines (a worker writes just after
    // answering).
    std::vector<std::string> lines(size_t atLeast) const;
    // The new lines of user `uid` on `route` (as logged: "/user/user!readUser"), once
    // at least `atLeast` of them are there (or 3 s have passed): what a test may count
    // while others use the stack. The route matters too: the line of a request made
    // before the window (the user's own login) may still be on its way.
    std::vector<std::string> linesOf(const std::string& uid, const std::string& route,
                                     size_t atLeast) const;

  private:
    std::vector<std::string> written() const;
    std::vector<std::string> linesWhen(
        const std::function<bool(const std::vector<std::string>&)>& enough) const;

    size_t start_;
};

// The first line of the file at `path`, past its first `skipLines`, that holds `needle`,
// waiting (woken by each write to the file) up to 5 s for it; empty when none came.
// For the logs other programs write: nginx's access log, the pool's error log.
std::string awaitLineHolding(const std::string& path, size_t skipLines, const std::string& needle);
// The same, for the lines holding `needle`, once there are at least `atLeast` of them.
std::vector<std::string> awaitLinesHolding(const std::string& path, size_t skipLines,
                                           const std::string& needle, size_t atLeast);

// The first line holding `secret` as sent or percent-encoded; empty when none does.
std::string lineHolding(const std::vector<std::string>& lines, const std::string& secret);

// The first line holding `digits` as a whole number, not inside a timestamp or
// a mobile number; empty when none does.
std::string lineHoldingNumber(const std::vector<std::string>& lines, const std::string& digits);

}  // namespace mmx::apitest
