// Registering and resetting a password by SMS code: the password is hashed outside any
// transaction, and the code is consumed only with the write it allows
// (services/accounts_by_code.cpp).
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "db/connection.hpp"
#include "db_fixture.hpp"
#include "services/accounts.hpp"
#include "services/sms_codes.hpp"

using namespace mmx;
using dbtest::codeOf;
using dbtest::sendAndRead;

namespace {

constexpr std::string_view kTryCodeLock =
    "SELECT id FROM sms_codes WHERE mobile = ? ORDER BY id DESC LIMIT 1 FOR UPDATE NOWAIT";
constexpr std::string_view kPasswordHash = "SELECT password_hash FROM users WHERE mobile = ?";

// A host whose one hash slot this test holds: every hash waits for it (10 s), then is
// turned away. (account_rules_test's NoHashCapacity refuses at once instead.)
struct BusyHashSlot {
    explicit BusyHashSlot(Config& config) {
        char pattern[] = "/tmp/mmx-hash-slots-XXXXXX";
        directory = ::mkdtemp(pattern);
        config.runDir = directory;
        config.hashConcurrency = 1;
        fd = ::open((directory + "/hash-slot-0.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        BOOST_REQUIRE(fd >= 0);
        BOOST_REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    }
    void release() { ::flock(fd, LOCK_UN); }
    ~BusyHashSlot() {
        ::close(fd);
        std::filesystem::remove_all(directory);
    }
    std::string directory;
    int fd = -1;
};

// How many of the host's hash admission tickets in `directory` are held (/proc/locks
// lists every flock by inode): a request holding one is waiting for the slot, its code
// already checked.
int ticketsHeld(const std::string& directory) {
    std::set<std::string> inodes;
    for (int i = 0; i < 2; ++i) {
        struct stat file {};
        if (::stat((directory + "/hash-ticket-" + std::to_string(i) + ".lock").c_str(), &file) ==
            0) {
            inodes.insert(std::to_string(file.st_ino));
        }
    }
    std::ifstream locks("/proc/locks");
    std::string line;
    int held = 0;
    while (std::getline(locks, line)) {
        std::istringstream fields(line);
        std::string id, kind, mode, access, pid, device;
        fields >> id >> kind >> mode >> access >> pid >> device;
        if (kind != "FLOCK") continue;
        const auto colon = device.rfind(':');
        if (colon != std::string::npos && inodes.count(device.substr(colon + 1))) ++held;
    }
    return held;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(code_accounts, dbtest::Stack)

BOOST_AUTO_TEST_CASE(waiting_for_a_hash_locks_no_code_and_a_refused_hash_leaves_the_code_usable) {
    BusyHashSlot slot(config);
    Services registering(config);
    Services resetting(config);
    const std::string newcomer = dbtest::freshMobile();
    const std::string owner = dbtest::freshMobile();
    db::UserRepository(resetting.db).create(owner, "h", nowMs());
    const std::string registerCode =
        sendAndRead(registering, newcomer, services::CodePurpose::Register);
    const std::string resetCode = sendAndRead(resetting, owner, services::CodePurpose::Reset);

    // Both wait for the busy slot until they are turned away (RATE_LIMITED); meanwhile
    // neither code row may be locked.
    std::atomic<int> finished{0};
    ErrorCode registerAnswer = ErrorCode::ServerError;
    ErrorCode resetAnswer = ErrorCode::ServerError;
    std::thread registerThread([&] {
        registerAnswer = codeOf([&] {
            services::registerAccount(registering, "203.0.113.7", newcomer, "password-1",
                                      registerCode);
        });
        ++finished;
    });
    std::thread resetThread([&] {
        resetAnswer = codeOf([&] {
            services::resetPassword(resetting, "203.0.113.8", owner, "password-2", resetCode);
        });
        ++finished;
    });
    while (ticketsHeld(slot.directory) < 2 && finished == 0) std::this_thread::yield();
    db::Connection observer(config);
    int lockedSeen = 0;
    int looks = 0;
    while (finished < 2) {
        for (const std::string& mobile : {newcomer, owner}) {
            try {
                observer.queryOne(kTryCodeLock, {std::string_view(mobile)});
            } catch (const db::DbError&) {
                ++lockedSeen;
            }
        }
        ++looks;
        // Sampling pace only: the loop ends when both requests have answered.
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    registerThread.join();
    resetThread.join();
    BOOST_TEST((registerAnswer == ErrorCode::RateLimited));
    BOOST_TEST((resetAnswer == ErrorCode::RateLimited));
    BOOST_TEST(looks > 10);
    BOOST_TEST(lockedSeen == 0);

    // Nothing was consumed: the same codes work once a slot is free.
    slot.release();
    const auto userId =
        services::registerAccount(registering, "203.0.113.7", newcomer, "password-1", registerCode);
    BOOST_TEST(userId > 0);
    const auto before = observer.queryOne(kPasswordHash, {std::string_view(owner)})->str(0);
    services::resetPassword(resetting, "203.0.113.8", owner, "password-2", resetCode);
    BOOST_TEST(observer.queryOne(kPasswordHash, {std::string_view(owner)})->str(0) != before);
    // And once used, a code is spent.
    BOOST_TEST((codeOf([&] {
                    services::resetPassword(resetting, "203.0.113.8", owner, "password-3",
                                            resetCode);
                }) == ErrorCode::CodeExpired));
}

BOOST_AUTO_TEST_SUITE_END()
