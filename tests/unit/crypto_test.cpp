#include "core/crypto.hpp"

#include <boost/test/unit_test.hpp>
#include <set>

#include "services/passwords.hpp"

using namespace mmx;

namespace {
struct Sodium {
    Sodium() { initCrypto(); }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(crypto, *boost::unit_test::fixture<Sodium>())

BOOST_AUTO_TEST_CASE(password_hash_is_argon2id_and_verifies_only_its_password) {
    const std::string hash = hashPassword("bae5e3208a3c70e3db642b6631e95b9");
    BOOST_TEST(hash.rfind("$argon2id$", 0) == 0u);
    BOOST_TEST(verifyPassword(hash, "bae5e3208a3c70e3db642b6631e95b9"));
    BOOST_TEST(!verifyPassword(hash, "bae5e3208a3c70e3db642b6631e95b8"));
    BOOST_TEST(!passwordNeedsRehash(hash));
}

BOOST_AUTO_TEST_CASE(a_hash_made_with_weaker_limits_asks_to_be_remade) {
    const std::string weak =
        "$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
        "lKk2b5v1Kp4b2nE3H1i4b4dC2y7aYbJxQk0b1h3pZk0";
    BOOST_TEST(passwordNeedsRehash(weak));
}

BOOST_AUTO_TEST_CASE(the_minimal_cost_still_hashes_with_argon2id_and_production_remakes_it) {
    initCrypto(PasswordHashCost::Minimal);
    const std::string cheap = hashPassword("bae5e3208a3c70e3db642b6631e95b9");
    BOOST_TEST(cheap.rfind("$argon2id$v=19$m=8,t=1,", 0) == 0u);
    BOOST_TEST(verifyPassword(cheap, "bae5e3208a3c70e3db642b6631e95b9"));
    BOOST_TEST(!passwordNeedsRehash(cheap));
    initCrypto(PasswordHashCost::Interactive);
    BOOST_TEST(passwordNeedsRehash(cheap));
    BOOST_TEST(verifyPassword(cheap, "bae5e3208a3c70e3db642b6631e95b9"));
}

BOOST_AUTO_TEST_CASE(access_tokens_carry_256_random_bits) {
    const std::string token = newAccessToken();
    BOOST_TEST(token.size() == 64u);
    BOOST_TEST(token != newAccessToken());
}

BOOST_AUTO_TEST_CASE(secret_hash_depends_on_value_and_key) {
    const std::string key = "0123456789abcdef";
    BOOST_TEST(secretHash("token", key) == secretHash("token", key));
    BOOST_TEST(secretHash("token", key) != secretHash("token2", key));
    BOOST_TEST(secretHash("token", key) != secretHash("token", "fedcba9876543210"));
    BOOST_TEST(secretHash("token", key).size() == 64u);
}

BOOST_AUTO_TEST_CASE(sms_codes_are_six_digits_and_vary) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const std::string code = newSmsCode();
        BOOST_TEST(code.size() == 6u);
        BOOST_TEST(code.find_first_not_of("0123456789") == std::string::npos);
        seen.insert(code);
    }
    BOOST_TEST(seen.size() > 40u);
}

BOOST_AUTO_TEST_CASE(constant_time_equals_compares_whole_strings) {
    BOOST_TEST(constantTimeEquals("abc", "abc"));
    BOOST_TEST(!constantTimeEquals("abc", "abd"));
    BOOST_TEST(!constantTimeEquals("abc", "abcd"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dummy_password_hash, *boost::unit_test::fixture<Sodium>())

BOOST_AUTO_TEST_CASE(dummy_hash_costs_what_a_real_hash_costs) {
    // Made with today's limits: a check against it does the same work as a real one.
    BOOST_TEST(!passwordNeedsRehash(std::string(services::kDummyPasswordHash)));
    BOOST_TEST(!verifyPassword(std::string(services::kDummyPasswordHash),
                               "bae5e3208a3c70e3db642b6631e95b9"));
}

BOOST_AUTO_TEST_SUITE_END()
