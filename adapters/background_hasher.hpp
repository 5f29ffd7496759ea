#pragma once

#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace mmx {

// Runs password hashes on a helper thread of lower CPU priority (nice 10), so that
// while logins hash flat out, the other routes' requests still get the cores first.
// The worker stays single-threaded in everything it serves: it hands over one hash
// and waits for it.
class BackgroundHasher {
  public:
    BackgroundHasher();
    ~BackgroundHasher();
    BackgroundHasher(const BackgroundHasher&) = delete;
    BackgroundHasher& operator=(const BackgroundHasher&) = delete;

    template <typename Work>
    auto run(Work&& work) -> decltype(work()) {
        std::packaged_task<decltype(work())()> task(std::forward<Work>(work));
        auto result = task.get_future();
        submit([&task] { task(); });
        return result.get();
    }

  private:
    void submit(std::function<void()> job);
    void loop();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::function<void()> job_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace mmx
