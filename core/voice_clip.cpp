#include "core/voice_clip.hpp"

#include <array>
#include <cstdint>

namespace mmx {
namespace {

using namespace std::string_view_literals;

constexpr MediaType kAmr{"amr", "audio/amr"};
constexpr MediaType kAac{"aac", "audio/aac"};
constexpr MediaType kMp3{"mp3", "audio/mpeg"};
constexpr MediaType kM4a{"m4a", "audio/mp4"};

unsigned byteAt(std::string_view bytes, std::size_t i) {
    return static_cast<unsigned char>(bytes[i]);
}

bool startsWith(std::string_view bytes, std::string_view magic) {
    return bytes.substr(0, magic.size()) == magic;
}

// The length of the frame at `at`, header included, or nullopt when none starts there.
using FrameLength = std::optional<std::size_t> (*)(std::string_view, std::size_t);

// Frames back to back from `at` to exactly `end`, at least one.
bool framesFill(std::string_view bytes, std::size_t at, std::size_t end, FrameLength frameLength) {
    if (at >= end) return false;
    while (at < end) {
        const auto length = frameLength(bytes.substr(0, end), at);
        if (!length || *length == 0 || *length > end - at) return false;
        at += *length;
    }
    return true;
}

// AMR storage format (RFC 4867 §5): one header byte per frame, its padding bits
// zero, its frame type giving the size; types with no size in a file are refused.
constexpr std::array<std::uint8_t, 16> kAmrNbBytes = {13, 14, 16, 18, 20, 21, 27, 32,
                                                      6,  0,  0,  0,  0,  0,  0,  1};
constexpr std::array<std::uint8_t, 16> kAmrWbBytes = {18, 24, 33, 37, 41, 47, 51, 59,
                                                      61, 6,  0,  0,  0,  0,  1,  1};

template <const std::array<std::uint8_t, 16>& kSizes>
std::optional<std::size_t> amrFrameLength(std::string_view bytes, std::size_t at) {
    if (at >= bytes.size()) return std::nullopt;
    const unsigned header = byteAt(bytes, at);
    if ((header & 0x83) != 0) return std::nullopt;
    const std::size_t size = kSizes[(header >> 3) & 0x0F];
    if (size == 0) return std::nullopt;
    return size;
}

// ADTS: 12 sync bits, layer 00, a sampling index below 13, and a frame length that
// holds its own header (7 bytes, 9 with a CRC).
std::optional<std::size_t> adtsFrameLength(std::string_view bytes, std::size_t at) {
    if (bytes.size() < at + 7) return std::nullopt;
    if (byteAt(bytes, at) != 0xFF || (byteAt(bytes, at + 1) & 0xF6) != 0xF0) return std::nullopt;
    if (((byteAt(bytes, at + 2) >> 2) & 0x0F) >= 13) return std::nullopt;
    const std::size_t headerBytes = (byteAt(bytes, at + 1) & 0x01) != 0 ? 7 : 9;
    const std::size_t length = ((byteAt(bytes, at + 3) & 0x03) << 11) |
                               (byteAt(bytes, at + 4) << 3) | (byteAt(bytes, at + 5) >> 5);
    if (length < headerBytes) return std::nullopt;
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

// ID3v2 (versions 2 to 4): a 10-byte header, a sync-safe size, a footer when flagged.
std::optional<std::size_t> id3v2Length(std::string_view bytes) {
    if (bytes.size() < 10 || !startsWith(bytes, "ID3"sv)) return std::nullopt;
    if (byteAt(bytes, 3) < 2 || byteAt(bytes, 3) > 4 || byteAt(bytes, 4) == 0xFF) {
        return std::nullopt;
    }
    if (((byteAt(bytes, 6) | byteAt(bytes, 7) | byteAt(bytes, 8) | byteAt(bytes, 9)) & 0x80) != 0) {
        return std::nullopt;
    }
    const std::size_t size = (byteAt(bytes, 6) << 21) | (byteAt(bytes, 7) << 14) |
                             (byteAt(bytes, 8) << 7) | byteAt(bytes, 9);
    const bool footer = byteAt(bytes, 3) == 4 && (byteAt(bytes, 5) & 0x10) != 0;
    const std::size_t length = 10 + size + (footer ? 10 : 0);
    if (length > bytes.size()) return std::nullopt;
    return length;
}

bool isMp3(std::string_view bytes) {
    std::size_t start = 0;
    if (startsWith(bytes, "ID3"sv)) {
        const auto tag = id3v2Length(bytes);
        if (!tag) return false;
        start = *tag;
    }
    std::size_t end = bytes.size();
    constexpr std::size_t kId3v1Bytes = 128;
    if (end >= start + kId3v1Bytes && bytes.substr(end - kId3v1Bytes, 3) == "TAG"sv &&
        !framesFill(bytes, start, end, mp3FrameLength)) {
        end -= kId3v1Bytes;
    }
    return framesFill(bytes, start, end, mp3FrameLength);
}

bool isAudioBrand(std::string_view brand) {
    for (const std::string_view known :
         {"M4A "sv, "M4B "sv, "mp41"sv, "mp42"sv, "isom"sv, "iso2"sv, "3gp4"sv, "3gp5"sv}) {
        if (brand == known) return true;
    }
    return false;
}

std::uint64_t bigEndian(std::string_view bytes, std::size_t at, std::size_t count) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < count; ++i) value = (value << 8) | byteAt(bytes, at + i);
    return value;
}

// Top-level ISO BMFF boxes from the first byte to the last: a 32-bit size (1: a
// 64-bit size follows; 0: to the end of the file), a type of printable ASCII.
bool isMpeg4Audio(std::string_view bytes) {
    bool sawMoov = false;
    bool sawMdat = false;
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < 8) return false;
        std::uint64_t size = bigEndian(bytes, at, 4);
        std::size_t header = 8;
        if (size == 1) {
            if (bytes.size() - at < 16) return false;
            size = bigEndian(bytes, at + 8, 8);
            header = 16;
        } else if (size == 0) {
            size = bytes.size() - at;
        }
        if (size < header || size > bytes.size() - at) return false;
        const std::string_view type = bytes.substr(at + 4, 4);
        for (const char c : type) {
            if (c < 0x20 || c > 0x7E) return false;
        }
        if (at == 0 && (type != "ftyp"sv || size < 16 || !isAudioBrand(bytes.substr(8, 4)))) {
            return false;
        }
        sawMoov = sawMoov || type == "moov"sv;
        sawMdat = sawMdat || type == "mdat"sv;
        at += static_cast<std::size_t>(size);
    }
    return at > 0 && sawMoov && sawMdat;
}

}  // namespace

std::optional<MediaType> checkVoiceClip(std::string_view bytes) {
    constexpr std::string_view kAmrNbMagic = "#!AMR\n";
    constexpr std::string_view kAmrWbMagic = "#!AMR-WB\n";
    if (startsWith(bytes, kAmrNbMagic)) {
        if (framesFill(bytes, kAmrNbMagic.size(), bytes.size(), amrFrameLength<kAmrNbBytes>)) {
            return kAmr;
        }
        return std::nullopt;
    }
    if (startsWith(bytes, kAmrWbMagic)) {
        if (framesFill(bytes, kAmrWbMagic.size(), bytes.size(), amrFrameLength<kAmrWbBytes>)) {
            return kAmr;
        }
        return std::nullopt;
    }
    if (bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp"sv) {
        return isMpeg4Audio(bytes) ? std::optional(kM4a) : std::nullopt;
    }
    if (framesFill(bytes, 0, bytes.size(), adtsFrameLength)) return kAac;
    if (isMp3(bytes)) return kMp3;
    return std::nullopt;
}

}  // namespace mmx
