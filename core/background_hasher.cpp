#include "core/background_hasher.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace mmx {

namespace {
constexpr int kHashNice = 10;
}  // namespace

BackgroundHasher::BackgroundHasher() : thread_([this] { loop(); }) {}

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
