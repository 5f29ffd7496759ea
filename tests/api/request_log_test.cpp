// The request log: one line per request, and never a secret the client sent or
// received (passwords, SMS codes, tokens); nginx's request id in it and in the error
// lines; reopened on SIGHUP after logrotate renamed it, without losing a line.
#define BOOST_TEST_MODULE api_request_log
#include "request_log.hpp"

#include <signal.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <set>
#include <thread>

#include "api_test.hpp"

namespace {

const std::string kPing = "/app/system!ping";

#define MMX_CHECK_NOT_LOGGED(lines, what, secret)                                      \
    do {                                                                               \
        const std::string mmxLine_ = api::lineHolding((lines), (secret));              \
        BOOST_CHECK_MESSAGE(mmxLine_.empty(), what << " is in the log: " << mmxLine_); \
    } while (0)

}  // namespace

BOOST_AUTO_TEST_CASE(every_request_adds_one_line_with_its_route_uid_and_outcome) {
    // A fresh user's requests: their lines carry its uid and the route, whatever else
    // the stack logs.
    const api::TestUser u = api::newUser();
    api::RequestLogWindow window;
    for (int i = 0; i < 5; ++i) {
        MMX_REQUIRE_OK(api::http().post("/user/user!readUser", {}, api::authHeaders(u.session)));
    }
    const auto mine = window.linesOf(u.session.uid, "/user/user!readUser", 5);
    BOOST_CHECK_EQUAL(mine.size(), 5u);
    for (const std::string& line : mine) {
        BOOST_CHECK_MESSAGE(line.find(" status=200 code=OK us=") != std::string::npos,
                            "a log line does not carry the outcome: " << line);
    }
}

BOOST_AUTO_TEST_CASE(secrets_never_reach_the_request_log) {
    api::RequestLogWindow window;
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    const std::string wrongPassword = api::uniquePassword();
    const std::string newPassword = api::uniquePassword();

    const std::string registerCode = api::sendRegisterCode(mobile);
    MMX_REQUIRE_OK(api::http().post("/user/user!register",
                                    {{"userVO.userMobile", mobile},
                                     {"userVO.password", password},
                                     {"telSecurityCode", registerCode}},
                                    api::clientHeader(api::uniqueClient())));
    api::http().post("/user/user!login",
                     {{"userVO.userName", mobile}, {"userVO.password", wrongPassword}},
                     api::clientHeader(api::uniqueClient()));
    const api::Session first = api::login(mobile, password, api::uniqueClient());
    MMX_REQUIRE_OK(api::http().get("/user/user!readUser", {}, api::authHeaders(first)));
    MMX_REQUIRE_OK(api::http().post("/user/user!updatePassword",
                                    {{"oldPassword", password}, {"userVO.password", newPassword}},
                                    api::authHeaders(first)));
    const api::Session second = api::login(mobile, newPassword, api::uniqueClient());
    MMX_REQUIRE_OK(api::http().post("/user/user!signOut", {}, api::authHeaders(second)));

    const auto lines = window.lines(8);
    BOOST_CHECK_GE(lines.size(), 8u);  // the eight requests above
    MMX_CHECK_NOT_LOGGED(lines, "the password", password);
    MMX_CHECK_NOT_LOGGED(lines, "a wrong password", wrongPassword);
    MMX_CHECK_NOT_LOGGED(lines, "the new password", newPassword);
    MMX_CHECK_NOT_LOGGED(lines, "the first token", first.accessToken);
    MMX_CHECK_NOT_LOGGED(lines, "the second token", second.accessToken);
    const std::string codeLine = api::lineHoldingNumber(lines, registerCode);
    BOOST_CHECK_MESSAGE(codeLine.empty(), "the register code is in the log: " << codeLine);
}

BOOST_AUTO_TEST_CASE(reset_code_and_new_password_never_reach_the_request_log) {
    const api::TestUser u = api::newAgedUser().user;
    const api::Headers phone = api::clientHeader(api::uniqueClient());
    api::RequestLogWindow window;
    const std::string wrong = api::uniquePassword();
    const std::string fresh = api::uniquePassword();
    MMX_REQUIRE_OK(api::http().post("/user/user!sendValidateCodeByRetreve",
                                    {{"userVO.userMobile", u.mobile}}, phone));
    const std::string code = api::lastSmsCode(u.mobile, "reset");
    const std::string wrongCode = api::wrongCode(code);
    const auto reset = [&](const std::string& password, const std::string& guess) {
        return api::http().post("/user/user!noLoginUpdatePassword",
                                {{"userVO.userMobile", u.mobile},
                                 {"userVO.password", password},
                                 {"validateCode", guess}},
                                phone);
    };
    MMX_CHECK_FAILS_WITH(reset(wrong, wrongCode), "BAD_CODE");
    MMX_REQUIRE_OK(reset(fresh, code));
    const auto lines = window.lines(3);
    BOOST_CHECK_EQUAL(lines.size(), 3u);
    MMX_CHECK_NOT_LOGGED(lines, "a refused new password", wrong);
    MMX_CHECK_NOT_LOGGED(lines, "the new password", fresh);
    for (const std::string& guess : {code, wrongCode}) {
        const std::string line = api::lineHoldingNumber(lines, guess);
        BOOST_CHECK_MESSAGE(line.empty(), "a reset code is in the log: " << line);
    }
}

namespace {

const std::string kReadUser = "/user/user!readUser";

std::string accessLogPath() {
    return api::stackEnv().varDir + "/nginx/logs/access.log";
}

std::string poolLogPath() {
    return api::stackEnv().varDir + "/log/mmx.log";
}

// nginx's $request_id for the one request sent with header client=`client`, read from
// its access-log line (past the first `skip` lines); empty when there is none.
std::string nginxRequestId(const std::string& client, size_t skip) {
    const std::string line =
        api::awaitLineHolding(accessLogPath(), skip, "client=\"" + client + "\"");
    const auto at = line.rfind(" rid=");
    return at == std::string::npos ? std::string() : line.substr(at + 5);
}

// Lines of `path` by `uid` on readUser.
size_t readUserLinesOf(const std::string& path, const std::string& uid) {
    std::ifstream in(path);
    size_t count = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.find(" route=" + kReadUser + " uid=" + uid + " ") != std::string::npos) ++count;
    }
    return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(one_request_id_is_in_nginx_access_log_and_in_the_request_log_line) {
    const size_t skip = api::countLines(accessLogPath());
    const std::string client = api::uniqueClient();
    MMX_REQUIRE_OK(api::http().get(kPing, {}, api::clientHeader(client)));
    const std::string rid = nginxRequestId(client, skip);
    BOOST_REQUIRE_MESSAGE(rid.size() == 32, "no request id in nginx's access-log line: " << rid);
    const std::string line = api::awaitLineHolding(api::requestLogPath(), 0, " rid=" + rid);
    BOOST_REQUIRE_MESSAGE(!line.empty(), "request id " << rid << " is not in the request log");
    BOOST_CHECK_MESSAGE(line.find(" route=" + kPing + " ") != std::string::npos,
                        "the line of request " << rid << " is another request's: " << line);
}

BOOST_AUTO_TEST_CASE(an_error_a_worker_logs_while_serving_a_request_begins_with_its_request_id) {
    // What a worker logs when it finds its database connection gone, idle or mid-statement.
    const std::string kReconnecting = ", reconnecting";
    const api::TestUser u = api::newUser();
    const size_t accessSkip = api::countLines(accessLogPath());
    const size_t poolSkip = api::countLines(poolLogPath());
    // Every database connection of the pool is cut: a worker's next request finds its
    // connection closed (or lost), logs it and reconnects.
    api::runSql(
        "DELIMITER //\n"
        "BEGIN NOT ATOMIC FOR c IN (SELECT id FROM information_schema.processlist WHERE "
        "user = SUBSTRING_INDEX(CURRENT_USER(), '@', 1) AND id <> CONNECTION_ID()) DO "
        "KILL CONNECTION c.id; END FOR; END //\n");
    for (int i = 0; i < 16; ++i) api::http().post(kReadUser, {}, api::authHeaders(u.session));
    std::set<std::string> ours;
    // Each readUser above is identified by its access-log line: the user's uid header.
    // nginx writes it just after answering: wait for all 16.
    for (const std::string& line :
         api::awaitLinesHolding(accessLogPath(), accessSkip, "uid=\"" + u.session.uid + "\"", 16)) {
        const auto at = line.rfind(" rid=");
        if (at != std::string::npos) ours.insert(line.substr(at + 5));
    }
    BOOST_REQUIRE_GE(ours.size(), 16u);
    const std::string first = api::awaitLineHolding(poolLogPath(), poolSkip, kReconnecting);
    BOOST_REQUIRE_MESSAGE(!first.empty(), "no worker logged its lost connection");
    std::ifstream pool(poolLogPath());
    size_t n = 0;
    size_t tagged = 0;
    for (std::string line; std::getline(pool, line); ++n) {
        if (n < poolSkip || line.find(kReconnecting) == std::string::npos) continue;
        const bool ofOurs = line.rfind("rid=", 0) == 0 && line.size() > 37 &&
                            ours.count(line.substr(4, 32)) == 1 && line[36] == ' ';
        BOOST_CHECK_MESSAGE(ofOurs, "an error line without one of our request ids: " << line);
        tagged += ofOurs ? 1 : 0;
    }
    BOOST_CHECK_GE(tagged, 1u);
}

BOOST_AUTO_TEST_CASE(after_a_rename_and_sighup_every_line_lands_in_the_new_file_and_none_is_lost) {
    const api::TestUser busy = api::newUser();  // its requests run on through the rotation
    const api::TestUser marker = api::newUser();
    const std::string current = api::requestLogPath();
    const std::string rotated = current + ".rotated";
    std::remove(rotated.c_str());

    std::atomic<bool> stop{false};
    std::atomic<size_t> answered{0};
    std::atomic<size_t> failed{0};
    std::vector<std::thread> load;
    for (int t = 0; t < 4; ++t) {
        load.emplace_back([&] {
            api::HttpClient http(api::stackEnv().baseUrl);
            while (!stop) {
                const auto r = http.post(kReadUser, {}, api::authHeaders(busy.session));
                ++(r.status == 200 && r.code() == "OK" ? answered : failed);
            }
        });
    }
    const auto readMarker = [&](int times) {
        for (int i = 0; i < times; ++i) {
            MMX_CHECK_OK(api::http().post(kReadUser, {}, api::authHeaders(marker.session)));
        }
    };
    readMarker(10);
    BOOST_REQUIRE_EQUAL(std::rename(current.c_str(), rotated.c_str()), 0);
    readMarker(10);  // the workers still hold the renamed file: these land there
    // A worker writes its line just after answering: wait for all twenty before the signal.
    BOOST_REQUIRE_EQUAL(
        api::awaitLinesHolding(rotated, 0,
                               " route=" + kReadUser + " uid=" + marker.session.uid + " ", 20)
            .size(),
        20u);
    const size_t poolSkip = api::countLines(poolLogPath());
    BOOST_REQUIRE_EQUAL(kill(api::supervisorPid(), SIGHUP), 0);
    BOOST_REQUIRE_MESSAGE(
        !api::awaitLineHolding(poolLogPath(), poolSkip, "reopening logs: told").empty(),
        "the supervisor did not pass SIGHUP on");
    api::RequestLogWindow fresh;
    readMarker(20);
    stop = true;
    for (auto& thread : load) thread.join();

    BOOST_CHECK_EQUAL(failed.load(), 0u);
    BOOST_CHECK_EQUAL(fresh.linesOf(marker.session.uid, kReadUser, 20).size(), 20u);
    BOOST_CHECK_EQUAL(readUserLinesOf(rotated, marker.session.uid), 20u);
    BOOST_CHECK_EQUAL(readUserLinesOf(current, marker.session.uid), 20u);
    // Every answered request of the load is in one of the two files, once.
    const size_t inNew = readUserLinesOf(current, busy.session.uid);
    const size_t inOld = readUserLinesOf(rotated, busy.session.uid);
    BOOST_CHECK_GT(answered.load(), 0u);
    BOOST_CHECK_EQUAL(inOld + inNew, answered.load());
    std::remove(rotated.c_str());
}
