#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/rate_limit_repository.hpp"
#include "db/session_repository.hpp"
#include "db/sms_code_repository.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"
#include "handlers/authenticate.hpp"
#include "services/accounts.hpp"
#include "services/limits.hpp"
#include "services/sms_codes.hpp"

using namespace mmx;
using dbtest::codeOf;

namespace {

Request requestWith(std::int64_t userId, const std::string& client, const std::string& token) {
    Request request;
    request.client = client;
    request.uidHeader = std::to_string(userId);
    request.tokenHeader = token;
    return request;
}

// The newest code the outbox holds for `mobile`.
std::string codeSentTo(const Config& config, const std::string& mobile) {
    std::ifstream outbox(config.smsOutbox);
    const std::string mobileField = "\"mobile\":\"" + mobile + "\"";
    const std::string codeField = "\"code\":\"";
    std::string line;
    std::string code;
    while (std::getline(outbox, line)) {
        if (line.find(mobileField) == std::string::npos) continue;
        const auto at = line.find(codeField);
        if (at != std::string::npos) code = line.substr(at + codeField.size(), 6);
    }
    if (code.empty()) BOOST_FAIL("no code in the outbox for " << mobile);
    return code;
}

// An address of its own for the per-address limits.
std::string freshAddress() {
    return "192.0.2." + std::to_string(randombytes_uniform(250) + 1);
}

// A host whose every password-hash admission ticket is taken: any hash is refused at
// once. The tickets are held through their own lock files, as another worker would.
struct NoHashCapacity {
    explicit NoHashCapacity(const Config& base) : config(base) {
        runDir = std::filesystem::temp_directory_path() / ("mmx-db-test-" + randomHex(8));
        std::filesystem::create_directories(runDir);
        config.runDir = runDir.string();
        config.hashConcurrency = 1;
        for (int i = 0; i < 2; ++i) {
            const auto path = runDir / ("hash-ticket-" + std::to_string(i) + ".lock");
            const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
            BOOST_REQUIRE(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0);
            held.push_back(fd);
        }
    }
    ~NoHashCapacity() {
        for (const int fd : held) ::close(fd);
        std::filesystem::remove_all(runDir);
    }
    Config config;
    std::filesystem::path runDir;
    std::vector<int> held;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(account_rules, dbtest::Stack)

BOOST_AUTO_TEST_CASE(an_expired_session_answers_token_expired) {
    Services services(config);
    const auto userId = db::UserRepository(services.db).create(dbtest::freshMobile(), "h", nowMs());
    const std::string token = newAccessToken();
    db::SessionRepository(services.db)
        .replace(userId, "phone", secretHash(token, config.secret), nowMs() - 2 * kDayMs,
                 nowMs() - 1);
    BOOST_TEST((codeOf([&] { authenticate(services, requestWith(userId, "phone", token)); }) ==
                ErrorCode::TokenExpired));
}

BOOST_AUTO_TEST_CASE(using_a_session_slides_its_expiry_to_thirty_days) {
    Services services(config);
    const auto userId = db::UserRepository(services.db).create(dbtest::freshMobile(), "h", nowMs());
    const std::string token = newAccessToken();
    db::SessionRepository sessions(services.db);
    sessions.replace(userId, "phone", secretHash(token, config.secret), nowMs(), nowMs() + kDayMs);
    const Identity identity = authenticate(services, requestWith(userId, "phone", token));
    const std::int64_t thirtyDays = 30 * kDayMs;
    BOOST_TEST(identity.expireMs > nowMs() + thirtyDays - kMinuteMs);
    BOOST_TEST(sessions.find(userId, "phone")->expiresAt == identity.expireMs);
}

BOOST_AUTO_TEST_CASE(the_daily_code_cap_refuses_the_next_send) {
    Config tight = config;
    tight.smsIntervalSeconds = 0;
    tight.smsDailyLimit = 3;
    Services services(tight);
    const std::string mobile = dbtest::freshMobile();
    for (int i = 0; i < 3; ++i)
        services::sendCode(services, mobile, services::CodePurpose::Register, true);
    BOOST_TEST((codeOf([&] {
                    services::sendCode(services, mobile, services::CodePurpose::Register, true);
                }) == ErrorCode::RateLimited));
}

BOOST_AUTO_TEST_CASE(a_code_past_its_lifetime_answers_code_expired) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    db::SmsCodeRepository(services.db)
        .insertCode(mobile, "register", secretHash("whatever", config.secret), nowMs() - 600000,
                    nowMs() - 300000);
    BOOST_TEST((codeOf([&] {
                    services::checkCode(services, mobile, services::CodePurpose::Register,
                                        "123456");
                }) == ErrorCode::CodeExpired));
}

BOOST_AUTO_TEST_CASE(a_limit_refuses_the_hit_past_its_maximum) {
    Services services(config);
    const std::string key = "test-" + randomHex(8);
    services::countOrRefuse(services, "db-test", key, 2);
    services::countOrRefuse(services, "db-test", key, 2);
    BOOST_TEST((codeOf([&] { services::countOrRefuse(services, "db-test", key, 2); }) ==
                ErrorCode::RateLimited));
}

BOOST_AUTO_TEST_CASE(forgiving_a_key_takes_back_its_hits_in_the_window) {
    Services services(config);
    const std::string key = "test-" + randomHex(8);
    services::countOrRefuse(services, "db-test", key, 1);
    services::forgive(services, "db-test", key);
    services::countOrRefuse(services, "db-test", key, 1);  // would be refused without the forgiving
    BOOST_TEST((codeOf([&] { services::countOrRefuse(services, "db-test", key, 1); }) ==
                ErrorCode::RateLimited));
}

BOOST_AUTO_TEST_CASE(a_wrong_registration_code_is_refused_before_any_password_hash) {
    const NoHashCapacity host(config);
    Services services(host.config);
    const std::string mobile = dbtest::freshMobile();
    services::sendCode(services, mobile, services::CodePurpose::Register, true);
    const std::string wrong = codeSentTo(config, mobile) == "000000" ? "111111" : "000000";
    const std::string password = "a-password-" + randomHex(4);
    BOOST_TEST((codeOf([&] {
                    services::registerAccount(services, freshAddress(), mobile, password, wrong);
                }) == ErrorCode::BadCode));
}

BOOST_AUTO_TEST_CASE(a_refused_hash_leaves_the_registration_code_usable) {
    const std::string mobile = dbtest::freshMobile();
    const std::string password = "a-password-" + randomHex(4);
    std::string code;
    {
        const NoHashCapacity host(config);
        Services busy(host.config);
        services::sendCode(busy, mobile, services::CodePurpose::Register, true);
        code = codeSentTo(config, mobile);
        try {
            services::registerAccount(busy, freshAddress(), mobile, password, code);
            BOOST_FAIL("expected RATE_LIMITED");
        } catch (const ApiError& error) {
            BOOST_TEST((error.code() == ErrorCode::RateLimited));
            BOOST_TEST(error.retryAfterSeconds() >= 1);  // busy hash slots say when to retry
        }
        BOOST_TEST(!db::UserRepository(busy.db).findIdByMobile(mobile).has_value());
    }
    Services services(config);
    BOOST_TEST(services::registerAccount(services, freshAddress(), mobile, password, code) > 0);
    BOOST_TEST(db::UserRepository(services.db).findIdByMobile(mobile).has_value());
}

BOOST_AUTO_TEST_CASE(a_wrong_reset_code_is_refused_before_any_password_hash) {
    Services services(config);
    const std::string mobile = dbtest::freshMobile();
    db::UserRepository(services.db).create(mobile, "h", nowMs());
    const NoHashCapacity host(config);
    Services busy(host.config);
    services::sendCode(busy, mobile, services::CodePurpose::Reset, true);
    const std::string wrong = codeSentTo(config, mobile) == "000000" ? "111111" : "000000";
    const std::string password = "a-password-" + randomHex(4);
    BOOST_TEST((codeOf([&] {
                    services::resetPassword(busy, freshAddress(), mobile, password, wrong);
                }) == ErrorCode::BadCode));
}

BOOST_AUTO_TEST_CASE(a_limit_window_opens_at_the_first_hit_not_at_a_clock_boundary) {
    Services services(config);
    db::RateLimitRepository counters(services.db);
    const std::string bucket = "db-test:" + randomHex(8);
    const std::int64_t window = 10 * kMinuteMs;
    // A round start time: a window aligned to the clock would end at start + 1 ms.
    const std::int64_t start = (nowMs() / window + 1) * window - 1;
    BOOST_TEST(counters.hit(bucket, start, start + window).hits == 1);
    BOOST_TEST(counters.hit(bucket, start + 1, start + 1 + window).hits == 2);
    const auto third = counters.hit(bucket, start + window - 1, start + 2 * window - 1);
    BOOST_TEST(third.hits == 3);
    BOOST_TEST(third.expiresAt == start + window);
}

BOOST_AUTO_TEST_CASE(the_first_hit_after_a_window_ends_starts_a_new_count) {
    Services services(config);
    db::RateLimitRepository counters(services.db);
    const std::string bucket = "db-test:" + randomHex(8);
    const std::int64_t window = 10 * kMinuteMs;
    const std::int64_t start = nowMs();
    counters.hit(bucket, start, start + window);
    counters.hit(bucket, start + 1, start + 1 + window);
    BOOST_TEST(counters.window(bucket, start + window).hits == 0);
    BOOST_TEST(counters.hit(bucket, start + window, start + 2 * window).hits == 1);
    BOOST_TEST(counters.hit(bucket, start + 2 * window - 1, start + 3 * window).hits == 2);
}

BOOST_AUTO_TEST_CASE(a_take_past_the_maximum_adds_nothing_and_a_smaller_one_still_fits) {
    Services services(config);
    db::RateLimitRepository counters(services.db);
    const std::string bucket = "db-test:" + randomHex(8);
    const std::int64_t now = nowMs();
    const std::int64_t end = now + kMinuteMs;
    BOOST_TEST(counters.take(bucket, now, end, 7, 10));
    BOOST_TEST(!counters.take(bucket, now, end, 4, 10));
    BOOST_TEST(counters.window(bucket, now).hits == 7);
    BOOST_TEST(counters.take(bucket, now, end, 3, 10));
    BOOST_TEST(!counters.take(bucket, now, end, 1, 10));
    BOOST_TEST(counters.window(bucket, now).hits == 10);
    BOOST_TEST(!counters.take("db-test:" + randomHex(8), now, end, 11, 10));
}

BOOST_AUTO_TEST_CASE(clearing_a_prefix_clears_only_the_buckets_under_it) {
    Services services(config);
    db::RateLimitRepository counters(services.db);
    const std::string stem = "db-test:" + randomHex(8);
    const std::int64_t now = nowMs();
    counters.hit(stem + "@a", now, now + kMinuteMs);
    counters.hit(stem + "@b", now, now + kMinuteMs);
    counters.hit(stem + "9@a", now, now + kMinuteMs);
    counters.clearPrefix(stem + "@");
    BOOST_TEST(counters.window(stem + "@a", now).hits == 0);
    BOOST_TEST(counters.window(stem + "@b", now).hits == 0);
    BOOST_TEST(counters.window(stem + "9@a", now).hits == 1);
}

BOOST_AUTO_TEST_SUITE_END()
