#pragma once

// What the API tests know about the running stack: where it listens, where its
// var dir is (SMS outbox, request log, uploads, pid file), and the account steps
// every suite needs (register, log in, identity headers).

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "http_client.hpp"

namespace mmx::apitest {

struct StackEnv {
    std::string baseUrl;   // MMX_TEST_BASE_URL, e.g. http://127.0.0.1:18080
    std::string varDir;    // MMX_TEST_VAR, the test stack's var dir
    std::string repoRoot;  // MMX_TEST_REPO
};

const StackEnv& stackEnv();

// One client per test process; the suites are single-threaded.
HttpClient& http();

// Checks once per process that the stack answers a ping (waiting briefly for a
// stack that is still starting); throws with a clear message when it does not.
struct StackReachable {
    StackReachable();
};

std::string uniqueMobile();    // 1[3-9]xxxxxxxxx, never the same twice in a process
std::string uniqueClient();    // an app-install identifier, never the same twice
std::string uniquePassword();  // 8..128 chars, unique, easy to grep for in logs

struct SmsMessage {
    std::string mobile;
    std::string code;
    std::string purpose;
    std::string text;
};

// All outbox messages for (mobile, purpose), oldest first.
std::vector<SmsMessage> smsMessages(const std::string& mobile, const std::string& purpose);
// The newest code for (mobile, purpose); throws when there is none.
std::string lastSmsCode(const std::string& mobile, const std::string& purpose);
// Another code of the same length: its first digit moved on by one.
std::string wrongCode(std::string code);

// sendRegisterCode and return the code from the outbox; throws unless it succeeded.
std::string sendRegisterCode(const std::string& mobile);
// sendRegisterCode + outbox + register; returns the new userId.
long long registerUser(const std::string& mobile, const std::string& password);

struct Session {
    long long userId = 0;
    std::string uid;  // the header values as the server sent them
    std::string accessToken;
    std::string client;
    std::string expire;
};

Session login(const std::string& mobile, const std::string& password, const std::string& client);

struct TestUser {
    std::string mobile;
    std::string password;
    Session session;
};

// A freshly registered user, logged in from a fresh client.
TestUser newUser();

// Runs SQL against the stack's database (the server's own account, from the stack's
// env.sh) with the mariadb client; throws when it fails. For moving the test stack's
// clocks, never for checking what the API should show.
void runSql(const std::string& sql);

// Moves the SMS clock of one mobile: its last send becomes `seconds` older, as if that
// time had passed. The server sends at most one SMS per mobile a minute, whatever its
// purpose; a test that needs a second one moves the clock instead of waiting it out.
void ageLastSms(const std::string& mobile, int seconds = 61);

// A registered, logged-in user whose register SMS is already over a minute old.
struct AgedUser {
    TestUser user;
    std::string registerCode;
};
AgedUser newAgedUser();

Headers clientHeader(const std::string& client);
Headers authHeaders(const Session& session);

// Runs `$MMX_TEST_REPO/scripts/stack <command>` against the test stack; returns its exit status.
int runStackCommand(const std::string& command);

std::string runDir();
pid_t supervisorPid();
std::vector<pid_t> childrenOf(pid_t parent);
bool processAlive(pid_t pid);

std::string readFile(const std::string& path);
// Every file the stack stored for `userId` under upload/<folder> (names begin "<userId>_"),
// as paths relative to that folder: what a test may compare while other suites upload too.
std::set<std::string> uploadsOf(long long userId, const std::string& folder);
std::vector<std::string> filesIn(const std::string& dir);
size_t countLines(const std::string& path);

// Empty when `r` is a well-formed envelope (JSON content type, success/info/code,
// a Chinese info without internals); otherwise what is wrong with it.
std::string envelopeProblems(const Response& r);

long long nowMillis();
void sleepFor(std::chrono::milliseconds d);

}  // namespace mmx::apitest
