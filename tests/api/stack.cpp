#include "stack.hpp"

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
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

bool hasNonAscii(const std::string& s) {
    for (unsigned char c : s) {
        if (c >= 0x80) return true;
    }
    return false;
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
    for (int attempt = 0; attempt < 20; ++attempt) {
        const auto messages = smsMessages(mobile, purpose);
        if (!messages.empty()) return messages.back().code;
        sleepFor(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("no '" + purpose + "' SMS for " + mobile + " in " + stackEnv().varDir +
                             "/sms-outbox.jsonl");
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

AgedUsers::AgedUsers(size_t count) {
    for (size_t i = 0; i < count; ++i) entries_.push_back(makeEntry());
}

AgedUsers::Entry AgedUsers::makeEntry() {
    Entry e;
    e.aged.user = TestUser{uniqueMobile(), uniquePassword(), {}};
    e.smsAt = std::chrono::steady_clock::now();
    e.aged.registerCode = sendRegisterCode(e.aged.user.mobile);
    const Response r = http().post("/user/user!register",
                                   {{"userVO.userMobile", e.aged.user.mobile},
                                    {"userVO.password", e.aged.user.password},
                                    {"telSecurityCode", e.aged.registerCode}},
                                   clientHeader(uniqueClient()));
    if (!r.success()) throw std::runtime_error("register failed: " + r.describe());
    e.aged.user.session = login(e.aged.user.mobile, e.aged.user.password, uniqueClient());
    return e;
}

AgedUser AgedUsers::take() {
    if (next_ == entries_.size()) entries_.push_back(makeEntry());
    const Entry& e = entries_[next_++];
    std::this_thread::sleep_until(e.smsAt + std::chrono::seconds(61));
    return e.aged;
}

Headers clientHeader(const std::string& client) {
    return {{"client", client}};
}

Headers authHeaders(const Session& s) {
    return {
        {"client", s.client}, {"uid", s.uid}, {"accessToken", s.accessToken}, {"expire", s.expire}};
}

int runStackCommand(const std::string& command) {
    const StackEnv& env = stackEnv();
    std::string port = "80";
    const auto colon = env.baseUrl.rfind(':');
    if (colon != std::string::npos && colon > 5) port = env.baseUrl.substr(colon + 1);
    const std::string line = "MMX_VAR='" + env.varDir + "' MMX_PORT='" + port + "' '" +
                             env.repoRoot + "/scripts/stack' " + command;
    const int rc = std::system(line.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string runDir() {
    // $RUN is $VAR/run unless that path is too long for a unix socket
    // (scripts/lib/common.sh); `scripts/stack up` writes the one it chose to
    // $VAR/env.sh as MMX_RUN_DIR.
    if (const char* run = std::getenv("MMX_TEST_RUN"); run != nullptr && *run != '\0') return run;
    std::ifstream envFile(stackEnv().varDir + "/env.sh");
    const std::string prefix = "export MMX_RUN_DIR=";
    std::string line;
    while (std::getline(envFile, line)) {
        if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
    }
    return stackEnv().varDir + "/run";
}

pid_t supervisorPid() {
    const std::string path = runDir() + "/mmx.pid";
    std::ifstream in(path);
    long pid = 0;
    if (!(in >> pid) || pid <= 1) throw std::runtime_error("no supervisor pid in " + path);
    return static_cast<pid_t>(pid);
}

std::vector<pid_t> childrenOf(pid_t parent) {
    std::vector<pid_t> out;
    DIR* proc = opendir("/proc");
    if (proc == nullptr) return out;
    while (const dirent* entry = readdir(proc)) {
        char* end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end != '\0') continue;
        std::ifstream stat("/proc/" + std::string(entry->d_name) + "/stat");
        std::string content((std::istreambuf_iterator<char>(stat)), {});
        // Fields after the parenthesised command name: state, ppid, ...
        const auto close = content.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(content.substr(close + 1));
        std::string state;
        long ppid = 0;
        if (rest >> state >> ppid && ppid == parent && state != "Z") {
            out.push_back(static_cast<pid_t>(pid));
        }
    }
    closedir(proc);
    return out;
}

bool processAlive(pid_t pid) {
    return kill(pid, 0) == 0 || errno == EPERM;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) return out;
    while (const dirent* entry = readdir(d)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") out.push_back(name);
    }
    closedir(d);
    return out;
}

size_t countLines(const std::string& path) {
    std::ifstream in(path);
    size_t n = 0;
    std::string line;
    while (std::getline(in, line)) ++n;
    return n;
}

std::string envelopeProblems(const Response& r) {
    if (r.status == 0) return "no HTTP answer: " + r.transportError;
    std::string problems;
    std::string type = r.header("content-type");
    for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type.rfind("application/json", 0) != 0 || type.find("charset=utf-8") == std::string::npos) {
        problems += "Content-Type is '" + r.header("content-type") + "'; ";
    }
    if (!r.isJson()) return problems + "body is not a JSON object: " + r.body.substr(0, 200);
    if (!r.json.HasMember("success") || !r.json["success"].IsBool())
        problems += "no bool success; ";
    if (!r.json.HasMember("code") || !r.json["code"].IsString()) problems += "no string code; ";
    if (!r.json.HasMember("info") || !r.json["info"].IsString()) {
        problems += "no string info; ";
    } else if (!hasNonAscii(r.info())) {
        problems += "info is not a Chinese message: '" + r.info() + "'; ";
    }
    if (r.success() != (r.code() == "OK")) problems += "success disagrees with code; ";
    static const char* const kInternals[] = {
        "SQL",     "sql",     "mysql",   "MySQL",           "MariaDB",
        "SELECT ", "INSERT ", "UPDATE ", "Duplicate entry", "exception",
        "std::",   ".cpp",    "errno",   "Traceback",       "nginx"};
    for (const char* word : kInternals) {
        if (r.info().find(word) != std::string::npos) {
            problems += "info leaks internals ('" + std::string(word) + "'); ";
        }
    }
    return problems;
}

long long nowMillis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void sleepFor(std::chrono::milliseconds d) {
    std::this_thread::sleep_for(d);
}

}  // namespace mmx::apitest
