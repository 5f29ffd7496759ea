#include "fcgi/supervisor.hpp"

#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <vector>

namespace mmx {
namespace {

constexpr long kYoungLifetimeMs = 5000;
constexpr long kFirstDelayMs = 250;
constexpr long kMaxDelayMs = 30000;
constexpr auto kDrainTimeout = std::chrono::seconds(30);
constexpr auto kBacklogTimeout = std::chrono::seconds(10);

// How a stop proceeds: the socket's name goes first, so nothing new can connect; the
// workers then serve every connection already queued (nginx sent those requests
// before the stop, and would answer 502 for each one dropped); only then are they
// asked to finish the request in hand and exit.
enum class Phase { Serving, EmptyingBacklog, Draining };

using Clock = std::chrono::steady_clock;

struct Slot {
    pid_t pid = 0;
    Clock::time_point startedAt{};
    Clock::time_point restartAt{};
    int youngDeaths = 0;
};

long msSince(Clock::time_point then) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - then).count();
}

void log(const std::string& line) {
    std::cerr << "supervisor: " << line << std::endl;
}

pid_t spawn(int listenFd, const std::function<int(int)>& workerMain, const sigset_t& oldMask) {
    const pid_t pid = fork();
    if (pid < 0) {
        log(std::string("fork failed: ") + std::strerror(errno));
        return 0;
    }
    if (pid > 0) return pid;
    // The child dies with the supervisor rather than serving unsupervised.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
    // SIGHUP stays blocked in the worker, which takes it between requests.
    sigset_t workerMask = oldMask;
    sigaddset(&workerMask, SIGHUP);
    sigprocmask(SIG_SETMASK, &workerMask, nullptr);
    // Whatever happens, the child leaves through _exit: never through the supervisor's
    // own return path, nor flushing stdio buffers it inherited.
    int status = 1;
    try {
        status = workerMain(listenFd);
    } catch (const std::exception& error) {
        std::cerr << "worker " << getpid() << " failed to start: " << error.what() << std::endl;
    } catch (...) {
    }
    _exit(status);
}

// Whether connections wait in the listen backlog for a worker to accept them.
bool connectionsQueued(int listenFd) {
    pollfd waiting{listenFd, POLLIN, 0};
    return poll(&waiting, 1, 0) == 1 && (waiting.revents & POLLIN) != 0;
}

void writePidFile(const std::string& path) {
    if (path.empty()) return;
    std::ofstream(path) << getpid() << '\n';
}

}  // namespace

long restartDelayMs(long livedMs, int recentYoungDeaths) {
    if (livedMs >= kYoungLifetimeMs || recentYoungDeaths <= 0) return 0;
    const int doublings = std::min(recentYoungDeaths - 1, 20);
    return std::min(kMaxDelayMs, kFirstDelayMs << doublings);
}

int openListenSocket(const SupervisorOptions& options) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (options.socketPath.size() >= sizeof(address.sun_path)) {
        throw std::runtime_error("socket path too long: " + options.socketPath);
    }
    std::strncpy(address.sun_path, options.socketPath.c_str(), sizeof(address.sun_path) - 1);

    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket: " + std::string(std::strerror(errno)));
    ::unlink(options.socketPath.c_str());
    // Created private, then opened to the web server's group only.
    const mode_t oldUmask = umask(0177);
    const int bound = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    umask(oldUmask);
    if (bound != 0)
        throw std::runtime_error("bind " + options.socketPath + ": " + std::strerror(errno));
    if (!options.socketGroup.empty()) {
        const group* g = getgrnam(options.socketGroup.c_str());
        if (g == nullptr) throw std::runtime_error("unknown group " + options.socketGroup);
        if (chown(options.socketPath.c_str(), static_cast<uid_t>(-1), g->gr_gid) != 0) {
            throw std::runtime_error("chown socket: " + std::string(std::strerror(errno)));
        }
    }
    if (chmod(options.socketPath.c_str(), options.socketMode & 0770) != 0) {
        throw std::runtime_error("chmod socket: " + std::string(std::strerror(errno)));
    }
    if (listen(fd, 1024) != 0)
        throw std::runtime_error("listen: " + std::string(std::strerror(errno)));
    return fd;
}

int runSupervisor(const SupervisorOptions& options, const std::function<int(int)>& workerMain) {
    const int listenFd = openListenSocket(options);

    sigset_t handled, oldMask;
    sigemptyset(&handled);
    sigaddset(&handled, SIGCHLD);
    sigaddset(&handled, SIGTERM);
    sigaddset(&handled, SIGINT);
    sigaddset(&handled, SIGHUP);
    sigprocmask(SIG_BLOCK, &handled, &oldMask);
    writePidFile(options.pidFile);

    std::vector<Slot> slots(static_cast<std::size_t>(std::max(1, options.workers)));
    for (auto& slot : slots) {
        slot.pid = spawn(listenFd, workerMain, oldMask);
        slot.startedAt = Clock::now();
    }
    log("serving " + options.socketPath + " with " + std::to_string(slots.size()) + " workers");

    Phase phase = Phase::Serving;
    auto backlogDeadline = Clock::time_point::max();
    auto drainDeadline = Clock::time_point::max();
    while (true) {
        // Reap every child that has exited and schedule its replacement.
        pid_t pid;
        int status = 0;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            for (auto& slot : slots) {
                if (slot.pid != pid) continue;
                const long lived = msSince(slot.startedAt);
                slot.youngDeaths = lived < kYoungLifetimeMs ? slot.youngDeaths + 1 : 0;
                slot.pid = 0;
                slot.restartAt = Clock::now() +
                                 std::chrono::milliseconds(restartDelayMs(lived, slot.youngDeaths));
                if (phase != Phase::Draining) {
                    log("worker " + std::to_string(pid) + " exited (status " +
                        std::to_string(status) + ") after " + std::to_string(lived) + " ms");
                }
            }
        }
        if (phase == Phase::Draining) {
            const bool anyAlive =
                std::any_of(slots.begin(), slots.end(), [](const Slot& s) { return s.pid != 0; });
            if (!anyAlive) break;
            if (Clock::now() > drainDeadline) {
                for (auto& slot : slots) {
                    if (slot.pid != 0) kill(slot.pid, SIGKILL);
                }
            }
        } else {
            // While the backlog empties, a worker that dies is still replaced: the
            // queued requests need it.
            for (auto& slot : slots) {
                if (slot.pid == 0 && Clock::now() >= slot.restartAt) {
                    slot.pid = spawn(listenFd, workerMain, oldMask);
                    slot.startedAt = Clock::now();
                }
            }
        }
        if (phase == Phase::EmptyingBacklog &&
            (!connectionsQueued(listenFd) || Clock::now() > backlogDeadline)) {
            phase = Phase::Draining;
            drainDeadline = Clock::now() + kDrainTimeout;
            log("draining: letting requests in flight finish");
            close(listenFd);
            for (auto& slot : slots) {
                if (slot.pid != 0) kill(slot.pid, SIGTERM);
            }
        }

        // The backlog is checked often; otherwise a child's exit or a signal wakes us.
        const long waitNs = phase == Phase::EmptyingBacklog ? 5'000'000 : 200'000'000;
        timespec wait{0, waitNs};
        siginfo_t info{};
        const int signo = sigtimedwait(&handled, &info, &wait);
        if (signo == SIGHUP) {
            // logrotate renamed the logs: each worker reopens before its next line. The
            // signal is pending in a worker (which keeps it blocked) once kill() returns,
            // so once this line is logged every line still to be written goes to the new
            // file.
            int told = 0;
            for (const auto& slot : slots) {
                if (slot.pid != 0 && kill(slot.pid, SIGHUP) == 0) ++told;
            }
            log("reopening logs: told " + std::to_string(told) + " workers");
        }
        if ((signo == SIGTERM || signo == SIGINT) && phase == Phase::Serving) {
            phase = Phase::EmptyingBacklog;
            backlogDeadline = Clock::now() + kBacklogTimeout;
            log("stopping: no new connections; serving those already queued");
            ::unlink(options.socketPath.c_str());
        }
    }
    if (!options.pidFile.empty()) ::unlink(options.pidFile.c_str());
    log("stopped");
    return 0;
}

}  // namespace mmx
