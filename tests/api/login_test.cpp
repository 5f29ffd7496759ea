// Logging in with mobile and password: what a success returns, what a failure
// reveals (nothing), and the per-account lockout.
#define BOOST_TEST_MODULE api_login
#include <chrono>
#include <cstdlib>

#include "api_test.hpp"

namespace {

const std::string kLogin = "/user/user!login";

api::Response loginWith(const std::string& userName, const std::string& password,
                        const std::string& client = api::uniqueClient()) {
    return api::http().post(kLogin, {{"userVO.userName", userName}, {"userVO.password", password}},
                            api::clientHeader(client));
}

// The userVO of a login answer.
const char* const kProfileFields[] = {
    "userId",  "sex",      "age",      "phoneNumber", "country",    "province",
    "city",    "district", "street",   "company",     "occupation", "role",
    "degrees", "school",   "nickName", "userPhoto",   "signature"};

}  // namespace

BOOST_AUTO_TEST_SUITE(success)

BOOST_AUTO_TEST_CASE(login_returns_identity_headers_and_the_full_profile) {
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    const long long userId = api::registerUser(mobile, password);
    const std::string client = api::uniqueClient();

    const api::Response r = loginWith(mobile, password, client);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(r.header("uid"), std::to_string(userId));
    BOOST_CHECK_EQUAL(r.header("client"), client);
    BOOST_CHECK(!r.header("accesstoken").empty());
    BOOST_CHECK(!r.header("expire").empty());

    const rapidjson::Value* user = r.data("userVO");
    BOOST_REQUIRE_MESSAGE(user != nullptr && user->IsObject(), r.describe());
    for (const char* field : kProfileFields) {
        BOOST_CHECK_MESSAGE(user->HasMember(field), "userVO lacks " << field);
    }
    BOOST_CHECK_EQUAL(api::scalarText((*user)["userId"]), std::to_string(userId));
    BOOST_CHECK_EQUAL(api::scalarText((*user)["phoneNumber"]), mobile);
}

BOOST_AUTO_TEST_CASE(login_never_echoes_the_password) {
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    api::registerUser(mobile, password);
    const api::Response r = loginWith(mobile, password);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(r.body.find(password) == std::string::npos);
    for (const auto& [name, value] : r.headers) {
        BOOST_CHECK_MESSAGE(value.find(password) == std::string::npos, "header " << name);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(failure)

BOOST_AUTO_TEST_CASE(login_with_wrong_password_reveals_nothing) {
    const std::string mobile = api::uniqueMobile();
    api::registerUser(mobile, api::uniquePassword());

    const api::Response wrongPassword = loginWith(mobile, api::uniquePassword());
    const api::Response unknownUser = loginWith(api::uniqueMobile(), api::uniquePassword());
    MMX_CHECK_FAILS_WITH(wrongPassword, "BAD_CREDENTIALS");
    MMX_CHECK_FAILS_WITH(unknownUser, "BAD_CREDENTIALS");
    BOOST_CHECK_EQUAL(wrongPassword.status, unknownUser.status);
    BOOST_CHECK_EQUAL(wrongPassword.info(), unknownUser.info());
    BOOST_CHECK_EQUAL(wrongPassword.body, unknownUser.body);
    BOOST_CHECK(wrongPassword.header("accesstoken").empty());
    BOOST_CHECK(wrongPassword.header("uid").empty());
}

BOOST_AUTO_TEST_CASE(login_with_missing_params_is_bad_param) {
    const api::Headers client = api::clientHeader(api::uniqueClient());
    MMX_CHECK_FAILS_WITH(api::http().post(kLogin, {{"userVO.password", "whatever1"}}, client),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        api::http().post(kLogin, {{"userVO.userName", api::uniqueMobile()}}, client), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(lockout)

BOOST_AUTO_TEST_CASE(five_wrong_passwords_lock_the_account_to_that_address_even_for_the_right_one) {
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    api::registerUser(mobile, password);
    for (int i = 0; i < 5; ++i) {
        MMX_CHECK_FAILS_WITH(loginWith(mobile, api::uniquePassword()), "BAD_CREDENTIALS");
    }
    MMX_CHECK_FAILS_WITH(loginWith(mobile, password), "RATE_LIMITED");
}

BOOST_AUTO_TEST_CASE(other_spellings_of_the_login_name_share_the_accounts_tries) {
    // MariaDB's collation finds the account under a full-width first digit or with a
    // zero-width space inside; the tries must count against the account, not against
    // each spelling of its name.
    const std::string password = api::uniquePassword();
    const std::string mobile = api::uniqueMobile();
    api::registerUser(mobile, password);
    const std::string fullWidthFirst = "\xEF\xBC\x91" + mobile.substr(1);  // "１" + the rest
    const std::string zeroWidthSpace = mobile.substr(0, 3) + "\xE2\x80\x8B" + mobile.substr(3);
    MMX_REQUIRE_OK(loginWith(fullWidthFirst, password));  // both spellings reach the account
    MMX_REQUIRE_OK(loginWith(zeroWidthSpace, password));
    for (const std::string& name :
         {fullWidthFirst, zeroWidthSpace, mobile, fullWidthFirst, zeroWidthSpace}) {
        MMX_CHECK_FAILS_WITH(loginWith(name, api::uniquePassword()), "BAD_CREDENTIALS");
    }
    MMX_CHECK_FAILS_WITH(loginWith(mobile, password), "RATE_LIMITED");
}

BOOST_AUTO_TEST_CASE(a_successful_login_clears_the_tries_before_it) {
    const std::string password = api::uniquePassword();
    const std::string mobile = api::uniqueMobile();
    api::registerUser(mobile, password);
    for (int i = 0; i < 4; ++i) {
        MMX_CHECK_FAILS_WITH(loginWith(mobile, api::uniquePassword()), "BAD_CREDENTIALS");
    }
    MMX_CHECK_OK(loginWith(mobile, password));
    for (int i = 0; i < 4; ++i) {
        MMX_CHECK_FAILS_WITH(loginWith(mobile, api::uniquePassword()), "BAD_CREDENTIALS");
    }
    MMX_CHECK_OK(loginWith(mobile, password));
}

BOOST_AUTO_TEST_CASE(four_wrong_passwords_still_let_the_right_one_in) {
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    api::registerUser(mobile, password);
    for (int i = 0; i < 4; ++i) {
        MMX_CHECK_FAILS_WITH(loginWith(mobile, api::uniquePassword()), "BAD_CREDENTIALS");
    }
    MMX_CHECK_OK(loginWith(mobile, password));
}

BOOST_AUTO_TEST_CASE(lockout_of_one_account_leaves_others_alone) {
    const std::string locked = api::uniqueMobile();
    const std::string lockedPassword = api::uniquePassword();
    const std::string other = api::uniqueMobile();
    const std::string otherPassword = api::uniquePassword();
    api::registerUser(locked, lockedPassword);
    api::registerUser(other, otherPassword);
    for (int i = 0; i < 6; ++i) loginWith(locked, api::uniquePassword());
    MMX_CHECK_FAILS_WITH(loginWith(locked, lockedPassword), "RATE_LIMITED");  // it is locked
    MMX_CHECK_OK(loginWith(other, otherPassword));
}

BOOST_AUTO_TEST_CASE(lockout_does_not_reveal_whether_the_account_exists) {
    const std::string known = api::uniqueMobile();
    const std::string unknown = api::uniqueMobile();
    api::registerUser(known, api::uniquePassword());
    // The two windows open with each one's first wrong try and are read by the last two
    // answers: each pair at most `taken` apart, however slow the machine is.
    const auto before = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) {
        loginWith(known, api::uniquePassword());
        loginWith(unknown, api::uniquePassword());
    }
    const api::Response knownAnswer = loginWith(known, api::uniquePassword());
    const api::Response unknownAnswer = loginWith(unknown, api::uniquePassword());
    const auto taken = std::chrono::steady_clock::now() - before;
    MMX_CHECK_FAILS_WITH(knownAnswer, "RATE_LIMITED");
    MMX_CHECK_FAILS_WITH(unknownAnswer, "RATE_LIMITED");
    BOOST_CHECK_EQUAL(knownAnswer.info(), unknownAnswer.info());
    // Both wait for windows opened at about the same time (whole seconds each way).
    const auto waitOf = [](const api::Response& r) {
        const rapidjson::Value* retryAfter = r.data("retryAfter");
        return retryAfter != nullptr && retryAfter->IsInt64() ? retryAfter->GetInt64() : -1;
    };
    BOOST_CHECK_GE(waitOf(knownAnswer), 1);
    const long long apart = std::chrono::duration_cast<std::chrono::seconds>(taken).count() + 1;
    BOOST_CHECK_LE(std::abs(waitOf(knownAnswer) - waitOf(unknownAnswer)), apart);
}

BOOST_AUTO_TEST_CASE(a_session_made_before_the_lockout_keeps_working) {
    const api::TestUser u = api::newUser();
    for (int i = 0; i < 6; ++i) loginWith(u.mobile, api::uniquePassword());
    MMX_CHECK_FAILS_WITH(loginWith(u.mobile, api::uniquePassword()), "RATE_LIMITED");
    MMX_CHECK_OK(api::http().post("/user/user!readUser", {}, api::authHeaders(u.session)));
}

BOOST_AUTO_TEST_SUITE_END()
