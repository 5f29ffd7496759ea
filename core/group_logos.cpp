#include "core/group_logos.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace mmx {
namespace {

constexpr int kSide = 96;

struct Rgb {
    std::uint8_t r, g, b;
};

constexpr std::array<Rgb, kBuiltInLogoCount> kBackgrounds = {{
    {0x3B, 0x82, 0xF6},
    {0x10, 0xB9, 0x81},
    {0xF5, 0x9E, 0x0B},
    {0xEF, 0x44, 0x44},
    {0x8B, 0x5C, 0xF6},
    {0xEC, 0x48, 0x99},
    {0x14, 0xB8, 0xA6},
    {0x64, 0x74, 0x8B},
}};

std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= static_cast<std::uint8_t>(c);
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::uint32_t adler32(const std::string& bytes) {
    std::uint32_t a = 1, b = 0;
    for (const char c : bytes) {
        a = (a + static_cast<std::uint8_t>(c)) % 65521u;
        b = (b + a) % 65521u;
    }
    return (b << 16) | a;
}

void putU32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

void putChunk(std::string& png, const char* type, const std::string& data) {
    putU32(png, static_cast<std::uint32_t>(data.size()));
    const std::string body = std::string(type, 4) + data;
    png += body;
    putU32(png, crc32(body));
}

// zlib with stored (uncompressed) blocks: a few kilobytes, and no zlib to link.
std::string zlibStored(const std::string& raw) {
    std::string out = {'\x78', '\x01'};
    std::size_t offset = 0;
    do {
        const std::size_t length = std::min<std::size_t>(raw.size() - offset, 65535);
        const bool last = offset + length == raw.size();
        out.push_back(last ? '\x01' : '\x00');
        out.push_back(static_cast<char>(length & 0xFF));
        out.push_back(static_cast<char>(length >> 8));
        out.push_back(static_cast<char>(~length & 0xFF));
        out.push_back(static_cast<char>((~length >> 8) & 0xFF));
        out.append(raw, offset, length);
        offset += length;
    } while (offset < raw.size());
    putU32(out, adler32(raw));
    return out;
}

bool inCircle(int x, int y, int cx, int cy, int r) {
    return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

// Two figures, heads and shoulders, the second one a little behind the first.
bool isFigure(int x, int y) {
    const bool heads = inCircle(x, y, 36, 36, 12) || inCircle(x, y, 62, 32, 10);
    const bool shoulders = (y >= 54 && y < 80 && inCircle(x, y, 36, 80, 24)) ||
                           (y >= 48 && y < 72 && inCircle(x, y, 62, 70, 20));
    return heads || shoulders;
}

}  // namespace

std::string builtInLogoName(std::size_t index) {
    return "group-" + std::to_string(index % kBuiltInLogoCount + 1) + ".png";
}

std::string builtInLogoPng(std::size_t index) {
    const Rgb background = kBackgrounds[index % kBuiltInLogoCount];

    std::string header;
    putU32(header, kSide);
    putU32(header, kSide);
    header += {'\x01', '\x03', '\x00', '\x00', '\x00'};  // 1 bit per pixel, palette

    const std::string palette = {static_cast<char>(background.r),
                                 static_cast<char>(background.g),
                                 static_cast<char>(background.b),
                                 '\xFF',
                                 '\xFF',
                                 '\xFF'};

    std::string raw;
    constexpr int kRowBytes = (kSide + 7) / 8;
    for (int y = 0; y < kSide; ++y) {
        raw.push_back('\0');  // filter: none
        std::array<std::uint8_t, kRowBytes> row{};
        for (int x = 0; x < kSide; ++x) {
            if (isFigure(x, y)) row[x / 8] |= static_cast<std::uint8_t>(0x80 >> (x % 8));
        }
        raw.append(reinterpret_cast<const char*>(row.data()), row.size());
    }

    std::string png = "\x89PNG\r\n\x1a\n";
    putChunk(png, "IHDR", header);
    putChunk(png, "PLTE", palette);
    putChunk(png, "IDAT", zlibStored(raw));
    putChunk(png, "IEND", "");
    return png;
}

}  // namespace mmx
