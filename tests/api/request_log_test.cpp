// The request log: one line per request, and never a secret the client sent or
// received (passwords, SMS codes, tokens).
#define BOOST_TEST_MODULE api_request_log
#include <curl/curl.h>

#include <fstream>
#include <regex>
#include <vector>

#include "api_test.hpp"

namespace {

const std::string kPing = "/app/system!ping";

std::string logPath() {
    return api::stackEnv().varDir + "/log/requests.log";
}

// The lines after the first `skip` ones.
std::vector<std::string> linesAfter(size_t skip) {
    std::ifstream in(logPath());
    std::vector<std::string> out;
    std::string line;
    for (size_t n = 0; std::getline(in, line); ++n) {
        if (n >= skip) out.push_back(line);
    }
    return out;
}

// Waits until the log has at least `want` lines (workers may write just after answering).
size_t waitForLines(size_t want) {
    size_t n = api::countLines(logPath());
    for (int i = 0; i < 30 && n < want; ++i) {
        api::sleepFor(std::chrono::milliseconds(100));
        n = api::countLines(logPath());
    }
    return n;
}

std::string urlEscaped(const std::string& s) {
    char* e = curl_escape(s.c_str(), static_cast<int>(s.size()));
    std::string out(e);
    curl_free(e);
    return out;
}

void checkAbsent(const std::vector<std::string>& lines, const std::string& what,
                 const std::string& secret) {
    for (const std::string& line : lines) {
        const bool found = line.find(secret) != std::string::npos ||
                           line.find(urlEscaped(secret)) != std::string::npos;
        BOOST_CHECK_MESSAGE(!found, what << " '" << secret << "' is in the log: " << line);
    }
}

// A six-digit code counts only as a whole number, not inside a timestamp or a mobile.
void checkCodeAbsent(const std::vector<std::string>& lines, const std::string& code) {
    const std::regex whole("(^|[^0-9])" + code + "([^0-9]|$)");
    for (const std::string& line : lines) {
        BOOST_CHECK_MESSAGE(!std::regex_search(line, whole),
                            "SMS code " << code << " is in the log: " << line);
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_request_adds_one_line) {
    api::http().get(kPing);
    const size_t before = waitForLines(1);
    for (int i = 0; i < 5; ++i) MMX_REQUIRE_OK(api::http().get(kPing));
    waitForLines(before + 5);
    api::sleepFor(std::chrono::milliseconds(300));
    const auto added = linesAfter(before);
    BOOST_CHECK_EQUAL(added.size(), 5u);
    for (const std::string& line : added) {
        BOOST_CHECK_MESSAGE(line.find("system!ping") != std::string::npos,
                            "a log line does not name its route: " << line);
    }
}

BOOST_AUTO_TEST_CASE(secrets_never_reach_the_request_log) {
    const size_t before = api::countLines(logPath());
    // Registers and logs in now, then waits out the one-SMS-per-minute rule so
    // that the same mobile can receive a reset code below.
    api::AgedUsers pool(1);
    const api::AgedUser aged = pool.take();
    const api::TestUser& u = aged.user;
    const std::string wrongPassword = api::uniquePassword();
    const std::string newPassword = api::uniquePassword();
    const std::string resetPassword = api::uniquePassword();

    api::http().post("/user/user!login",
                     {{"userVO.userName", u.mobile}, {"userVO.password", wrongPassword}},
                     api::clientHeader(api::uniqueClient()));
    MMX_REQUIRE_OK(api::http().get("/user/user!readUser", {}, api::authHeaders(u.session)));
    MMX_REQUIRE_OK(api::http().post("/user/user!updatePassword",
                                    {{"oldPassword", u.password}, {"userVO.password", newPassword}},
                                    api::authHeaders(u.session)));
    const api::Session second = api::login(u.mobile, newPassword, api::uniqueClient());
    MMX_REQUIRE_OK(api::http().post("/user/user!sendValidateCodeByRetreve",
                                    {{"userVO.userMobile", u.mobile}},
                                    api::clientHeader(api::uniqueClient())));
    const std::string resetCode = api::lastSmsCode(u.mobile, "reset");
    MMX_REQUIRE_OK(api::http().post("/user/user!noLoginUpdatePassword",
                                    {{"userVO.userMobile", u.mobile},
                                     {"userVO.password", resetPassword},
                                     {"validateCode", resetCode}},
                                    api::clientHeader(api::uniqueClient())));

    waitForLines(before + 9);
    api::sleepFor(std::chrono::milliseconds(300));
    const auto lines = linesAfter(before);
    BOOST_CHECK_GE(lines.size(), 9u);  // the nine requests above
    checkAbsent(lines, "password", u.password);
    checkAbsent(lines, "wrong password", wrongPassword);
    checkAbsent(lines, "new password", newPassword);
    checkAbsent(lines, "reset password", resetPassword);
    checkAbsent(lines, "token", u.session.accessToken);
    checkAbsent(lines, "token", second.accessToken);
    checkCodeAbsent(lines, aged.registerCode);
    checkCodeAbsent(lines, resetCode);
}
