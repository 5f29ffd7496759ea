#include "request_log.hpp"

#include <curl/curl.h>

#include <fstream>
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

std::vector<std::string> RequestLogWindow::lines(size_t atLeast) const {
    for (int i = 0; i < 30 && countLines(requestLogPath()) < start_ + atLeast; ++i) {
        sleepFor(std::chrono::milliseconds(100));
    }
    sleepFor(std::chrono::milliseconds(300));
    std::ifstream in(requestLogPath());
    std::vector<std::string> out;
    std::string line;
    for (size_t n = 0; std::getline(in, line); ++n) {
        if (n >= start_) out.push_back(line);
    }
    return out;
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
