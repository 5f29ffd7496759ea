#include "adapters/hash_slots.hpp"

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
      tickets_(openLockFiles(directory, "hash-ticket", 2 * slots)) {}

HashSlots::~HashSlots() {
    for (const int fd : slots_) ::close(fd);
    for (const int fd : tickets_) ::close(fd);
}

HashSlots::Lock::~Lock() {
    if (fd_ >= 0) flock(fd_, LOCK_UN);
}

std::optional<HashSlots::Lock> HashSlots::tryLock(const std::vector<int>& fds) {
    // Start at a different file in each worker so that they do not all contend for the first.
    const std::size_t start = static_cast<std::size_t>(getpid()) % fds.size();
    for (std::size_t k = 0; k < fds.size(); ++k) {
        const int fd = fds[(start + k) % fds.size()];
        if (flock(fd, LOCK_EX | LOCK_NB) == 0) return Lock(fd);
    }
    return std::nullopt;
}

std::optional<HashSlots::Lease> HashSlots::acquire(std::chrono::milliseconds patience) {
    auto ticket = tryLock(tickets_);
    if (!ticket) return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (true) {
        if (auto slot = tryLock(slots_)) return Lease{std::move(*ticket), std::move(*slot)};
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace mmx
