#pragma once

#include <string_view>

#include "core/image_cleaner.hpp"
#include "services/services.hpp"

namespace mmx::services {

// The uploaded picture decoded and encoded again (core/image_cleaner.hpp), within the
// configured pixel cap; else BAD_PARAM: `formatInfo` when it is no picture we take,
// or why it was refused.
CleanedImage requireCleanImage(const Services& services, std::string_view bytes,
                               std::string_view formatInfo);

}  // namespace mmx::services
