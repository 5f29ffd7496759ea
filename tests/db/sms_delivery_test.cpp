// Codes are delivered after the transaction that throttles and stores them has committed,
// once, whatever happens around the delivery (services/sms_codes.cpp).
#include <boost/test/unit_test.hpp>
#include <functional>
#include <stdexcept>

#include "db/connection.hpp"
#include "db_fixture.hpp"
#include "services/sms_codes.hpp"

using namespace mmx;
using dbtest::codeOf;

namespace {

constexpr std::string_view kTryThrottleLock =
    "SELECT day_count FROM sms_throttle WHERE mobile = ? FOR UPDATE NOWAIT";
constexpr std::string_view kLiveCodes =
    "SELECT COUNT(*) FROM sms_codes WHERE mobile = ? AND consumed_at IS NULL";
constexpr std::string_view kThrottle =
    "SELECT last_sent_at, day_count FROM sms_throttle WHERE mobile = ?";
constexpr std::string_view kOutboxStates =
    "SELECT GROUP_CONCAT(state ORDER BY id) FROM sms_outbox WHERE mobile = ?";

// Stands in for the gateway: counts its calls and runs `onSend` for each.
class ScriptedSender : public SmsSender {
  public:
    explicit ScriptedSender(std::function<void(int call)> onSend) : onSend_(std::move(onSend)) {}
    void send(const SmsMessage&) override { onSend_(++calls); }
    int calls = 0;

  private:
    std::function<void(int)> onSend_;
};

ScriptedSender& useSender(Services& services, std::function<void(int)> onSend) {
    auto sender = std::make_unique<ScriptedSender>(std::move(onSend));
    ScriptedSender& kept = *sender;
    services.sms = std::move(sender);
    return kept;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sms_delivery, dbtest::Stack)

BOOST_AUTO_TEST_CASE(a_code_is_delivered_after_its_throttle_and_code_are_committed) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    db::Connection observer(config);
    bool throttleFree = false;
    std::int64_t codesSeen = 0;
    useSender(services, [&](int) {
        // From another connection, while the gateway is being called: no lock is held
        // and what was recorded is already there.
        try {
            observer.queryOne(kTryThrottleLock, {std::string_view(mobile)});
            throttleFree = true;
        } catch (const db::DbError&) {
        }
        codesSeen = observer.queryOne(kLiveCodes, {std::string_view(mobile)})->i64(0);
    });
    services::sendCode(services, mobile, services::CodePurpose::Register, true);
    BOOST_TEST(throttleFree);
    BOOST_TEST(codesSeen == 1);
    BOOST_TEST(observer.queryOne(kOutboxStates, {std::string_view(mobile)})->str(0) == "delivered");
}

BOOST_AUTO_TEST_CASE(a_deadlock_reported_around_the_delivery_never_sends_twice) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    ScriptedSender& sender = useSender(services, [](int call) {
        if (call == 1) throw db::Deadlock(1213, "deadlock");
    });
    BOOST_TEST((codeOf([&] {
                    services::sendCode(services, mobile, services::CodePurpose::Register, true);
                }) == ErrorCode::ServerError));
    BOOST_TEST(sender.calls == 1);
}

BOOST_AUTO_TEST_CASE(
    a_code_delivered_while_the_connection_dropped_is_answered_sent_and_not_resent) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    const auto connectionId = services.db.queryOne("SELECT CONNECTION_ID()")->i64(0);
    ScriptedSender& sender = useSender(services, [&](int) {
        db::Connection killer(config);
        killer.execute("KILL CONNECTION ?", {connectionId});
    });
    // Had the code gone out before its commit, the lost commit would answer an error for
    // a code the phone received, and give the throttle back for a second one.
    services::sendCode(services, mobile, services::CodePurpose::Register, true);
    BOOST_TEST(sender.calls == 1);
    BOOST_TEST((codeOf([&] {
                    services::sendCode(services, mobile, services::CodePurpose::Register, true);
                }) == ErrorCode::RateLimited));
    BOOST_TEST(sender.calls == 1);
}

BOOST_AUTO_TEST_CASE(a_failed_delivery_gives_the_throttle_back_so_the_user_can_ask_again_at_once) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    db::Connection observer(config);
    bool gatewayDown = true;
    ScriptedSender& sender = useSender(services, [&](int) {
        if (gatewayDown) throw std::runtime_error("sms gateway: timeout");
    });
    BOOST_TEST((codeOf([&] {
                    services::sendCode(services, mobile, services::CodePurpose::Register, true);
                }) == ErrorCode::ServerError));
    BOOST_TEST(observer.queryOne(kLiveCodes, {std::string_view(mobile)})->i64(0) == 0);
    BOOST_TEST(observer.queryOne(kOutboxStates, {std::string_view(mobile)})->str(0) == "failed");

    gatewayDown = false;
    services::sendCode(services, mobile, services::CodePurpose::Register, true);
    BOOST_TEST(sender.calls == 2);
    const auto throttle = observer.queryOne(kThrottle, {std::string_view(mobile)});
    BOOST_TEST(throttle->i64(1) == 1);  // the failed send does not count against the day
    BOOST_TEST(observer.queryOne(kLiveCodes, {std::string_view(mobile)})->i64(0) == 1);
    BOOST_TEST(observer.queryOne(kOutboxStates, {std::string_view(mobile)})->str(0) ==
               "failed,delivered");
}

BOOST_AUTO_TEST_CASE(a_code_for_an_unknown_mobile_is_recorded_and_never_sent) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    db::Connection observer(config);
    ScriptedSender& sender = useSender(services, [](int) {});
    services::sendCode(services, mobile, services::CodePurpose::Reset, false);
    BOOST_TEST(sender.calls == 0);
    BOOST_TEST(observer.queryOne(kLiveCodes, {std::string_view(mobile)})->i64(0) == 1);
    BOOST_TEST(observer.queryOne(kOutboxStates, {std::string_view(mobile)})->isNull(0));
}

BOOST_AUTO_TEST_SUITE_END()
