#include "services/images.hpp"

#include <string>

#include "core/api_error.hpp"

namespace mmx::services {

CleanedImage requireCleanImage(const Services& services, std::string_view bytes,
                               std::string_view formatInfo) {
    const auto maxPixels = static_cast<std::uint64_t>(services.config.maxImagePixels);
    CleanedImage image = cleanImage(bytes, maxPixels);
    switch (image.verdict) {
        case ImageVerdict::Clean:
            return image;
        case ImageVerdict::NotAnImage:
            throwBadParam(std::string(formatInfo));
        case ImageVerdict::TooManyPixels:
            throwBadParam("图片像素太多，不能超过" + std::to_string(maxPixels / 10000) + "万像素");
        case ImageVerdict::Broken:
            break;
    }
    throwBadParam("图片已损坏或不完整");
}

}  // namespace mmx::services
