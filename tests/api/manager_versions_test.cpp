// The manager side's app versions: who may publish and list them, a 100 MB package
// uploaded through nginx without passing through a worker's memory, what phones are then
// answered and served, and that a refused or repeated upload leaves no file behind.
#define BOOST_TEST_MODULE api_manager_versions
#include <curl/curl.h>
#include <sodium.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "exchange_recorder.hpp"
#include "manager_helpers.hpp"

using namespace managertest;

namespace {

const std::string kPublish = "/manager/version!publish";
constexpr long long kBigPackage = 100LL * 1024 * 1024;

std::string hex(const unsigned char* digest) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < crypto_hash_sha256_BYTES; ++i) {
        out += kDigits[digest[i] >> 4];
        out += kDigits[digest[i] & 0x0F];
    }
    return out;
}

std::string sha256OfBytes(const std::string& bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return hex(digest);
}

// Streams what curl receives into a SHA-256, so 100 MB are never held by the test either.
struct Digest {
    crypto_hash_sha256_state state;
    long long size = 0;
    Digest() { crypto_hash_sha256_init(&state); }
    std::string finish() {
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&state, digest);
        return hex(digest);
    }
};

std::size_t onDigestBytes(char* data, std::size_t size, std::size_t count, void* user) {
    auto* digest = static_cast<Digest*>(user);
    crypto_hash_sha256_update(&digest->state, reinterpret_cast<const unsigned char*>(data),
                              size * count);
    digest->size += static_cast<long long>(size * count);
    return size * count;
}

std::size_t onText(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

std::size_t onHeaderLine(char* data, std::size_t size, std::size_t count, void* user) {
    auto* headers = static_cast<std::map<std::string, std::string>*>(user);
    std::string line(data, size * count);
    const auto colon = line.find(':');
    if (line.rfind("HTTP/", 0) == 0) headers->clear();
    if (colon != std::string::npos && line.rfind("HTTP/", 0) != 0) {
        std::string name = line.substr(0, colon);
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r\n") + 1);
        (*headers)[name] = value;
    }
    return size * count;
}

std::string query(const api::Params& params) {
    std::string out;
    CURL* curl = curl_easy_init();
    for (const auto& [name, value] : params) {
        char* escaped = curl_easy_escape(curl, value.c_str(), static_cast<int>(value.size()));
        out += (out.empty() ? "?" : "&") + name + "=" + escaped;
        curl_free(escaped);
    }
    curl_easy_cleanup(curl);
    return out;
}

// POSTs the file at `path` as the raw body (streamed from disk), metadata in the query.
api::Response uploadFile(const api::TestUser& u, const api::Params& params,
                         const std::string& path) {
    api::Response response;
    FILE* file = std::fopen(path.c_str(), "rb");
    BOOST_REQUIRE(file != nullptr);
    CURL* curl = curl_easy_init();
    const std::string url = api::stackEnv().baseUrl + kPublish + query(params);
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : api::authHeaders(u.session)) {
        headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    headers = curl_slist_append(headers, "Content-Type: application/octet-stream");
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_READDATA, file);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(std::filesystem::file_size(path)));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onText);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeaderLine);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    const CURLcode code = curl_easy_perform(curl);
    if (code == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    std::fclose(file);
    response.json.Parse(response.body.c_str());
    api::recordExchange("POST", url, response);
    return response;
}

// Fetches a URL through nginx into a digest.
Digest download(const std::string& url, long& status) {
    Digest digest;
    CURL* curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onDigestBytes);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &digest);
    status = 0;
    if (curl_easy_perform(curl) == CURLE_OK) {
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    }
    curl_easy_cleanup(curl);
    return digest;
}

std::string uniqueVersion(const std::string& major) {
    static int sequence = 0;
    return major + "." + std::to_string(api::nowMillis()) + "." + std::to_string(++sequence);
}

std::string smallPackage(std::size_t size, std::string& bytes) {
    static std::mt19937_64 random{std::random_device{}()};
    bytes.resize(size);
    for (auto& byte : bytes) byte = static_cast<char>(random() & 0xFF);
    const std::string path =
        api::stackEnv().varDir + "/manager-package-" + std::to_string(random()) + ".bin";
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// The files nginx is holding or left behind for uploads.
std::vector<std::string> incoming() {
    return api::filesIn(api::stackEnv().varDir + "/incoming");
}

// The peak resident memory (VmHWM, kB) of each worker of the pool.
std::map<pid_t, long long> workerPeaks() {
    std::map<pid_t, long long> peaks;
    for (const pid_t pid : api::childrenOf(api::supervisorPid())) {
        std::ifstream status("/proc/" + std::to_string(pid) + "/status");
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind("VmHWM:", 0) == 0) peaks[pid] = std::stoll(line.substr(6));
        }
    }
    return peaks;
}

std::string scalarOf(const api::Response& r, const char* key) {
    const rapidjson::Value* value = r.data(key);
    return value != nullptr && value->IsString() ? value->GetString() : "";
}

api::Response latestAndroid() {
    api::HttpClient http(api::stackEnv().baseUrl);
    return http.get("/app/version!latest", {{"sys", "1"}}, api::clientHeader(api::uniqueClient()));
}

}  // namespace

BOOST_AUTO_TEST_CASE(admins_and_users_may_neither_publish_nor_list_versions_and_leave_no_file) {
    const api::TestUser user = api::newStaff("none");
    const api::TestUser admin = api::newStaff("admin");
    std::string bytes;
    const std::string path = smallPackage(4096, bytes);
    for (const api::TestUser* u : {&user, &admin}) {
        const api::Response refused = uploadFile(
            *u, {{"sys", "1"}, {"version", uniqueVersion("8")}, {"remark", "无权"}}, path);
        BOOST_CHECK_EQUAL(refused.status, 200);
        BOOST_CHECK_EQUAL(refused.code(), "FORBIDDEN");
        // The worker removed nginx's file before it answered.
        BOOST_CHECK(incoming().empty());
        BOOST_CHECK_EQUAL(call(*u, "version!list", {{"sys", "1"}}).code(), "FORBIDDEN");
    }
    for (const char* role : {"deputy", "owner"}) {
        BOOST_TEST_CONTEXT(role) {
            const api::Response listed = call(api::newStaff(role), "version!list", {{"sys", "1"}});
            MMX_REQUIRE_OK(listed);
            BOOST_CHECK(listed.data("versionList")->IsArray());
        }
    }
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(a_100_mb_package_goes_to_disk_not_into_a_worker_and_phones_get_it) {
    const api::TestUser deputy = api::newStaff("deputy");
    // Sparse: 100 MB of zeros that take no room on the test's disk until nginx writes them.
    const std::string path =
        api::stackEnv().varDir + "/big-package-" + std::to_string(api::nowMillis()) + ".apk";
    {
        std::ofstream(path, std::ios::binary);
        BOOST_REQUIRE_EQUAL(::truncate(path.c_str(), kBigPackage), 0);
    }
    const std::string expectedSha = [] {
        Digest zeros;
        const std::string block(1 << 20, '\0');
        for (long long i = 0; i < kBigPackage / (1 << 20); ++i) {
            onDigestBytes(const_cast<char*>(block.data()), 1, block.size(), &zeros);
        }
        return zeros.finish();
    }();
    const std::map<pid_t, long long> before = workerPeaks();
    BOOST_REQUIRE(!before.empty());

    const std::string version = uniqueVersion("9");
    const api::Response published =
        uploadFile(deputy, {{"sys", "1"}, {"version", version}, {"remark", "大安装包"}}, path);
    MMX_REQUIRE_OK(published);
    BOOST_CHECK_EQUAL(idIn(published, "version", "size"), kBigPackage);
    BOOST_CHECK_EQUAL((*published.data("version"))["sha256"].GetString(), expectedSha);

    // No worker's peak memory grew by anything near the package's size.
    for (const auto& [pid, peak] : workerPeaks()) {
        const long long was = before.count(pid) ? before.at(pid) : 0;
        BOOST_TEST_MESSAGE("worker " << pid << " VmHWM " << was << " -> " << peak << " kB");
        BOOST_TEST_CONTEXT("worker " << pid << " VmHWM " << was << " -> " << peak << " kB") {
            // Other suites decode pictures meanwhile; reading the package would add 100 MB.
            BOOST_CHECK_LT(peak - was, kBigPackage / 1024 * 3 / 4);
        }
    }

    const api::Response latest = latestAndroid();
    MMX_REQUIRE_OK(latest);
    BOOST_CHECK_EQUAL(latest.data("version")->GetString(), version);
    BOOST_CHECK_EQUAL(latest.data("size")->GetInt64(), kBigPackage);
    BOOST_CHECK_EQUAL(latest.data("sha256")->GetString(), expectedSha);
    long status = 0;
    Digest served = download(latest.data("packet")->GetString(), status);
    BOOST_CHECK_EQUAL(status, 200);
    BOOST_CHECK_EQUAL(served.size, kBigPackage);
    BOOST_CHECK_EQUAL(served.finish(), expectedSha);
    BOOST_CHECK(incoming().empty());

    const rapidjson::Document entry = lastAudit(deputy, "version", idIn(published, "version"));
    BOOST_CHECK_EQUAL(entry["action"].GetString(), std::string("version.publish"));
    BOOST_CHECK_EQUAL(entry["staffId"].GetInt64(), deputy.session.userId);
    BOOST_CHECK_EQUAL(entry["after"]["version"].GetString(), version);
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(a_version_published_again_is_conflict_and_the_served_package_stays) {
    const api::TestUser owner = api::newStaff("owner");
    std::string first;
    std::string second;
    const std::string firstPath = smallPackage(5000, first);
    const std::string secondPath = smallPackage(7000, second);
    const std::string version = uniqueVersion("10");
    const api::Response published =
        uploadFile(owner, {{"sys", "1"}, {"version", version}, {"remark", "第一次"}}, firstPath);
    MMX_REQUIRE_OK(published);
    const std::string packet = (*published.data("version"))["packet"].GetString();
    const auto downloadDir = std::filesystem::path(api::stackEnv().varDir) / "download";
    const auto filesBefore = api::filesIn(downloadDir.string()).size();

    const api::Response again =
        uploadFile(owner, {{"sys", "1"}, {"version", version}, {"remark", "第二次"}}, secondPath);
    BOOST_CHECK_EQUAL(again.code(), "CONFLICT");
    BOOST_CHECK(incoming().empty());
    BOOST_CHECK_EQUAL(api::filesIn(downloadDir.string()).size(), filesBefore);
    long status = 0;
    Digest served = download(packet, status);
    BOOST_CHECK_EQUAL(status, 200);
    BOOST_CHECK_EQUAL(served.finish(), sha256OfBytes(first));

    // Bad input is refused naming its parameter, and leaves nothing either.
    const struct {
        api::Params params;
        const char* field;
    } bad[] = {
        {{{"sys", "3"}, {"version", uniqueVersion("10")}, {"remark", "x"}}, "sys"},
        {{{"sys", "1"}, {"version", "1.0/../../x"}, {"remark", "x"}}, "version"},
        {{{"version", uniqueVersion("10")}, {"remark", "x"}}, "sys"},
        {{{"sys", "1"}, {"version", uniqueVersion("10")}}, "remark"},
    };
    for (const auto& c : bad) {
        const api::Response r = uploadFile(owner, c.params, secondPath);
        BOOST_CHECK_EQUAL(r.code(), "BAD_PARAM");
        BOOST_CHECK_EQUAL(scalarOf(r, "field"), c.field);
        BOOST_CHECK(incoming().empty());
    }
    std::filesystem::remove(firstPath);
    std::filesystem::remove(secondPath);
}

BOOST_AUTO_TEST_CASE(one_version_uploaded_at_once_by_four_staff_is_published_once) {
    const api::TestUser owner = api::newStaff("owner");
    const std::string version = uniqueVersion("12");
    std::vector<std::string> bytes(4);
    std::vector<std::string> paths;
    for (auto& b : bytes) paths.push_back(smallPackage(20000, b));
    std::vector<api::Response> answers(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            answers[i] = uploadFile(owner, {{"sys", "1"}, {"version", version}, {"remark", "并发"}},
                                    paths[i]);
        });
    }
    for (auto& t : threads) t.join();
    int published = -1;
    for (std::size_t i = 0; i < 4; ++i) {
        if (answers[i].success()) {
            BOOST_CHECK_EQUAL(published, -1);
            published = static_cast<int>(i);
        } else {
            BOOST_CHECK_EQUAL(answers[i].code(), "CONFLICT");
        }
    }
    BOOST_REQUIRE_GE(published, 0);
    // The one recorded is the one served, and nothing else was left.
    const rapidjson::Value& recorded = *answers[published].data("version");
    BOOST_CHECK_EQUAL(recorded["sha256"].GetString(), sha256OfBytes(bytes[published]));
    long status = 0;
    Digest served = download(recorded["packet"].GetString(), status);
    BOOST_CHECK_EQUAL(status, 200);
    BOOST_CHECK_EQUAL(served.finish(), sha256OfBytes(bytes[published]));
    BOOST_CHECK(incoming().empty());
    const api::Response listed = call(owner, "version!list", {{"sys", "1"}, {"count", "100"}});
    int copies = 0;
    for (const auto& v : listed.data("versionList")->GetArray()) {
        copies += v["version"].GetString() == version ? 1 : 0;
    }
    BOOST_CHECK_EQUAL(copies, 1);
    for (const auto& path : paths) std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(versions_are_listed_per_platform_newest_first_and_paged) {
    const api::TestUser deputy = api::newStaff("deputy");
    std::string bytes;
    const std::string path = smallPackage(3000, bytes);
    const std::string older = uniqueVersion("11");
    const std::string newer = uniqueVersion("11");
    MMX_REQUIRE_OK(uploadFile(deputy, {{"sys", "1"}, {"version", older}, {"remark", "旧"}}, path));
    const std::string path2 = smallPackage(3000, bytes);
    MMX_REQUIRE_OK(uploadFile(deputy, {{"sys", "1"}, {"version", newer}, {"remark", "新"}}, path2));
    const api::Response page =
        call(deputy, "version!list", {{"sys", "1"}, {"offset", "0"}, {"count", "100"}});
    MMX_REQUIRE_OK(page);
    const rapidjson::Value& list = *page.data("versionList");
    int olderAt = -1;
    int newerAt = -1;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        BOOST_CHECK_EQUAL(list[i]["sys"].GetInt64(), 1);
        if (list[i]["version"].GetString() == older) olderAt = static_cast<int>(i);
        if (list[i]["version"].GetString() == newer) newerAt = static_cast<int>(i);
    }
    BOOST_CHECK_GE(newerAt, 0);
    BOOST_CHECK_GT(olderAt, newerAt);
    BOOST_CHECK_GE(page.data("total")->GetInt64(), 2);
    const api::Response one = call(deputy, "version!list", {{"sys", "1"}, {"count", "1"}});
    MMX_REQUIRE_OK(one);
    BOOST_CHECK_EQUAL(one.data("versionList")->Size(), 1u);
    std::filesystem::remove(path);
    std::filesystem::remove(path2);
}

BOOST_AUTO_TEST_CASE(a_big_body_on_any_other_route_is_still_refused_413) {
    const api::TestUser user = api::newUser();
    const std::string body(4 * 1024 * 1024, 'a');
    const api::Response r =
        api::http().postRaw("/user/feedback!submit", "feedback=" + body,
                            "application/x-www-form-urlencoded", api::authHeaders(user.session));
    BOOST_CHECK_EQUAL(r.status, 413);
    BOOST_CHECK_EQUAL(r.code(), "BODY_TOO_LARGE");
}
