#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace mmx {

// A counting semaphore shared by every worker on the host, so that at most `slots`
// argon2id hashes run at once, plus a waiting room of the same size. A worker that
// finds both full gives up at once: a burst of logins may hold at most 2 × slots
// workers, and the rest of the pool keeps serving other routes.
// Each slot is an flock()ed file: the kernel frees a slot whose holder dies, so a
// killed worker can never leak one.
class HashSlots {
public:
    HashSlots(const std::string& directory, int slots);
    ~HashSlots();
    HashSlots(const HashSlots&) = delete;
    HashSlots& operator=(const HashSlots&) = delete;

    class Lease {
    public:
        explicit Lease(int fd) : fd_(fd) {}
        Lease(Lease&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        ~Lease();

    private:
        int fd_;
    };

    // A hash slot, waiting at most `patience` in the waiting room; nullopt when the
    // waiting room is full or the wait ran out.
    std::optional<Lease> acquire(std::chrono::milliseconds patience);

private:
    std::optional<Lease> tryLock(const std::vector<int>& fds);

    std::vector<int> slots_;
    std::vector<int> waitingRoom_;
};

}  // namespace mmx
