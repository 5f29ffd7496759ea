#include "adapters/background_hasher.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace mmx {

namespace {
constexpr int kHashNice = 10;
}  // namespace

BackgroundHasher::BackgroundHasher() {
    // The helper thread never takes the worker's signals: a stop signal must interrupt
    // the main thread's accept(), not land here.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    thread_ = std::thread([this] { loop(); });
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

BackgroundHasher::~BackgroundHasher() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_one();
    thread_.join();
}

void BackgroundHasher::submit(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        job_ = std::move(job);
    }
    ready_.notify_one();
}

void BackgroundHasher::loop() {
    // On Linux nice is per thread: only this thread gives way.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kHashNice);
    while (true) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [this] { return stopping_ || job_; });
            if (stopping_) return;
            job = std::move(job_);
            job_ = nullptr;
        }
        job();
    }
}

}  // namespace mmx
