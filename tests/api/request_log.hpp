#pragma once

// What the workers wrote to $MMX_TEST_VAR/log/requests.log while a test ran.

#include <cstddef>
#include <string>
#include <vector>

namespace mmx::apitest {

std::string requestLogPath();

// Marks the end of the log when made; lines() gives what was written after.
class RequestLogWindow {
  public:
    RequestLogWindow();
    // Waits up to 3 s for at least `atLeast` new lines (a worker writes just after
    // answering). The suites that count lines run alone on their stack.
    std::vector<std::string> lines(size_t atLeast) const;

  private:
    size_t start_;
};

// The first line holding `secret` as sent or percent-encoded; empty when none does.
std::string lineHolding(const std::vector<std::string>& lines, const std::string& secret);

// The first line holding `digits` as a whole number, not inside a timestamp or
// a mobile number; empty when none does.
std::string lineHoldingNumber(const std::vector<std::string>& lines, const std::string& digits);

}  // namespace mmx::apitest
