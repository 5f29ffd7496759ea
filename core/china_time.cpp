#include "core/china_time.hpp"

#include <chrono>
#include <cstdio>

namespace mmx {

std::string chinaDate(std::int64_t epochMs) {
    using namespace std::chrono;
    constexpr std::int64_t kEightHoursMs = 8LL * 3600 * 1000;
    const sys_days day = floor<days>(sys_time<milliseconds>(milliseconds(epochMs + kEightHoursMs)));
    const year_month_day date(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

}  // namespace mmx
