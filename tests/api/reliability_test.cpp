// The pool survives its parts failing: a worker killed mid-traffic is replaced
// and traffic goes on; a MariaDB restart is ridden out by the same workers.
#define BOOST_TEST_MODULE api_reliability
#include <signal.h>

#include <algorithm>

#include "api_test.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

const std::string kPing = "/app/system!ping";
const std::string kReadUser = "/user/user!readUser";

std::vector<pid_t> workersOf(pid_t supervisor) {
    std::vector<pid_t> pids = api::childrenOf(supervisor);
    std::sort(pids.begin(), pids.end());
    return pids;
}

bool contains(const std::vector<pid_t>& pids, pid_t pid) {
    return std::find(pids.begin(), pids.end(), pid) != pids.end();
}

api::Response readSelf(const api::Session& s) {
    return api::http().post(kReadUser, {}, api::authHeaders(s));
}

}  // namespace

BOOST_AUTO_TEST_CASE(killed_worker_is_replaced_and_traffic_goes_on_after_a_short_grace) {
    const api::TestUser u = api::newUser();
    const pid_t supervisor = api::supervisorPid();
    const std::vector<pid_t> before = workersOf(supervisor);
    BOOST_REQUIRE_MESSAGE(!before.empty(), "the supervisor " << supervisor << " has no workers");
    const pid_t victim = before.front();

    const auto start = Clock::now();
    const auto killAt = start + milliseconds(500);
    const auto graceEnds = killAt + milliseconds(1000);
    const auto stopAt = killAt + milliseconds(4000);
    bool killed = false;
    int sent = 0;
    int failedInGrace = 0;
    int answeredAfterGrace = 0;
    while (Clock::now() < stopAt && sent < 5000) {
        if (!killed && Clock::now() >= killAt) {
            BOOST_REQUIRE_EQUAL(kill(victim, SIGKILL), 0);
            killed = true;
        }
        const auto sentAt = Clock::now();
        const api::Response r = sent % 2 == 0 ? api::http().get(kPing) : readSelf(u.session);
        const bool answered = r.status == 200 && r.success();
        if (sentAt >= graceEnds) {
            BOOST_CHECK_MESSAGE(answered,
                                "request " << sent << " after the grace: " << r.describe());
            ++answeredAfterGrace;
        } else if (!answered) {
            ++failedInGrace;
        }
        ++sent;
        api::sleepFor(milliseconds(2));
    }
    BOOST_TEST_MESSAGE(sent << " requests, " << failedInGrace
                            << " unanswered before the grace ended, " << answeredAfterGrace
                            << " after it");
    BOOST_CHECK(killed);
    BOOST_CHECK_GT(answeredAfterGrace, 10);

    std::vector<pid_t> after;
    for (int i = 0; i < 50; ++i) {
        after = workersOf(supervisor);
        if (after.size() == before.size() && !contains(after, victim)) break;
        api::sleepFor(milliseconds(100));
    }
    BOOST_CHECK_EQUAL(after.size(), before.size());
    BOOST_CHECK_MESSAGE(!contains(after, victim),
                        "the killed worker " << victim << " is still listed");
    BOOST_CHECK_EQUAL(api::supervisorPid(), supervisor);
    BOOST_CHECK(api::processAlive(supervisor));
}

BOOST_AUTO_TEST_CASE(database_restart_is_ridden_out_by_the_same_workers) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(readSelf(u.session));
    const pid_t supervisor = api::supervisorPid();
    const std::vector<pid_t> before = workersOf(supervisor);
    BOOST_REQUIRE(!before.empty());

    BOOST_REQUIRE_EQUAL(api::runStackCommand("restart-db"), 0);

    // While MariaDB comes back, every answer is still an envelope (a server
    // error at worst), never a dropped connection or a dead worker's 502.
    const auto giveUpAt = Clock::now() + std::chrono::seconds(10);
    api::Response r;
    do {
        r = readSelf(u.session);
        if (r.success()) break;
        BOOST_CHECK_MESSAGE(r.status != 0 && r.status != 502 && api::envelopeProblems(r).empty(),
                            "while MariaDB restarts: " << r.describe());
        api::sleepFor(milliseconds(250));
    } while (Clock::now() < giveUpAt);
    MMX_REQUIRE_OK(r);

    // Every worker has its connection back: reads and a write all succeed now.
    for (size_t i = 0; i < 3 * before.size(); ++i) {
        MMX_CHECK_OK(readSelf(u.session));
        MMX_CHECK_OK(api::http().post("/user/user!updateUser",
                                      {{"userExtendVO.nickName", "重连" + std::to_string(i)}},
                                      api::authHeaders(u.session)));
    }
    BOOST_CHECK(workersOf(supervisor) == before);
    BOOST_CHECK_EQUAL(api::supervisorPid(), supervisor);
}
