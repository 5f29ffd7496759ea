#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mmx {

// One line per request: time, route, uid, status, code, microseconds, and the request id
// nginx gave it (`rid=`, its $request_id, also in nginx's access log and in every error
// line the worker writes while serving it).
// Parameters and headers are never written, so no password, code or token can leak here.
class RequestLog {
  public:
    explicit RequestLog(const std::string& path);
    ~RequestLog();
    RequestLog(const RequestLog&) = delete;
    RequestLog& operator=(const RequestLog&) = delete;

    void record(std::string_view route, std::string_view uid, int status, std::string_view code,
                std::int64_t micros, std::string_view requestId);

    // Opens the path again (after logrotate renamed the file): lines written after this
    // land in the new file, none in the renamed one. Keeps the old file when it cannot.
    void reopen();

  private:
    std::string path_;
    int fd_ = -1;
};

// The log line itself, kept apart so that its shape can be tested.
std::string formatLogLine(std::int64_t epochMs, std::string_view route, std::string_view uid,
                          int status, std::string_view code, std::int64_t micros,
                          std::string_view requestId);

// The request id as the worker logs it: nginx's $request_id is 32 hex digits; anything
// that is not 1-64 letters, digits or '-' (a missing or forged parameter) becomes empty.
std::string loggableRequestId(std::string_view raw);

}  // namespace mmx
