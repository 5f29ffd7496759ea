#pragma once

#include <functional>

#include "fcgi/form.hpp"
#include "fcgi/request_log.hpp"
#include "fcgi/router.hpp"

namespace mmx {

// The largest body a worker reads; nginx caps bodies before this, so it is a second fence.
inline constexpr long kMaxBodyBytes = 4L * 1024 * 1024;

// SIGTERM/SIGINT make FCGX_Accept_r return instead of restarting accept(), so a worker
// idle in accept stops at once and a busy one stops after its request.
void installWorkerSignalHandlers();

// What bounds one request's cost in a worker.
struct WorkerSettings {
    FormLimits form;
    int requestCpuSeconds = 5;  // MMX_REQUEST_CPU_SECONDS; 0: no budget
};

// Serves requests on `listenFd` until shutdown; one request at a time.
// `afterRequest` runs between requests (housekeeping that must not delay an answer).
void runWorker(int listenFd, const Dispatcher& dispatcher, RequestLog& log,
               const WorkerSettings& settings, const std::function<void()>& afterRequest);

}  // namespace mmx
