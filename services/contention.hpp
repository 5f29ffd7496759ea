#pragma once

#include <exception>

namespace mmx::services {

// Whether `failure` is lock contention that outlasted a transaction's retries: the work was
// undone, and the caller may simply try again.
bool isLockContention(const std::exception& failure);

}  // namespace mmx::services
