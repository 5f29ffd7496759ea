#include "services/contention.hpp"

#include "db/connection.hpp"

namespace mmx::services {

bool isLockContention(const std::exception& failure) {
    return dynamic_cast<const db::Deadlock*>(&failure) != nullptr;
}

}  // namespace mmx::services
