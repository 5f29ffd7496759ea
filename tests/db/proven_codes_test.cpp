// A code proven by verifyCode and spent later with the mobile alone (services/sms_codes
// proveCode, provenCode, consumeProvenCode; services/accounts_by_code registerByProvenCode,
// resetPasswordByProvenCode): once, only while proven, only the newest code.
#include <boost/test/unit_test.hpp>
#include <memory>

#include "core/clock.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"
#include "services/account_life.hpp"
#include "services/accounts.hpp"
#include "services/sms_codes.hpp"

using namespace mmx;
using dbtest::codeOf;
using dbtest::sendAndRead;
using services::CodePurpose;

namespace {

constexpr std::string_view kAddress = "203.0.113.21";

struct ProvenCodes : dbtest::Stack {
    ProvenCodes() { config.smsIntervalSeconds = 0; }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(proven_codes, ProvenCodes)

BOOST_AUTO_TEST_CASE(a_proven_code_registers_once_and_an_unproven_one_not_at_all) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    const std::string code = sendAndRead(services, mobile, CodePurpose::Register);
    BOOST_TEST((codeOf([&] {
                    services::registerByProvenCode(services, kAddress, mobile, "password-1");
                }) == ErrorCode::CodeExpired));
    BOOST_TEST((codeOf([&] {
                    services::verifyCode(services, kAddress, mobile, CodePurpose::Register,
                                         "x" + code);
                }) == ErrorCode::BadCode));
    BOOST_TEST((codeOf([&] {
                    services::registerByProvenCode(services, kAddress, mobile, "password-1");
                }) == ErrorCode::CodeExpired));  // a wrong code proves nothing
    BOOST_TEST(!db::UserRepository(services.db).findIdByMobile(mobile));

    services::verifyCode(services, kAddress, mobile, CodePurpose::Register, code);
    const std::int64_t userId =
        services::registerByProvenCode(services, kAddress, mobile, "password-1");
    BOOST_TEST((db::UserRepository(services.db).findIdByMobile(mobile) == userId));
    // Spent with the account: the code text itself is no use any more either.
    BOOST_TEST((codeOf([&] {
                    services::registerAccount(services, kAddress, dbtest::freshMobile(),
                                              "password-1", code);
                }) == ErrorCode::CodeExpired));
}

BOOST_AUTO_TEST_CASE(a_proof_is_void_after_its_time_and_after_a_newer_code) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    db::UserRepository(services.db).create(mobile, "h", nowMs());
    const std::string first = sendAndRead(services, mobile, CodePurpose::Reset);
    services.config.codeProvenSeconds = 0;  // proven until the very moment it was proven
    services::verifyCode(services, kAddress, mobile, CodePurpose::Reset, first);
    BOOST_TEST((codeOf([&] {
                    services::resetPasswordByProvenCode(services, kAddress, mobile, "password-2");
                }) == ErrorCode::CodeExpired));

    services.config.codeProvenSeconds = 600;
    services::verifyCode(services, kAddress, mobile, CodePurpose::Reset, first);
    sendAndRead(services, mobile, CodePurpose::Reset);  // a newer code replaces the proven one
    BOOST_TEST((codeOf([&] {
                    services::resetPasswordByProvenCode(services, kAddress, mobile, "password-2");
                }) == ErrorCode::CodeExpired));
}

BOOST_AUTO_TEST_CASE(a_proof_of_one_purpose_opens_nothing_of_another) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    db::UserRepository(services.db).create(mobile, "h", nowMs());
    const std::string code = sendAndRead(services, mobile, CodePurpose::Bind);
    services::verifyCode(services, kAddress, mobile, CodePurpose::Bind, code);
    BOOST_TEST((codeOf([&] {
                    services::resetPasswordByProvenCode(services, kAddress, mobile, "password-3");
                }) == ErrorCode::CodeExpired));
    BOOST_TEST((services::purposeForMobile(services, mobile) == CodePurpose::Reset));
    BOOST_TEST(
        (services::purposeForMobile(services, dbtest::freshMobile()) == CodePurpose::Register));
}

BOOST_AUTO_TEST_SUITE_END()
