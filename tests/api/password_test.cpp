// Changing a password: updatePassword (signed in, with the old one) and the SMS
// reset (sendValidateCodeByRetreve + noLoginUpdatePassword). Both end every
// session of the account.
#define BOOST_TEST_MODULE api_password
#include <cstdlib>

#include "api_test.hpp"

namespace {

const std::string kUpdatePassword = "/user/user!updatePassword";
const std::string kSendResetCode = "/user/user!sendValidateCodeByRetreve";
const std::string kReset = "/user/user!noLoginUpdatePassword";
const std::string kReadUser = "/user/user!readUser";
const std::string kLogin = "/user/user!login";

api::Response readSelf(const api::Session& s) {
    return api::http().post(kReadUser, {}, api::authHeaders(s));
}

api::Response loginWith(const std::string& mobile, const std::string& password) {
    return api::http().post(kLogin, {{"userVO.userName", mobile}, {"userVO.password", password}},
                            api::clientHeader(api::uniqueClient()));
}

api::Response updatePassword(const api::Session& s, const std::string& oldPassword,
                             const std::string& newPassword) {
    return api::http().post(kUpdatePassword,
                            {{"oldPassword", oldPassword}, {"userVO.password", newPassword}},
                            api::authHeaders(s));
}

api::Response sendResetCode(const std::string& mobile) {
    return api::http().post(kSendResetCode, {{"userVO.userMobile", mobile}},
                            api::clientHeader(api::uniqueClient()));
}

api::Response reset(const std::string& mobile, const std::string& password,
                    const std::string& code) {
    return api::http().post(
        kReset,
        {{"userVO.userMobile", mobile}, {"userVO.password", password}, {"validateCode", code}},
        api::clientHeader(api::uniqueClient()));
}

std::string requestResetCode(const std::string& mobile) {
    MMX_REQUIRE_OK(sendResetCode(mobile));
    return api::lastSmsCode(mobile, "reset");
}

// Users for the reset tests: their register SMS is past the one-SMS-a-minute rule.
api::TestUser agedUser() {
    return api::newAgedUser().user;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(update_password)

BOOST_AUTO_TEST_CASE(wrong_old_password_is_bad_credentials_and_changes_nothing) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(updatePassword(u.session, api::uniquePassword(), api::uniquePassword()),
                         "BAD_CREDENTIALS");
    MMX_CHECK_OK(readSelf(u.session));
    MMX_CHECK_OK(loginWith(u.mobile, u.password));
}

BOOST_AUTO_TEST_CASE(update_password_ends_every_session_and_swaps_the_password) {
    const api::TestUser u = api::newUser();
    const api::Session elsewhere = api::login(u.mobile, u.password, api::uniqueClient());
    const std::string fresh = api::uniquePassword();
    MMX_REQUIRE_OK(updatePassword(u.session, u.password, fresh));
    MMX_CHECK_FAILS_WITH(readSelf(u.session), "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(readSelf(elsewhere), "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(loginWith(u.mobile, u.password), "BAD_CREDENTIALS");
    MMX_CHECK_OK(loginWith(u.mobile, fresh));
}

BOOST_AUTO_TEST_CASE(new_password_of_bad_length_is_bad_param_and_changes_nothing) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(updatePassword(u.session, u.password, "short"), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(updatePassword(u.session, u.password, std::string(129, 'x')), "BAD_PARAM");
    MMX_CHECK_OK(readSelf(u.session));
    MMX_CHECK_OK(loginWith(u.mobile, u.password));
}

BOOST_AUTO_TEST_CASE(update_password_with_missing_params_is_bad_param) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(api::http().post(kUpdatePassword, {{"oldPassword", u.password}},
                                          api::authHeaders(u.session)),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::http().post(kUpdatePassword, {{"userVO.password", "whatever123"}},
                                          api::authHeaders(u.session)),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(update_password_needs_a_session) {
    MMX_CHECK_FAILS_WITH(
        api::http().post(kUpdatePassword,
                         {{"oldPassword", "whatever123"}, {"userVO.password", "whatever456"}},
                         api::clientHeader(api::uniqueClient())),
        "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reset_code)

BOOST_AUTO_TEST_CASE(reset_code_goes_to_a_registered_mobile) {
    const api::TestUser u = agedUser();
    const std::string code = requestResetCode(u.mobile);
    BOOST_CHECK_EQUAL(code.size(), 6u);
    BOOST_CHECK_EQUAL(code.find_first_not_of("0123456789"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(reset_code_request_for_an_unknown_mobile_looks_the_same_and_sends_nothing) {
    const api::TestUser u = agedUser();
    const std::string unknown = api::uniqueMobile();
    const api::Response known = sendResetCode(u.mobile);
    const api::Response stranger = sendResetCode(unknown);
    MMX_CHECK_OK(known);
    MMX_CHECK_OK(stranger);
    BOOST_CHECK_EQUAL(known.body, stranger.body);

    // The 60 s throttle holds for unknown mobiles too, or it would tell them apart.
    const api::Response knownAgain = sendResetCode(u.mobile);
    const api::Response strangerAgain = sendResetCode(unknown);
    MMX_CHECK_FAILS_WITH(knownAgain, "RATE_LIMITED");
    MMX_CHECK_FAILS_WITH(strangerAgain, "RATE_LIMITED");
    BOOST_CHECK_EQUAL(knownAgain.body, strangerAgain.body);

    // The outbox is written before a send is answered: nothing more can arrive.
    BOOST_CHECK_EQUAL(api::smsMessages(unknown, "reset").size(), 0u);
    BOOST_CHECK_EQUAL(api::smsMessages(u.mobile, "reset").size(), 1u);
}

BOOST_AUTO_TEST_CASE(reset_code_request_for_a_malformed_mobile_is_bad_param) {
    MMX_CHECK_FAILS_WITH(sendResetCode("12345"), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        api::http().post(kSendResetCode, {}, api::clientHeader(api::uniqueClient())), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(reset_password)

BOOST_AUTO_TEST_CASE(wrong_reset_code_is_bad_code_and_changes_nothing) {
    const api::TestUser u = agedUser();
    const std::string code = requestResetCode(u.mobile);
    MMX_CHECK_FAILS_WITH(reset(u.mobile, api::uniquePassword(), api::wrongCode(code)), "BAD_CODE");
    MMX_CHECK_OK(readSelf(u.session));
    MMX_CHECK_OK(loginWith(u.mobile, u.password));
}

BOOST_AUTO_TEST_CASE(reset_ends_every_session_and_the_new_password_logs_in) {
    const api::TestUser u = agedUser();
    const api::Session elsewhere = api::login(u.mobile, u.password, api::uniqueClient());
    const std::string fresh = api::uniquePassword();
    MMX_REQUIRE_OK(reset(u.mobile, fresh, requestResetCode(u.mobile)));
    MMX_CHECK_FAILS_WITH(readSelf(u.session), "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(readSelf(elsewhere), "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(loginWith(u.mobile, u.password), "BAD_CREDENTIALS");
    MMX_CHECK_OK(loginWith(u.mobile, fresh));
}

BOOST_AUTO_TEST_CASE(a_reset_by_sms_code_lifts_every_lock_on_the_accounts_login) {
    const api::TestUser u = agedUser();
    // Closed to this address (5 wrong) and, with 3 more from elsewhere, to every unknown
    // client (the test stack's per-account limit is 8).
    for (int i = 0; i < 5; ++i) loginWith(u.mobile, api::uniquePassword());
    api::HttpClient elsewhere(api::stackEnv().baseUrl);
    elsewhere.setSourceAddress("127.0.0.6");
    const int accountLimit = std::stoi(std::getenv("MMX_TEST_ACCOUNT_FAIL_LIMIT"));
    for (int i = 5; i < accountLimit; ++i) {
        elsewhere.post(
            kLogin,
            {{"userVO.userName", u.mobile}, {"userVO.password", "wrong-" + api::uniquePassword()}},
            api::clientHeader(api::uniqueClient()));
    }
    MMX_REQUIRE_ANSWER(loginWith(u.mobile, u.password), 200, "RATE_LIMITED");
    const std::string fresh = api::uniquePassword();
    MMX_REQUIRE_OK(reset(u.mobile, fresh, requestResetCode(u.mobile)));
    MMX_CHECK_OK(loginWith(u.mobile, fresh));
}

BOOST_AUTO_TEST_CASE(used_reset_code_is_code_expired) {
    const api::TestUser u = agedUser();
    const std::string code = requestResetCode(u.mobile);
    const std::string fresh = api::uniquePassword();
    MMX_REQUIRE_OK(reset(u.mobile, fresh, code));
    MMX_CHECK_FAILS_WITH(reset(u.mobile, api::uniquePassword(), code), "CODE_EXPIRED");
    MMX_CHECK_OK(loginWith(u.mobile, fresh));
}

BOOST_AUTO_TEST_CASE(five_wrong_reset_codes_expire_the_right_one) {
    const api::TestUser u = agedUser();
    const std::string code = requestResetCode(u.mobile);
    for (int i = 0; i < 4; ++i) {
        MMX_CHECK_FAILS_WITH(reset(u.mobile, api::uniquePassword(), api::wrongCode(code)),
                             "BAD_CODE");
    }
    const api::Response fifth = reset(u.mobile, api::uniquePassword(), api::wrongCode(code));
    BOOST_CHECK_MESSAGE(fifth.code() == "BAD_CODE" || fifth.code() == "CODE_EXPIRED",
                        fifth.describe());
    MMX_CHECK_FAILS_WITH(reset(u.mobile, api::uniquePassword(), code), "CODE_EXPIRED");
    MMX_CHECK_OK(loginWith(u.mobile, u.password));
}

BOOST_AUTO_TEST_CASE(register_code_does_not_reset_a_password) {
    const api::AgedUser aged = api::newAgedUser();
    const api::TestUser& u = aged.user;
    const std::string resetCode = requestResetCode(u.mobile);
    if (resetCode == aged.registerCode) return;  // one chance in a million: nothing to prove
    const api::Response r = reset(u.mobile, api::uniquePassword(), aged.registerCode);
    BOOST_CHECK_MESSAGE(r.code() == "BAD_CODE" || r.code() == "CODE_EXPIRED", r.describe());
    MMX_CHECK_OK(loginWith(u.mobile, u.password));
}

BOOST_AUTO_TEST_CASE(reset_of_an_unknown_mobile_answers_like_a_wrong_code) {
    const api::TestUser u = agedUser();
    const std::string stranger = api::uniqueMobile();
    // What a prober sees: both mobiles "got" a reset code, then a guess for each.
    const std::string code = requestResetCode(u.mobile);
    MMX_REQUIRE_OK(sendResetCode(stranger));
    const api::Response known = reset(u.mobile, "whatever-123", api::wrongCode(code));
    const api::Response unknown = reset(stranger, "whatever-123", api::wrongCode(code));
    MMX_CHECK_FAILS_WITH(known, "BAD_CODE");
    MMX_CHECK_FAILS_WITH(unknown, "BAD_CODE");
    BOOST_CHECK_EQUAL(known.body, unknown.body);
}

BOOST_AUTO_TEST_CASE(reset_code_of_one_mobile_does_not_reset_another) {
    const api::TestUser a = agedUser();
    const api::TestUser b = agedUser();
    const std::string codeA = requestResetCode(a.mobile);
    const std::string codeB = requestResetCode(b.mobile);
    if (codeA == codeB) return;
    MMX_CHECK_FAILS_WITH(reset(b.mobile, api::uniquePassword(), codeA), "BAD_CODE");
    MMX_CHECK_OK(loginWith(b.mobile, b.password));
}

BOOST_AUTO_TEST_CASE(reset_with_a_bad_new_password_keeps_the_code_usable) {
    const api::TestUser u = agedUser();
    const std::string code = requestResetCode(u.mobile);
    MMX_CHECK_FAILS_WITH(reset(u.mobile, "short", code), "BAD_PARAM");
    const std::string fresh = api::uniquePassword();
    MMX_CHECK_OK(reset(u.mobile, fresh, code));
    MMX_CHECK_OK(loginWith(u.mobile, fresh));
}

BOOST_AUTO_TEST_SUITE_END()
