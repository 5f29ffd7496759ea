#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mmx {

// One line per request: time, route, uid, status, code, microseconds.
// Parameters and headers are never written, so no password, code or token can leak here.
class RequestLog {
  public:
    explicit RequestLog(const std::string& path);
    ~RequestLog();
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;

    void record(std::string_view route, std::string_view uid, int status, std::string_view code,
                std::int64_t micros);

  private:
    int fd_ = -1;
};

// The log line itself, kept apart so that its shape can be tested.
std::string formatLogLine(std::int64_t epochMs, std::string_view route, std::string_view uid,
                          int status, std::string_view code, std::int64_t micros);

}  // namespace mmx
