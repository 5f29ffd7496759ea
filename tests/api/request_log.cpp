#include "request_log.hpp"

#include <curl/curl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <regex>

#include "stack.hpp"

namespace mmx::apitest {
namespace {

std::string percentEncoded(const std::string& s) {
    char* e = curl_escape(s.c_str(), static_cast<int>(s.size()));
    std::string out(e);
    curl_free(e);
    return out;
}

}  // namespace

std::string requestLogPath() {
    return stackEnv().varDir + "/log/requests.log";
}

RequestLogWindow::RequestLogWindow() : start_(countLines(requestLogPath())) {}

std::vector<std::string> RequestLogWindow::written() const {
    std::ifstream in(requestLogPath());
    std::vector<std::string> out;
    std::string line;
    for (size_t n = 0; std::getline(in, line); ++n) {
        if (n >= start_) out.push_back(line);
    }
    return out;
}

std::vector<std::string> RequestLogWindow::linesWhen(
    const std::function<bool(const std::vector<std::string>&)>& enough) const {
    // A worker writes its line just after it answers: wait, woken by each write to the
    // log, until the lines are there (or 3 s have passed).
    const int watch = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (watch >= 0) inotify_add_watch(watch, requestLogPath().c_str(), IN_MODIFY);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    std::vector<std::string> out = written();
    while (!enough(out)) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || watch < 0) break;
        pollfd events{watch, POLLIN, 0};
        if (poll(&events, 1, static_cast<int>(left.count())) > 0) {
            char drained[4096];
            while (read(watch, drained, sizeof drained) > 0) {
            }
        }
        out = written();
    }
    if (watch >= 0) close(watch);
    return out;
}

std::vector<std::string> RequestLogWindow::lines(size_t atLeast) const {
    return linesWhen([atLeast](const auto& lines) { return lines.size() >= atLeast; });
}

std::vector<std::string> RequestLogWindow::linesOf(const std::string& uid, const std::string& route,
                                                   size_t atLeast) const {
    const std::string routeField = " route=" + route + " ";
    const auto holding = [&](const std::vector<std::string>& lines) {
        std::vector<std::string> out;
        for (const std::string& line : lines) {
            if (line.find(routeField) != std::string::npos &&
                !lineHoldingNumber({line}, uid).empty()) {
                out.push_back(line);
            }
        }
        return out;
    };
    return holding(linesWhen([&](const auto& lines) { return holding(lines).size() >= atLeast; }));
}

std::string awaitLineHolding(const std::string& path, size_t skipLines, const std::string& needle) {
    const auto lines = awaitLinesHolding(path, skipLines, needle, 1);
    return lines.empty() ? std::string() : lines.front();
}

std::vector<std::string> awaitLinesHolding(const std::string& path, size_t skipLines,
                                           const std::string& needle, size_t atLeast) {
    const auto find = [&] {
        std::ifstream in(path);
        std::vector<std::string> out;
        std::string line;
        for (size_t n = 0; std::getline(in, line); ++n) {
            if (n >= skipLines && line.find(needle) != std::string::npos) out.push_back(line);
        }
        return out;
    };
    const int watch = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (watch >= 0) inotify_add_watch(watch, path.c_str(), IN_MODIFY);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    std::vector<std::string> found = find();
    while (found.size() < atLeast) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || watch < 0) break;
        pollfd events{watch, POLLIN, 0};
        if (poll(&events, 1, static_cast<int>(left.count())) > 0) {
            char drained[4096];
            while (read(watch, drained, sizeof drained) > 0) {
            }
        }
        found = find();
    }
    if (watch >= 0) close(watch);
    return found;
}

std::string lineHolding(const std::vector<std::string>& lines, const std::string& secret) {
    const std::string encoded = percentEncoded(secret);
    for (const std::string& line : lines) {
        if (line.find(secret) != std::string::npos || line.find(encoded) != std::string::npos) {
            return line;
        }
    }
    return {};
}

std::string lineHoldingNumber(const std::vector<std::string>& lines, const std::string& digits) {
    const std::regex whole("(^|[^0-9])" + digits + "([^0-9]|$)");
    for (const std::string& line : lines) {
        if (std::regex_search(line, whole)) return line;
    }
    return {};
}

}  // namespace mmx::apitest
