// What the staff do through services/app_versions and services/feedback (the manager
// console and scripts/admin): a publication that fails leaves no package behind, and
// replies land in the user's thread without counting against the user's daily limit.
#include <sodium.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/feedback_rules.hpp"
#include "db/app_version_repository.hpp"
#include "db_fixture.hpp"
#include "services/app_versions.hpp"
#include "services/feedback.hpp"

using namespace mmx;
using dbtest::codeOf;

namespace {

// A download directory and a package of its own, removed afterwards.
struct Publishing : dbtest::Stack {
    Publishing() {
        root = std::filesystem::temp_directory_path() /
               ("mmx-publish-" + std::to_string(randombytes_random()));
        config.downloadDir = (root / "download").string();
        std::filesystem::create_directories(root);
        package = (root / "app.apk").string();
        std::ofstream(package, std::ios::binary) << "not really an apk";
    }
    ~Publishing() {
        std::error_code ignored;
        std::filesystem::remove_all(root, ignored);
    }
    std::string version() const { return "9." + std::to_string(nowMs()); }

    std::filesystem::path root;
    std::string package;
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_version_already_recorded_is_conflict_and_leaves_no_package_behind,
                        Publishing) {
    Services services(config);
    const std::string taken = version();
    db::AppVersionRepository(services.db)
        .add({1, taken, "已发布", nowMs(), "elsewhere.apk", 1, std::string(64, '0')});
    BOOST_CHECK(codeOf([&] {
                    services::publishAppVersion(services, {1, taken, "重复", package});
                }) == ErrorCode::Conflict);
    BOOST_CHECK(!std::filesystem::exists(std::filesystem::path(config.downloadDir) /
                                         ("mmx-android-" + taken + ".apk")));
    // Nor a temporary copy.
    if (std::filesystem::exists(config.downloadDir)) {
        BOOST_CHECK(std::filesystem::is_empty(config.downloadDir));
    }
}

BOOST_FIXTURE_TEST_CASE(a_published_package_is_stored_with_its_size_and_sha256, Publishing) {
    Services services(config);
    const db::AppVersion published =
        services::publishAppVersion(services, {1, version(), "新版本", package});
    BOOST_CHECK_EQUAL(published.size, 17);
    unsigned char digest[crypto_hash_sha256_BYTES];
    const std::string bytes = "not really an apk";
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    BOOST_CHECK_EQUAL(published.sha256, hex);
    const auto stored = std::filesystem::path(config.downloadDir) / published.fileName;
    BOOST_CHECK_EQUAL(std::filesystem::file_size(stored), 17u);
    BOOST_CHECK(services::packageUrl(config, published.fileName)
                    .ends_with("/download/" + published.fileName));
}

BOOST_FIXTURE_TEST_CASE(a_missing_package_or_bad_input_publishes_nothing, Publishing) {
    Services services(config);
    const std::string missing = (root / "missing.apk").string();
    const std::string fresh = version();
    BOOST_CHECK(codeOf([&] {
                    services::publishAppVersion(services, {1, fresh, "无包", missing});
                }) == ErrorCode::BadParam);
    BOOST_CHECK(codeOf([&] {
                    services::publishAppVersion(services, {3, fresh, "平台", package});
                }) == ErrorCode::BadParam);
    BOOST_CHECK(codeOf([&] {
                    services::publishAppVersion(services, {1, "../x", "版本", package});
                }) == ErrorCode::BadParam);
    BOOST_CHECK(codeOf([&] {
                    services::publishAppVersion(services, {2, fresh, "apk 给 iOS", package});
                }) == ErrorCode::BadParam);
    BOOST_CHECK(!std::filesystem::exists(config.downloadDir) ||
                std::filesystem::is_empty(config.downloadDir));
}

BOOST_FIXTURE_TEST_CASE(staff_replies_do_not_count_against_the_users_daily_limit, dbtest::Stack) {
    Services services(config);
    const std::int64_t user = dbtest::newUser(services);
    for (int i = 0; i < kFeedbackDailyLimit; ++i) {
        services::replyToFeedback(services, user, "回复" + std::to_string(i));
    }
    services::submitFeedback(services, user, "我的第一条");
    const auto thread = services::feedbackThread(services, user, 0, 50);
    BOOST_REQUIRE_EQUAL(thread.size(), static_cast<std::size_t>(kFeedbackDailyLimit + 1));
    BOOST_CHECK(thread.front().direction == db::FeedbackDirection::FromUser);
    BOOST_CHECK(thread.back().direction == db::FeedbackDirection::ToUser);
    BOOST_CHECK(codeOf([&] { services::replyToFeedback(services, 999999999999, "你好"); }) ==
                ErrorCode::NotFound);
}
