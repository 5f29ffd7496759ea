#include "core/config.hpp"

#include <boost/test/unit_test.hpp>
#include <map>
#include <stdexcept>
#include <string>

using namespace mmx;

namespace {

EnvLookup envOf(std::map<std::string, std::string> values) {
    auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(values));
    return [shared](const char* name) -> const char* {
        const auto found = shared->find(name);
        return found == shared->end() ? nullptr : found->second.c_str();
    };
}

const std::string kSecret = "0123456789abcdef0123";

}  // namespace

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(defaults_are_production_values) {
    const Config c = loadConfig(envOf({{"MMX_SECRET", kSecret}}));
    BOOST_TEST(c.sessionTtlDays == 30);
    BOOST_TEST(c.secureCookies);
    BOOST_TEST(!c.openRegistration);
    BOOST_TEST(c.smsIntervalSeconds == 60);
    BOOST_TEST(c.smsDailyLimit == 10);
    BOOST_TEST(c.smsMaxWrongTries == 5);
    BOOST_TEST(c.loginFailLimit == 5);
    BOOST_TEST(c.accountFailLimit == 100);
    BOOST_TEST(c.lookupDailyNumbers == 2000);
    BOOST_TEST(c.searchDailyLimit == 100);
    BOOST_TEST(c.photoMaxBytes == 3 * 1024 * 1024);
    BOOST_TEST(c.hashConcurrency >= 1);
}

BOOST_AUTO_TEST_CASE(a_missing_or_short_secret_is_refused) {
    BOOST_CHECK_THROW(loadConfig(envOf({})), std::invalid_argument);
    BOOST_CHECK_THROW(loadConfig(envOf({{"MMX_SECRET", "short"}})), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(numbers_out_of_range_name_the_variable) {
    try {
        loadConfig(envOf({{"MMX_SECRET", kSecret}, {"MMX_SESSION_TTL_DAYS", "0"}}));
        BOOST_FAIL("expected a refusal");
    } catch (const std::invalid_argument& error) {
        BOOST_TEST(std::string(error.what()).find("MMX_SESSION_TTL_DAYS") != std::string::npos);
    }
    BOOST_CHECK_THROW(loadConfig(envOf({{"MMX_SECRET", kSecret}, {"MMX_DB_PORT", "http"}})),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(the_http_sms_sender_needs_a_gateway_url) {
    BOOST_CHECK_THROW(loadConfig(envOf({{"MMX_SECRET", kSecret}, {"MMX_SMS_SENDER", "http"}})),
                      std::invalid_argument);
    BOOST_CHECK_THROW(loadConfig(envOf({{"MMX_SECRET", kSecret}, {"MMX_SMS_SENDER", "pigeon"}})),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(the_minimal_password_hash_cost_is_refused_where_real_sms_goes_out) {
    BOOST_CHECK_THROW(loadConfig(envOf({{"MMX_SECRET", kSecret},
                                        {"MMX_SMS_SENDER", "http"},
                                        {"MMX_SMS_GATEWAY_URL", "https://sms.example.com/send"},
                                        {"MMX_PASSWORD_HASH_COST", "minimal"}})),
                      std::invalid_argument);
    BOOST_CHECK_THROW(
        loadConfig(envOf({{"MMX_SECRET", kSecret}, {"MMX_PASSWORD_HASH_COST", "cheap"}})),
        std::invalid_argument);
    const Config c =
        loadConfig(envOf({{"MMX_SECRET", kSecret}, {"MMX_PASSWORD_HASH_COST", "minimal"}}));
    BOOST_TEST(c.passwordHashCost == "minimal");
    BOOST_TEST(loadConfig(envOf({{"MMX_SECRET", kSecret}})).passwordHashCost == "interactive");
}

BOOST_AUTO_TEST_CASE(the_public_base_url_loses_its_trailing_slash) {
    const Config c = loadConfig(
        envOf({{"MMX_SECRET", kSecret}, {"MMX_PUBLIC_BASE_URL", "https://mmx.example.com/"}}));
    BOOST_TEST(c.publicBaseUrl == "https://mmx.example.com");
}

BOOST_AUTO_TEST_SUITE_END()
