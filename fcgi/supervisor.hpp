#pragma once

#include <functional>
#include <string>

namespace mmx {

struct SupervisorOptions {
    std::string socketPath;
    int workers = 2;
    unsigned socketMode = 0660;
    std::string socketGroup;  // empty: the process's own group
    std::string pidFile;      // empty: none
};

// Binds a unix socket and returns its descriptor (mode and group applied).
int openListenSocket(const SupervisorOptions& options);

// The prefork supervisor: forks `workers` children that each run `workerMain(listenFd)`,
// replaces any child that dies (backing off when one dies young, so a crash loop does
// not spin), and on SIGTERM/SIGINT removes the socket's name, lets the children serve
// the connections already queued on it and finish the request in hand, and returns
// once all have exited. SIGHUP is passed on to every worker: reopen the request log.
int runSupervisor(const SupervisorOptions& options, const std::function<int(int)>& workerMain);

// How long to wait before restarting a worker that died after `livedMs`, given
// how many young deaths came just before it. Kept apart so that it can be tested.
long restartDelayMs(long livedMs, int recentYoungDeaths);

}  // namespace mmx
