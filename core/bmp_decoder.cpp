#include "core/bmp_decoder.hpp"

namespace mmx {
namespace {

constexpr std::size_t kFileHeaderBytes = 14;
constexpr std::int64_t kMaxSide = 1 << 16;

std::uint32_t u32At(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
}

unsigned u16At(std::string_view bytes, std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(bytes[at + 1])) << 8;
}

struct Layout {
    std::int64_t width = 0;
    std::int64_t height = 0;  // negative: the top row comes first
    unsigned bitsPerPixel = 0;
    std::size_t pixelOffset = 0;
    std::size_t rowBytes = 0;
};

std::optional<Layout> readLayout(std::string_view bytes) {
    if (bytes.size() < kFileHeaderBytes + 40 || bytes.substr(0, 2) != "BM") return std::nullopt;
    const std::uint32_t infoSize = u32At(bytes, 14);
    if (infoSize != 40 && infoSize != 108 && infoSize != 124) return std::nullopt;
    Layout layout;
    layout.width = static_cast<std::int32_t>(u32At(bytes, 18));
    layout.height = static_cast<std::int32_t>(u32At(bytes, 22));
    layout.bitsPerPixel = u16At(bytes, 28);
    const std::uint32_t compression = u32At(bytes, 30);
    if (u16At(bytes, 26) != 1 || compression != 0) return std::nullopt;
    if (layout.bitsPerPixel != 24 && layout.bitsPerPixel != 32) return std::nullopt;
    const std::int64_t rows = layout.height < 0 ? -layout.height : layout.height;
    if (layout.width <= 0 || layout.width > kMaxSide || rows == 0 || rows > kMaxSide) {
        return std::nullopt;
    }
    layout.pixelOffset = u32At(bytes, 10);
    if (layout.pixelOffset < kFileHeaderBytes + infoSize) return std::nullopt;
    layout.rowBytes = static_cast<std::size_t>((layout.width * layout.bitsPerPixel + 31) / 32 * 4);
    return layout;
}

}  // namespace

std::optional<BmpHeader> readBmpHeader(std::string_view bytes) {
    const auto layout = readLayout(bytes);
    if (!layout) return std::nullopt;
    return BmpHeader{static_cast<int>(layout->width),
                     static_cast<int>(layout->height < 0 ? -layout->height : layout->height)};
}

std::optional<BmpPixels> decodeBmp(std::string_view bytes) {
    const auto layout = readLayout(bytes);
    if (!layout) return std::nullopt;
    const auto width = static_cast<std::size_t>(layout->width);
    const bool topDown = layout->height < 0;
    const auto rows = static_cast<std::size_t>(topDown ? -layout->height : layout->height);
    if (layout->pixelOffset > bytes.size() ||
        (bytes.size() - layout->pixelOffset) / layout->rowBytes < rows) {
        return std::nullopt;
    }
    const std::size_t step = layout->bitsPerPixel / 8;
    BmpPixels pixels;
    pixels.width = static_cast<int>(width);
    pixels.height = static_cast<int>(rows);
    pixels.rgb.resize(width * rows * 3);
    for (std::size_t y = 0; y < rows; ++y) {
        const std::size_t sourceRow = topDown ? y : rows - 1 - y;
        const std::string_view row =
            bytes.substr(layout->pixelOffset + sourceRow * layout->rowBytes, layout->rowBytes);
        char* out = pixels.rgb.data() + y * width * 3;
        for (std::size_t x = 0; x < width; ++x) {
            const char* bgr = row.data() + x * step;
            out[x * 3] = bgr[2];
            out[x * 3 + 1] = bgr[1];
            out[x * 3 + 2] = bgr[0];
        }
    }
    return pixels;
}

}  // namespace mmx
