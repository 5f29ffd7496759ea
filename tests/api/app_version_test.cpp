// The newest app package per platform: published with scripts/admin, answered to any
// client without a login, and served by nginx at /download/ with the size and SHA-256
// the answer gives.
#define BOOST_TEST_MODULE api_app_version
#include <sodium.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <utility>

#include "admin_command.hpp"
#include "api_test.hpp"
#include "helpers.hpp"

namespace {

const std::string kLatest = "/app/version!latest";

std::string sha256Hex(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char b : digest) {
        hex += kDigits[b >> 4];
        hex += kDigits[b & 0x0F];
    }
    return hex;
}

// `size` random bytes in a package file under the test stack's var dir, removed when the
// test is done with it (publishing copies it into the download directory).
struct Package {
    std::string path;
    std::string bytes;

    Package() = default;
    Package(Package&& other) noexcept
        : path(std::exchange(other.path, {})), bytes(std::move(other.bytes)) {}
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;
    Package& operator=(Package&&) = delete;
    ~Package() {
        if (!path.empty()) std::remove(path.c_str());
    }
};
Package makePackage(const std::string& extension, std::size_t size) {
    static std::mt19937_64 random{std::random_device{}()};
    Package package;
    package.bytes.resize(size);
    for (auto& byte : package.bytes) byte = static_cast<char>(random() & 0xFF);
    package.path = api::stackEnv().varDir + "/test-package-" + std::to_string(random()) + extension;
    std::ofstream(package.path, std::ios::binary) << package.bytes;
    return package;
}

// A version string no earlier run on this stack published.
std::string uniqueVersion(const std::string& major) {
    static int sequence = 0;
    return major + "." + std::to_string(api::nowMillis()) + "." + std::to_string(++sequence);
}

api::Response latest(const std::string& sys) {
    api::HttpClient http(api::stackEnv().baseUrl);
    return http.get(kLatest, {{"sys", sys}}, api::clientHeader(api::uniqueClient()));
}

bool publish(const std::string& sys, const std::string& version, const Package& package,
             const std::string& remark) {
    return admintest::runAdmin({"publish-version", sys, version, package.path, remark});
}

}  // namespace

// Runs first: the test stack's versions of iOS are removed (only this suite writes them).
BOOST_AUTO_TEST_CASE(a_platform_without_a_version_answers_ok_with_a_null_version) {
    api::runSql("DELETE FROM app_version WHERE platform = 2;");
    const api::Response r = latest("2");
    MMX_REQUIRE_OK(r);
    const rapidjson::Value* version = r.data("version");
    BOOST_REQUIRE(version != nullptr);
    BOOST_CHECK(version->IsNull());
    BOOST_CHECK_EQUAL(r.data("sys")->GetInt64(), 2);
    BOOST_CHECK(r.data("packet") == nullptr);
}

BOOST_AUTO_TEST_CASE(the_published_package_is_served_by_nginx_with_the_size_and_sha256_given) {
    const Package android = makePackage(".apk", 300 * 1024 + 17);
    const Package ios = makePackage(".ipa", 120 * 1024 + 3);
    const std::string androidVersion = uniqueVersion("3");
    const std::string iosVersion = uniqueVersion("3");
    BOOST_REQUIRE(publish("1", androidVersion, android, "修复了已知问题\n地图更快"));
    BOOST_REQUIRE(publish("2", iosVersion, ios, "iOS 版更新"));

    const struct {
        const char* sys;
        const Package* package;
        std::string version;
        const char* remark;
        const char* contentType;
    } cases[] = {
        {"1", &android, androidVersion, "修复了已知问题\n地图更快",
         "application/vnd.android.package-archive"},
        {"2", &ios, iosVersion, "iOS 版更新", "application/octet-stream"},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("sys " << c.sys) {
            const api::Response r = latest(c.sys);
            MMX_REQUIRE_OK(r);
            BOOST_CHECK_EQUAL(r.data("version")->GetString(), c.version);
            BOOST_CHECK_EQUAL(r.data("remark")->GetString(), c.remark);
            BOOST_CHECK_GT(r.data("time")->GetInt64(), api::nowMillis() - 60000);
            const std::string packet = r.data("packet")->GetString();
            BOOST_CHECK_EQUAL(packet.rfind(api::stackEnv().baseUrl + "/download/", 0), 0u);
            BOOST_CHECK_EQUAL(r.data("size")->GetInt64(),
                              static_cast<long long>(c.package->bytes.size()));
            BOOST_CHECK_EQUAL(r.data("sha256")->GetString(), sha256Hex(c.package->bytes));

            api::HttpClient http(api::stackEnv().baseUrl);
            const api::Response file = http.request("GET", packet, "", {});
            BOOST_REQUIRE_EQUAL(file.status, 200);
            BOOST_CHECK_EQUAL(file.body.size(), c.package->bytes.size());
            BOOST_CHECK_EQUAL(sha256Hex(file.body), r.data("sha256")->GetString());
            BOOST_CHECK_EQUAL(file.header("content-type"), c.contentType);
            BOOST_CHECK_EQUAL(file.header("x-content-type-options"), "nosniff");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_newer_publication_becomes_the_latest_and_a_repeated_version_is_refused) {
    const Package first = makePackage(".apk", 4096);
    const Package second = makePackage(".apk", 8192);
    const std::string older = uniqueVersion("4");
    const std::string newer = uniqueVersion("4");
    BOOST_REQUIRE(publish("1", older, first, "第一版"));
    BOOST_REQUIRE(publish("1", newer, second, "第二版"));
    api::Response r = latest("1");
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(r.data("version")->GetString(), newer);
    BOOST_CHECK_EQUAL(r.data("sha256")->GetString(), sha256Hex(second.bytes));

    // Publishing a version again fails and leaves the published package as it was.
    BOOST_CHECK(!publish("1", older, second, "重复"));
    BOOST_CHECK(!publish("1", newer, first, "重复"));
    // A package of the wrong kind, an unknown platform or a bad version string too.
    BOOST_CHECK(!publish("2", uniqueVersion("4"), first, "apk 不是 iOS 包"));
    BOOST_CHECK(!publish("3", uniqueVersion("4"), first, "未知平台"));
    BOOST_CHECK(!publish("1", "4.0/../../x", first, "坏版本号"));
    r = latest("1");
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(r.data("version")->GetString(), newer);
    api::HttpClient http(api::stackEnv().baseUrl);
    const api::Response file = http.request("GET", r.data("packet")->GetString(), "", {});
    BOOST_CHECK_EQUAL(sha256Hex(file.body), sha256Hex(second.bytes));
}

BOOST_AUTO_TEST_CASE(an_unknown_or_missing_sys_is_bad_param) {
    for (const char* sys : {"0", "3", "-1", "abc", "1.5", ""}) {
        BOOST_TEST_CONTEXT("sys=" << sys) {
            MMX_CHECK_FAILS_WITH(latest(sys), "BAD_PARAM");
        }
    }
    api::HttpClient http(api::stackEnv().baseUrl);
    MMX_CHECK_FAILS_WITH(http.get(kLatest, {}, api::clientHeader(api::uniqueClient())),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(any_client_may_ask_without_a_login_but_not_without_a_client_header) {
    api::HttpClient http(api::stackEnv().baseUrl);
    MMX_CHECK_OK(http.post(kLatest, {{"sys", "1"}}, api::clientHeader(api::uniqueClient())));
    const api::Response anonymous = http.post(kLatest, {{"sys", "1"}}, {});
    BOOST_CHECK(!anonymous.success());
}

BOOST_AUTO_TEST_CASE(the_download_directory_is_not_listed) {
    api::HttpClient http(api::stackEnv().baseUrl);
    const api::Response listing = http.request("GET", "/download/", "", {});
    BOOST_CHECK_NE(listing.status, 200);
    BOOST_CHECK(listing.body.find("mmx-") == std::string::npos);
    const api::Response missing = http.request("GET", "/download/no-such-package.apk", "", {});
    BOOST_CHECK_EQUAL(missing.status, 404);
}
