#include "core/hash_slots.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace mmx {
namespace {

std::vector<int> openLockFiles(const std::string& directory, const std::string& stem, int count) {
    std::vector<int> fds;
    for (int i = 0; i < count; ++i) {
        const std::string path = directory + "/" + stem + "-" + std::to_string(i) + ".lock";
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
        fds.push_back(fd);
    }
    return fds;
}

}  // namespace

HashSlots::HashSlots(const std::string& directory, int slots)
    : slots_(openLockFiles(directory, "hash-slot", slots)),
      waitingRoom_(openLockFiles(directory, "hash-wait", slots)) {}

HashSlots::~HashSlots() {
    for (const int fd : slots_) ::close(fd);
    for (const int fd : waitingRoom_) ::close(fd);
}

HashSlots::Lease::~Lease() {
    if (fd_ >= 0) flock(fd_, LOCK_UN);
}

std::optional<HashSlots::Lease> HashSlots::tryLock(const std::vector<int>& fds) {
    // Start at a different file in each worker so that they do not all contend for the first.
    const std::size_t start = static_cast<std::size_t>(getpid()) % fds.size();
    for (std::size_t k = 0; k < fds.size(); ++k) {
        const int fd = fds[(start + k) % fds.size()];
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) return Lease(fd);
    }
    return std::nullopt;
}

std::optional<HashSlots::Lease> HashSlots::acquire(std::chrono::milliseconds patience) {
    if (auto slot = tryLock(slots_)) return slot;
    const auto ticket = tryLock(waitingRoom_);
    if (!ticket) return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        if (auto slot = tryLock(slots_)) return slot;
    }
    return std::nullopt;
}

}  // namespace mmx
