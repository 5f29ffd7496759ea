// The request log: one line per request, and never a secret the client sent or
// received (passwords, SMS codes, tokens).
#define BOOST_TEST_MODULE api_request_log
#include "request_log.hpp"

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
    std::string wrongCode = code;
    wrongCode[0] = code[0] == '9' ? '0' : static_cast<char>(code[0] + 1);
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
