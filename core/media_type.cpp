#include "core/media_type.hpp"

namespace mmx {
namespace {

bool startsWith(std::string_view bytes, std::string_view magic) {
    return bytes.size() >= magic.size() && bytes.substr(0, magic.size()) == magic;
}

}  // namespace

std::optional<MediaType> sniffImage(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (startsWith(bytes, "\xFF\xD8\xFF"sv)) return MediaType{"jpg", "image/jpeg"};
    if (startsWith(bytes, "\x89PNG\r\n\x1A\n"sv)) return MediaType{"png", "image/png"};
    if (startsWith(bytes, "GIF87a"sv) || startsWith(bytes, "GIF89a"sv)) {
        return MediaType{"gif", "image/gif"};
    }
    // BMP: "BM", then the file size and a header size that only BITMAPINFOHEADER-family
    // headers use; "BM" alone would let any text starting with those letters through.
    if (startsWith(bytes, "BM"sv) && bytes.size() >= 26) {
        const auto headerSize = static_cast<unsigned char>(bytes[14]);
        if ((headerSize == 12 || headerSize == 40 || headerSize == 52 || headerSize == 56 ||
             headerSize == 108 || headerSize == 124) &&
            bytes[15] == 0 && bytes[16] == 0 && bytes[17] == 0) {
            return MediaType{"bmp", "image/bmp"};
        }
    }
    return std::nullopt;
}

}  // namespace mmx

namespace mmx {
namespace {

unsigned byteAt(std::string_view bytes, std::size_t i) {
    return static_cast<unsigned char>(bytes[i]);
}

// ADTS: 12 sync bits, layer 00, a sampling index below 13, and a frame length
// (which counts the 7- or 9-byte header) that can hold the header.
std::optional<std::size_t> adtsFrameLength(std::string_view bytes, std::size_t at) {
    if (bytes.size() < at + 7) return std::nullopt;
    if (byteAt(bytes, at) != 0xFF || (byteAt(bytes, at + 1) & 0xF6) != 0xF0) return std::nullopt;
    if (((byteAt(bytes, at + 2) >> 2) & 0x0F) >= 13) return std::nullopt;
    const std::size_t length = ((byteAt(bytes, at + 3) & 0x03) << 11) |
                               (byteAt(bytes, at + 4) << 3) | (byteAt(bytes, at + 5) >> 5);
    if (length < 7) return std::nullopt;
    return length;
}

// MPEG audio Layer III frame header; the frame's length in bytes, padding included.
std::optional<std::size_t> mp3FrameLength(std::string_view bytes, std::size_t at) {
    if (bytes.size() < at + 4) return std::nullopt;
    const unsigned b1 = byteAt(bytes, at + 1);
    const unsigned b2 = byteAt(bytes, at + 2);
    if (byteAt(bytes, at) != 0xFF || (b1 & 0xE0) != 0xE0) return std::nullopt;
    const unsigned version = (b1 >> 3) & 0x03;  // 0: 2.5, 1: reserved, 2: 2, 3: 1
    const unsigned layer = (b1 >> 1) & 0x03;    // 1: Layer III
    const unsigned bitrateIndex = b2 >> 4;
    const unsigned rateIndex = (b2 >> 2) & 0x03;
    if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
        return std::nullopt;
    }
    static constexpr unsigned kBitrateV1[] = {0,   32,  40,  48,  56,  64,  80, 96,
                                              112, 128, 160, 192, 224, 256, 320};
    static constexpr unsigned kBitrateV2[] = {0,  8,  16, 24,  32,  40,  48, 56,
                                              64, 80, 96, 112, 128, 144, 160};
    static constexpr unsigned kRateV1[] = {44100, 48000, 32000};
    const bool v1 = version == 3;
    const unsigned bitrate = (v1 ? kBitrateV1 : kBitrateV2)[bitrateIndex] * 1000;
    const unsigned rate = kRateV1[rateIndex] >> (v1 ? 0 : (version == 2 ? 1 : 2));
    const unsigned padding = (b2 >> 1) & 0x01;
    return (v1 ? 144 : 72) * bitrate / rate + padding;
}

// A first frame and, when the data reaches that far, a second one right after it.
template <typename FrameLength>
bool framesLine(std::string_view bytes, FrameLength frameLength) {
    const auto first = frameLength(bytes, 0);
    if (!first) return false;
    if (bytes.size() < *first + 4) return true;
    return frameLength(bytes, *first).has_value();
}

bool isAudioBrand(std::string_view brand) {
    for (const std::string_view known :
         {"M4A ", "M4B ", "mp41", "mp42", "isom", "iso2", "3gp4", "3gp5"}) {
        if (brand == known) return true;
    }
    return false;
}

}  // namespace

std::optional<MediaType> sniffAudio(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (startsWith(bytes, "#!AMR\n"sv) || startsWith(bytes, "#!AMR-WB\n"sv)) {
        return MediaType{"amr", "audio/amr"};
    }
    if (bytes.size() >= 12 && bytes.substr(4, 4) == "ftyp"sv && isAudioBrand(bytes.substr(8, 4))) {
        const std::size_t boxSize = (byteAt(bytes, 0) << 24) | (byteAt(bytes, 1) << 16) |
                                    (byteAt(bytes, 2) << 8) | byteAt(bytes, 3);
        if (boxSize >= 16 && boxSize % 4 == 0) return MediaType{"m4a", "audio/mp4"};
    }
    // ID3v2: "ID3", a major version 2..4, and four sync-safe size bytes.
    if (startsWith(bytes, "ID3"sv) && bytes.size() >= 10 && byteAt(bytes, 3) >= 2 &&
        byteAt(bytes, 3) <= 4 &&
        ((byteAt(bytes, 6) | byteAt(bytes, 7) | byteAt(bytes, 8) | byteAt(bytes, 9)) & 0x80) == 0) {
        return MediaType{"mp3", "audio/mpeg"};
    }
    if (framesLine(bytes, adtsFrameLength)) return MediaType{"aac", "audio/aac"};
    if (framesLine(bytes, mp3FrameLength)) return MediaType{"mp3", "audio/mpeg"};
    return std::nullopt;
}

}  // namespace mmx
