#include "core/rate_window.hpp"

#include "core/clock.hpp"

namespace mmx {
namespace {

constexpr std::size_t kMaxKeyBytes = 100;
constexpr std::int64_t kChinaOffsetMs = 8 * 60 * kMinuteMs;

// At most `limit` bytes of UTF-8 text, never cutting a character in two (the bucket
// column is utf8mb4 and refuses a broken sequence).
std::string_view cutToFit(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

std::string limitBucket(std::string_view limit, std::string_view key) {
    std::string bucket(limit);
    bucket += ':';
    bucket += cutToFit(key, kMaxKeyBytes);
    return bucket;
}

std::int64_t chinaDayIndex(std::int64_t nowMs) {
    return (nowMs + kChinaOffsetMs) / kDayMs;
}

std::int64_t chinaDayEndMs(std::int64_t nowMs) {
    return (chinaDayIndex(nowMs) + 1) * kDayMs - kChinaOffsetMs;
}

}  // namespace mmx
