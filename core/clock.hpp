#pragma once

#include <chrono>
#include <cstdint>

namespace mmx {

// Milliseconds since the epoch: the one time unit of the schema and the API.
inline std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

inline constexpr std::int64_t kMinuteMs = 60 * 1000;
inline constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;

}  // namespace mmx
