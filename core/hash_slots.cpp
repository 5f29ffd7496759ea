#include "core/hash_slots.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace mmx {

HashSlots::HashSlots(const std::string& directory, int slots) {
    for (int i = 0; i < slots; ++i) {
        const std::string path = directory + "/hash-slot-" + std::to_string(i) + ".lock";
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
        }
        fds_.push_back(fd);
    }
}

HashSlots::~HashSlots() {
    for (const int fd : fds_) ::close(fd);
}

HashSlots::Lease::~Lease() { flock(fd_, LOCK_UN); }

HashSlots::Lease HashSlots::acquire() {
    // Poll every slot; when all are busy, wait a little and poll again. A blocking
    // flock on one slot would queue behind that slot while another one frees up.
    const std::size_t start = static_cast<std::size_t>(getpid()) % fds_.size();
    for (int round = 0;; ++round) {
        for (std::size_t k = 0; k < fds_.size(); ++k) {
            const int fd = fds_[(start + k) % fds_.size()];
            if (flock(fd, LOCK_EX | LOCK_NB) == 0) return Lease(fd);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(round < 10 ? 2 : 10));
    }
}

}  // namespace mmx
