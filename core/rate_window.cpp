#include "core/rate_window.hpp"

#include "core/clock.hpp"

namespace mmx {

std::string windowBucket(std::string_view limit, std::string_view key, std::int64_t nowMs,
                         std::int64_t windowMs) {
    std::string bucket(limit);
    bucket += ':';
    bucket += key.substr(0, 100);
    bucket += ':';
    bucket += std::to_string(nowMs / windowMs);
    return bucket;
}

std::int64_t windowEnd(std::int64_t nowMs, std::int64_t windowMs) {
    return (nowMs / windowMs + 1) * windowMs;
}

std::int64_t chinaDayIndex(std::int64_t nowMs) {
    return (nowMs + 8 * 60 * kMinuteMs) / kDayMs;
}

}  // namespace mmx
