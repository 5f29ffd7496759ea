#include "adapters/hash_slots.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <thread>

#include "adapters/background_hasher.hpp"

using namespace mmx;
using namespace std::chrono_literals;

namespace {

struct LockDirectory {
    LockDirectory() {
        path = std::filesystem::temp_directory_path() /
               ("mmx-slots-" + std::to_string(getpid()) + "-" + std::to_string(++serial));
        std::filesystem::create_directories(path);
    }
    ~LockDirectory() { std::filesystem::remove_all(path); }
    std::filesystem::path path;
    static inline int serial = 0;
};

// True when every admission ticket file in `dir` is held by someone: read from the
// kernel's lock table (/proc/locks, "... FLOCK ... <dev>:<inode> ..."), so that looking
// never takes a ticket the waiter is reaching for.
bool everyTicketIsTaken(const std::filesystem::path& dir, int tickets) {
    std::ifstream table("/proc/locks");
    const std::string locks((std::istreambuf_iterator<char>(table)),
                            std::istreambuf_iterator<char>());
    for (int i = 0; i < tickets; ++i) {
        struct stat file {};
        const auto path = dir / ("hash-ticket-" + std::to_string(i) + ".lock");
        if (::stat(path.c_str(), &file) != 0) return false;
        const std::string inode = ":" + std::to_string(file.st_ino) + " ";
        bool held = false;
        for (std::size_t at = locks.find(inode); at != std::string::npos && !held;
             at = locks.find(inode, at + 1)) {
            const std::size_t lineStart = locks.rfind('\n', at) + 1;  // npos + 1 == 0
            held = locks.substr(lineStart, at - lineStart).find(" FLOCK ") != std::string::npos;
        }
        if (!held) return false;
    }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hash_slots)

// Each HashSlots opens its own files, as each worker process does, so two of them
// in one process contend exactly like two workers.

BOOST_AUTO_TEST_CASE(a_free_slot_is_taken_at_once) {
    LockDirectory dir;
    HashSlots slots(dir.path, 2);
    BOOST_TEST(slots.acquire(0ms).has_value());
}

BOOST_AUTO_TEST_CASE(with_every_slot_busy_a_waiter_gives_up_after_its_patience) {
    LockDirectory dir;
    HashSlots holder(dir.path, 1), waiter(dir.path, 1);
    const auto held = holder.acquire(0ms);
    BOOST_REQUIRE(held.has_value());
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(!waiter.acquire(100ms).has_value());
    BOOST_TEST((std::chrono::steady_clock::now() - started >= 100ms));
}

BOOST_AUTO_TEST_CASE(with_every_admission_ticket_taken_a_request_is_turned_away_at_once) {
    LockDirectory dir;
    HashSlots holder(dir.path, 1), waiter(dir.path, 1), latecomer(dir.path, 1);
    auto held = holder.acquire(0ms);
    BOOST_REQUIRE(held.has_value());
    auto waiting =
        std::async(std::launch::async, [&] { return waiter.acquire(2000ms).has_value(); });
    while (!everyTicketIsTaken(dir.path, 2)) {  // until the waiter is in
        BOOST_REQUIRE_MESSAGE(waiting.wait_for(0ms) != std::future_status::ready,
                              "the waiter gave up before it was seen waiting");
        std::this_thread::yield();
    }
    const auto started = std::chrono::steady_clock::now();
    BOOST_TEST(!latecomer.acquire(2000ms).has_value());
    BOOST_TEST((std::chrono::steady_clock::now() - started < 500ms));
    held.reset();  // the waiter gets the slot that frees up
    BOOST_TEST(waiting.get());
}

BOOST_AUTO_TEST_CASE(as_many_requesters_as_tickets_are_never_turned_away) {
    // One slot, two tickets: two workers hashing back to back must both keep getting
    // the slot, however eagerly each takes it again.
    LockDirectory dir;
    const auto hammer = [&dir] {
        HashSlots slots(dir.path, 1);
        int refusals = 0;
        for (int i = 0; i < 100; ++i) {
            auto lease = slots.acquire(2000ms);
            if (!lease) ++refusals;
        }
        return refusals;
    };
    auto first = std::async(std::launch::async, hammer);
    auto second = std::async(std::launch::async, hammer);
    BOOST_TEST(first.get() + second.get() == 0);
}

BOOST_AUTO_TEST_CASE(a_slot_held_by_a_process_that_died_is_free_again) {
    LockDirectory dir;
    const pid_t child = fork();
    if (child == 0) {
        HashSlots slots(dir.path, 1);
        auto lease = slots.acquire(0ms);
        _exit(lease ? 0 : 1);  // dies holding the slot, never releasing it
    }
    int status = 0;
    waitpid(child, &status, 0);
    BOOST_REQUIRE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    HashSlots slots(dir.path, 1);
    BOOST_TEST(slots.acquire(0ms).has_value());
}

BOOST_AUTO_TEST_CASE(background_hasher_returns_the_work_result_and_its_exceptions) {
    BackgroundHasher hasher;
    BOOST_TEST(hasher.run([] { return 6 * 7; }) == 42);
    BOOST_CHECK_THROW(hasher.run([]() -> int { throw std::runtime_error("x"); }),
                      std::runtime_error);
    BOOST_TEST(hasher.run([] { return std::string("again"); }) == "again");
}

BOOST_AUTO_TEST_SUITE_END()
