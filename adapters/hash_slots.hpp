#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace mmx {

// A counting semaphore shared by every worker on the host, so that at most `slots`
// argon2id hashes run at once. Before it waits for a slot a worker takes one of
// 2 × slots admission tickets, and gives up at once when there is none: a burst of
// logins may hold at most 2 × slots workers, and the rest of the pool keeps serving
// other routes. Every request goes through admission first, so a newcomer cannot
// take a freed slot while admitted workers wait for it and crowd them out.
// Each ticket and slot is an flock()ed file: the kernel frees it when its holder
// dies, so a killed worker can never leak one.
class HashSlots {
  public:
    HashSlots(const std::string& directory, int slots);
    ~HashSlots();
    HashSlots(const HashSlots&) = delete;
    HashSlots& operator=(const HashSlots&) = delete;

    // One held lock file.
    class Lock {
      public:
        explicit Lock(int fd) : fd_(fd) {}
        Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
        Lock& operator=(Lock&&) = delete;
        Lock(const Lock&) = delete;
        ~Lock();

      private:
        int fd_;
    };

    // An admission ticket and the slot it won; both go when the lease does.
    struct Lease {
        Lock ticket;
        Lock slot;
    };

    // A hash slot, waiting for it at most `patience`; nullopt when no admission
    // ticket is left or the wait ran out.
    std::optional<Lease> acquire(std::chrono::milliseconds patience);

  private:
    std::optional<Lock> tryLock(const std::vector<int>& fds);

    std::vector<int> slots_;
    std::vector<int> tickets_;
};

}  // namespace mmx
