#include "stack.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <stdexcept>
#include <thread>

namespace mmx::apitest {
namespace {

std::string envOr(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

std::mt19937_64& rng() {
    static std::mt19937_64 engine{std::random_device{}()};
    return engine;
}

std::string randomDigits(size_t n) {
    std::uniform_int_distribution<int> digit(0, 9);
    std::string out;
    for (size_t i = 0; i < n; ++i) out += static_cast<char>('0' + digit(rng()));
    return out;
}

std::string randomAlnum(size_t n) {
    static const char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::uniform_int_distribution<size_t> pick(0, sizeof(kAlphabet) - 2);
    std::string out;
    for (size_t i = 0; i < n; ++i) out += kAlphabet[pick(rng())];
    return out;
}

std::string member(const rapidjson::Value& obj, const char* name) {
    const auto it = obj.FindMember(name);
    return it == obj.MemberEnd() ? std::string{} : scalarText(it->value);
}

}  // namespace

const StackEnv& stackEnv() {
    static const StackEnv env{
        envOr("MMX_TEST_BASE_URL", "http://127.0.0.1:18080"),
        envOr("MMX_TEST_VAR", "build/api-var"),
        envOr("MMX_TEST_REPO", "."),
    };
    return env;
}

HttpClient& http() {
    static HttpClient client(stackEnv().baseUrl);
    return client;
}

StackReachable::StackReachable() {
    Response last;
    for (int attempt = 0; attempt < 50; ++attempt) {
        last = http().get("/app/system!ping");
        if (last.status == 200) return;
        sleepFor(std::chrono::milliseconds(200));
    }
    throw std::runtime_error("the test stack at " + stackEnv().baseUrl +
                             " does not answer /app/system!ping (" + last.describe() +
                             "); start it with MMX_VAR=" + stackEnv().varDir +
                             " scripts/stack up, or run the suites through ctest");
}

std::string uniqueMobile() {
    static std::set<std::string> used;
    std::uniform_int_distribution<int> second(3, 9);
    for (;;) {
        std::string mobile = "1" + std::to_string(second(rng())) + randomDigits(9);
        if (used.insert(mobile).second) return mobile;
    }
}

std::string uniqueClient() {
    return "APITEST" + randomAlnum(12);
}

std::string uniquePassword() {
    return "pw-" + randomAlnum(16);
}

std::vector<SmsMessage> smsMessages(const std::string& mobile, const std::string& purpose) {
    std::vector<SmsMessage> out;
    std::ifstream in(stackEnv().varDir + "/sms-outbox.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        rapidjson::Document doc;
        doc.Parse(line.c_str(), line.size());
        if (doc.HasParseError() || !doc.IsObject()) continue;
        SmsMessage m{member(doc, "mobile"), member(doc, "code"), member(doc, "purpose"),
                     member(doc, "text")};
        if (m.mobile == mobile && m.purpose == purpose) out.push_back(std::move(m));
    }
    return out;
}

std::string lastSmsCode(const std::string& mobile, const std::string& purpose) {
    // The outbox line is written before the send is answered: no waiting needed.
    const auto messages = smsMessages(mobile, purpose);
    if (!messages.empty()) return messages.back().code;
    throw std::runtime_error("no '" + purpose + "' SMS for " + mobile + " in " + stackEnv().varDir +
                             "/sms-outbox.jsonl");
}

std::string wrongCode(std::string code) {
    code[0] = code[0] == '9' ? '0' : static_cast<char>(code[0] + 1);
    return code;
}

std::string sendRegisterCode(const std::string& mobile) {
    const Response r = http().post("/user/user!sendRegisterCode", {{"userVO.userMobile", mobile}},
                                   clientHeader(uniqueClient()));
    if (!r.success()) throw std::runtime_error("sendRegisterCode failed: " + r.describe());
    return lastSmsCode(mobile, "register");
}

long long registerUser(const std::string& mobile, const std::string& password) {
    const std::string code = sendRegisterCode(mobile);
    const Response r = http().post(
        "/user/user!register",
        {{"userVO.userMobile", mobile}, {"userVO.password", password}, {"telSecurityCode", code}},
        clientHeader(uniqueClient()));
    const rapidjson::Value* user = r.data("userVO");
    if (!r.success() || user == nullptr || !user->IsObject() || !user->HasMember("userId") ||
        !(*user)["userId"].IsInt64()) {
        throw std::runtime_error("register failed: " + r.describe());
    }
    return (*user)["userId"].GetInt64();
}

Session login(const std::string& mobile, const std::string& password, const std::string& client) {
    const Response r = http().post("/user/user!login",
                                   {{"userVO.userName", mobile}, {"userVO.password", password}},
                                   clientHeader(client));
    if (!r.success()) throw std::runtime_error("login failed: " + r.describe());
    Session s;
    s.uid = r.header("uid");
    s.accessToken = r.header("accesstoken");
    s.client = r.header("client");
    s.expire = r.header("expire");
    if (s.uid.empty() || s.accessToken.empty()) {
        throw std::runtime_error("login answered without uid/accessToken headers: " + r.describe());
    }
    s.userId = std::stoll(s.uid);
    if (s.client.empty()) s.client = client;
    return s;
}

TestUser newUser() {
    TestUser u{uniqueMobile(), uniquePassword(), {}};
    registerUser(u.mobile, u.password);
    u.session = login(u.mobile, u.password, uniqueClient());
    return u;
}

std::set<std::string> uploadsOf(long long userId, const std::string& folder) {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(stackEnv().varDir) / "upload" / folder;
    const std::string prefix = std::to_string(userId) + "_";
    std::set<std::string> found;
    std::error_code missing;
    for (fs::recursive_directory_iterator it(root, missing), end; !missing && it != end;
         it.increment(missing)) {
        if (it->is_regular_file() && it->path().filename().string().rfind(prefix, 0) == 0) {
            found.insert(fs::relative(it->path(), root).string());
        }
    }
    return found;
}

void runSql(const std::string& sql) {
    std::map<std::string, std::string> env;
    std::ifstream in(stackEnv().varDir + "/env.sh");
    const std::regex assignment("^export (MMX_DB_[A-Z]+)=(.*)$");
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_match(line, m, assignment)) env[m[1]] = m[2];
    }
    for (const char* name : {"MMX_DB_SOCKET", "MMX_DB_USER", "MMX_DB_NAME"}) {
        if (env[name].empty()) throw std::runtime_error(std::string(name) + " not in env.sh");
    }
    // The values come from scripts/stack's %q quoting of generated, shell-safe strings.
    const std::string command = "MYSQL_PWD=" + env["MMX_DB_PASSWORD"] +
                                " mariadb --no-defaults --batch --socket=" + env["MMX_DB_SOCKET"] +
                                " --user=" + env["MMX_DB_USER"] + " " + env["MMX_DB_NAME"];
    FILE* pipe = popen(command.c_str(), "w");
    if (pipe == nullptr) throw std::runtime_error("cannot run the mariadb client");
    std::fputs(sql.c_str(), pipe);
    if (pclose(pipe) != 0) throw std::runtime_error("the mariadb client failed on: " + sql);
}

void ageLastSms(const std::string& mobile, int seconds) {
    for (const char c : mobile) {
        if (c < '0' || c > '9') throw std::invalid_argument("not a mobile: " + mobile);
    }
    runSql("UPDATE sms_throttle SET last_sent_at = last_sent_at - " +
           std::to_string(seconds * 1000LL) + " WHERE mobile = '" + mobile + "';");
}

AgedUser newAgedUser() {
    AgedUser aged;
    aged.user = TestUser{uniqueMobile(), uniquePassword(), {}};
    aged.registerCode = sendRegisterCode(aged.user.mobile);
    const Response r = http().post("/user/user!register",
                                   {{"userVO.userMobile", aged.user.mobile},
                                    {"userVO.password", aged.user.password},
                                    {"telSecurityCode", aged.registerCode}},
                                   clientHeader(uniqueClient()));
    if (!r.success()) throw std::runtime_error("register failed: " + r.describe());
    aged.user.session = login(aged.user.mobile, aged.user.password, uniqueClient());
    ageLastSms(aged.user.mobile);
    return aged;
}

Headers clientHeader(const std::string& client) {
    return {{"client", client}};
}

Headers authHeaders(const Session& s) {
    return {
        {"client", s.client}, {"uid", s.uid}, {"accessToken", s.accessToken}, {"expire", s.expire}};
}

long long nowMillis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void sleepFor(std::chrono::milliseconds d) {
    std::this_thread::sleep_for(d);
}

}  // namespace mmx::apitest
