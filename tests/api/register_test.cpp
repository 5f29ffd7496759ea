// Registration by SMS code: sendRegisterCode and register.
#define BOOST_TEST_MODULE api_register
#include <atomic>
#include <cctype>
#include <thread>
#include <vector>

#include "api_test.hpp"

namespace {

const std::string kSendCode = "/user/user!sendRegisterCode";
const std::string kRegister = "/user/user!register";

api::Response sendCode(const std::string& mobile) {
    return api::http().post(kSendCode, {{"userVO.userMobile", mobile}},
                            api::clientHeader(api::uniqueClient()));
}

api::Response registerWith(const std::string& mobile, const std::string& password,
                           const std::string& code) {
    return api::http().post(
        kRegister,
        {{"userVO.userMobile", mobile}, {"userVO.password", password}, {"telSecurityCode", code}},
        api::clientHeader(api::uniqueClient()));
}

bool isSixDigits(const std::string& s) {
    if (s.size() != 6) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(send_register_code)

BOOST_AUTO_TEST_CASE(send_register_code_writes_a_six_digit_register_code_to_the_outbox) {
    const std::string mobile = api::uniqueMobile();
    MMX_REQUIRE_OK(sendCode(mobile));
    const auto messages = api::smsMessages(mobile, "register");
    BOOST_REQUIRE_EQUAL(messages.size(), 1u);
    BOOST_CHECK_MESSAGE(isSixDigits(messages[0].code), "code '" << messages[0].code << "'");
    BOOST_CHECK_MESSAGE(messages[0].text.find(messages[0].code) != std::string::npos,
                        "the SMS text does not carry the code: " << messages[0].text);
}

BOOST_AUTO_TEST_CASE(send_register_code_rejects_malformed_mobiles) {
    for (const char* mobile : {"", "1380013800", "138001380000", "23800138000", "1380013800a",
                               "+8613800138000", "138 0013 800", "１３８００１３８０００"}) {
        BOOST_TEST_CONTEXT("mobile '" << mobile << "'") {
            MMX_CHECK_FAILS_WITH(sendCode(mobile), "BAD_PARAM");
        }
    }
    MMX_CHECK_FAILS_WITH(api::http().post(kSendCode, {}, api::clientHeader(api::uniqueClient())),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(second_send_within_a_minute_is_rate_limited_until_the_minute_ends) {
    const std::string mobile = api::uniqueMobile();
    MMX_REQUIRE_OK(sendCode(mobile));
    const std::string first = api::lastSmsCode(mobile, "register");
    const api::Response again = sendCode(mobile);
    MMX_CHECK_FAILS_WITH(again, "RATE_LIMITED");
    const rapidjson::Value* retryAfter = again.data("retryAfter");
    BOOST_REQUIRE_MESSAGE(retryAfter != nullptr && retryAfter->IsInt64(), again.describe());
    BOOST_CHECK_GE(retryAfter->GetInt64(), 1);
    BOOST_CHECK_LE(retryAfter->GetInt64(), 60);
    BOOST_CHECK_EQUAL(api::smsMessages(mobile, "register").size(), 1u);
    MMX_CHECK_OK(registerWith(mobile, api::uniquePassword(), first));
}

BOOST_AUTO_TEST_CASE(send_register_code_for_a_registered_mobile_is_conflict) {
    const std::string mobile = api::uniqueMobile();
    api::registerUser(mobile, api::uniquePassword());
    MMX_CHECK_FAILS_WITH(sendCode(mobile), "CONFLICT");
    BOOST_CHECK_EQUAL(api::smsMessages(mobile, "register").size(), 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(register_account)

BOOST_AUTO_TEST_CASE(register_returns_the_new_user_id_and_the_user_can_log_in) {
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    const api::Response r = registerWith(mobile, password, api::sendRegisterCode(mobile));
    MMX_REQUIRE_OK(r);
    const rapidjson::Value* user = r.data("userVO");
    BOOST_REQUIRE_MESSAGE(user != nullptr && user->IsObject() && user->HasMember("userId"),
                          r.describe());
    BOOST_REQUIRE((*user)["userId"].IsInt64());
    const api::Session s = api::login(mobile, password, api::uniqueClient());
    BOOST_CHECK_EQUAL(s.userId, (*user)["userId"].GetInt64());
}

BOOST_AUTO_TEST_CASE(register_with_a_wrong_code_is_bad_code) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    MMX_CHECK_FAILS_WITH(registerWith(mobile, api::uniquePassword(), api::wrongCode(code)),
                         "BAD_CODE");
}

BOOST_AUTO_TEST_CASE(four_wrong_codes_still_leave_the_right_one_usable) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    for (int i = 0; i < 4; ++i) {
        MMX_CHECK_FAILS_WITH(registerWith(mobile, api::uniquePassword(), api::wrongCode(code)),
                             "BAD_CODE");
    }
    MMX_CHECK_OK(registerWith(mobile, api::uniquePassword(), code));
}

BOOST_AUTO_TEST_CASE(five_wrong_codes_expire_the_right_one) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    for (int i = 0; i < 4; ++i) {
        MMX_CHECK_FAILS_WITH(registerWith(mobile, api::uniquePassword(), api::wrongCode(code)),
                             "BAD_CODE");
    }
    const api::Response fifth = registerWith(mobile, api::uniquePassword(), api::wrongCode(code));
    BOOST_CHECK_MESSAGE(fifth.code() == "BAD_CODE" || fifth.code() == "CODE_EXPIRED",
                        fifth.describe());
    MMX_CHECK_FAILS_WITH(registerWith(mobile, api::uniquePassword(), code), "CODE_EXPIRED");
}

BOOST_AUTO_TEST_CASE(a_code_sent_to_one_mobile_does_not_register_another) {
    const std::string first = api::uniqueMobile();
    const std::string second = api::uniqueMobile();
    const std::string firstCode = api::sendRegisterCode(first);
    const std::string secondCode = api::sendRegisterCode(second);
    if (firstCode == secondCode) return;  // one chance in a million: nothing to prove
    MMX_CHECK_FAILS_WITH(registerWith(second, api::uniquePassword(), firstCode), "BAD_CODE");
    MMX_CHECK_OK(registerWith(first, api::uniquePassword(), firstCode));
}

BOOST_AUTO_TEST_CASE(register_of_a_registered_mobile_is_conflict_even_with_its_used_code) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    MMX_REQUIRE_OK(registerWith(mobile, api::uniquePassword(), code));
    MMX_CHECK_FAILS_WITH(registerWith(mobile, api::uniquePassword(), code), "CONFLICT");
    MMX_CHECK_FAILS_WITH(registerWith(mobile, api::uniquePassword(), api::wrongCode(code)),
                         "CONFLICT");
}

BOOST_AUTO_TEST_CASE(racing_registrations_with_one_code_make_exactly_one_account) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    constexpr int kRacers = 4;
    std::vector<api::Response> answers(kRacers);
    std::atomic<int> ready{0};
    std::vector<std::thread> racers;
    for (int i = 0; i < kRacers; ++i) {
        racers.emplace_back([&, i] {
            api::HttpClient own(api::stackEnv().baseUrl);
            const api::Params params{{"userVO.userMobile", mobile},
                                     {"userVO.password", "racer-password-" + std::to_string(i)},
                                     {"telSecurityCode", code}};
            const api::Headers headers = {{"client", "RACER" + std::to_string(i)}};
            ++ready;
            while (ready.load() < kRacers) std::this_thread::yield();
            answers[i] = own.post(kRegister, params, headers);
        });
    }
    for (auto& t : racers) t.join();
    int winners = 0;
    for (const api::Response& r : answers) {
        if (r.success()) {
            ++winners;
        } else {
            BOOST_CHECK_MESSAGE(
                r.status == 200 && (r.code() == "CONFLICT" || r.code() == "CODE_EXPIRED"),
                "a losing racer got " << r.describe());
        }
    }
    BOOST_CHECK_EQUAL(winners, 1);
}

BOOST_AUTO_TEST_CASE(password_length_is_checked_without_spending_the_code) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    MMX_CHECK_FAILS_WITH(registerWith(mobile, std::string(7, 'p'), code), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(registerWith(mobile, std::string(129, 'p'), code), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(registerWith(mobile, "", code), "BAD_PARAM");
    MMX_CHECK_OK(registerWith(mobile, std::string(8, 'p'), code));
    BOOST_CHECK_NO_THROW(api::login(mobile, std::string(8, 'p'), api::uniqueClient()));
}

BOOST_AUTO_TEST_CASE(longest_password_registers_and_logs_in) {
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword() + std::string(128 - 19, 'z');
    BOOST_REQUIRE_EQUAL(password.size(), 128u);
    MMX_CHECK_OK(registerWith(mobile, password, api::sendRegisterCode(mobile)));
    BOOST_CHECK_NO_THROW(api::login(mobile, password, api::uniqueClient()));
}

BOOST_AUTO_TEST_CASE(register_with_missing_or_malformed_params_is_bad_param) {
    const api::Headers client = api::clientHeader(api::uniqueClient());
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    const std::string password = api::uniquePassword();
    MMX_CHECK_FAILS_WITH(api::http().post(kRegister, {}, client), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        api::http().post(kRegister, {{"userVO.password", password}, {"telSecurityCode", code}},
                         client),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        api::http().post(kRegister, {{"userVO.userMobile", mobile}, {"telSecurityCode", code}},
                         client),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        api::http().post(kRegister, {{"userVO.userMobile", mobile}, {"userVO.password", password}},
                         client),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(registerWith("2" + mobile.substr(1), password, code), "BAD_PARAM");
    MMX_CHECK_OK(registerWith(mobile, password, code));
}

BOOST_AUTO_TEST_SUITE_END()
