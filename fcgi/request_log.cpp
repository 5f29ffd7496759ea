#include "fcgi/request_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

namespace mmx {

namespace {

int openLog(const std::string& path) {
    // O_APPEND makes each worker's single write() land whole, even with many writers.
    return ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
}

}  // namespace

RequestLog::RequestLog(const std::string& path) : path_(path) {
    fd_ = openLog(path);
    if (fd_ < 0) std::cerr << "request log " << path << " cannot be opened; logging to stderr\n";
}

void RequestLog::reopen() {
    const int fresh = openLog(path_);
    if (fresh < 0) {
        std::cerr << "request log " << path_ << " cannot be reopened; keeping the old file\n";
        return;
    }
    if (fd_ >= 0) ::close(fd_);
    fd_ = fresh;
}

std::string loggableRequestId(std::string_view raw) {
    if (raw.empty() || raw.size() > 64) return {};
    for (const char c : raw) {
        const bool ok =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
        if (!ok) return {};
    }
    return std::string(raw);
}

RequestLog::~RequestLog() {
    if (fd_ >= 0) ::close(fd_);
}

std::string formatLogLine(std::int64_t epochMs, std::string_view route, std::string_view uid,
                          int status, std::string_view code, std::int64_t micros,
                          std::string_view requestId) {
    const std::time_t seconds = static_cast<std::time_t>(epochMs / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(epochMs % 1000));
    std::string line;
    line.reserve(128);
    line += stamp;
    line += " route=";
    // The path is client-supplied: keep the line one line.
    for (const char c : route.substr(0, 200)) line += (c < ' ' || c == 0x7f) ? '?' : c;
    line += " uid=";
    line += uid.empty() ? std::string_view("-") : uid;
    line += " status=" + std::to_string(status);
    line += " code=";
    line += code;
    line += " us=" + std::to_string(micros);
    line += " rid=";
    line += requestId.empty() ? std::string_view("-") : requestId;
    line += '\n';
    return line;
}

void RequestLog::record(std::string_view route, std::string_view uid, int status,
                        std::string_view code, std::int64_t micros, std::string_view requestId) {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto line =
        formatLogLine(std::chrono::duration_cast<std::chrono::milliseconds>(now).count(), route,
                      uid, status, code, micros, requestId);
    const int fd = fd_ >= 0 ? fd_ : STDERR_FILENO;
    if (::write(fd, line.data(), line.size()) < 0) {
        // Nothing sensible to do: a full disk must not fail the request that was answered.
    }
}

}  // namespace mmx
