#pragma once

#include <string>
#include <vector>

namespace mmx {

// A counting semaphore shared by every worker on the host, so that at most `slots`
// argon2id hashes run at once and a burst of logins never occupies every worker.
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
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

    private:
        int fd_;
    };

    // Blocks until a slot is free.
    Lease acquire();

private:
    std::vector<int> fds_;
};

}  // namespace mmx
