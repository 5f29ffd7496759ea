#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The BMPs that phones and Windows write: uncompressed 24- or 32-bit BI_RGB, bottom-up
// or top-down. libvips reads BMP only through ImageMagick, which we keep out of the
// worker, so this small reader turns one into RGB pixels for the image cleaner.
namespace mmx {

struct BmpPixels {
    int width = 0;
    int height = 0;
    std::string rgb;  // width × height × 3 bytes, top row first
};

struct BmpHeader {
    int width = 0;
    int height = 0;
};

// The dimensions, when `bytes` start like a BMP this reader can decode.
std::optional<BmpHeader> readBmpHeader(std::string_view bytes);

// The pixels, when the whole pixel array is there; nullopt for anything else.
std::optional<BmpPixels> decodeBmp(std::string_view bytes);

}  // namespace mmx
