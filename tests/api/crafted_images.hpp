#pragma once

// Pictures made in the test with libvips, and the hostile bytes built around them:
// an EXIF segment as phones write it (orientation and a GPS position), a PNG whose
// header declares more pixels than anyone should decode. Shared by the unit tests
// of the image cleaner and the API tests of the uploads.

#include <vips/vips.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <string>

namespace mmx::testimages {

using namespace std::string_literals;

// A grey picture of `width` × `height` encoded as `format` ("jpg", "png", "gif").
inline std::string encoded(int width, int height, const std::string& format) {
    BOOST_REQUIRE(VIPS_INIT("mmx-tests") == 0);
    VipsImage* black = nullptr;
    BOOST_REQUIRE(vips_black(&black, width, height, "bands", 3, nullptr) == 0);
    VipsImage* grey = nullptr;
    BOOST_REQUIRE(vips_linear1(black, &grey, 1.0, 128.0, "uchar", TRUE, nullptr) == 0);
    void* buffer = nullptr;
    std::size_t length = 0;
    const int status = format == "jpg"   ? vips_jpegsave_buffer(grey, &buffer, &length, nullptr)
                       : format == "png" ? vips_pngsave_buffer(grey, &buffer, &length, nullptr)
                                         : vips_gifsave_buffer(grey, &buffer, &length, nullptr);
    g_object_unref(grey);
    g_object_unref(black);
    BOOST_REQUIRE(status == 0);
    std::string bytes(static_cast<const char*>(buffer), length);
    g_free(buffer);
    return bytes;
}

struct Size {
    int width = 0;
    int height = 0;
};

// The size of a picture as libvips decodes it, whole; {0, 0} if it does not decode.
inline Size decodedSize(const std::string& bytes) {
    BOOST_REQUIRE(VIPS_INIT("mmx-tests") == 0);
    VipsImage* image = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", "fail_on",
                                                  VIPS_FAIL_ON_ERROR, nullptr);
    if (image == nullptr) return {};
    double average = 0;
    const bool whole = vips_avg(image, &average, nullptr) == 0;
    const Size size{vips_image_get_width(image), vips_image_get_height(image)};
    g_object_unref(image);
    vips_error_clear();
    return whole ? size : Size{};
}

inline std::string u16le(unsigned v) {
    return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
}
inline std::string u32le(std::uint32_t v) {
    return u16le(v & 0xFFFF) + u16le(v >> 16);
}
inline std::string u32be(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// An EXIF APP1 segment as a phone writes it: orientation 6 (turned a quarter
// clockwise) and a GPS position (39°54' N, Beijing).
inline std::string exifSegment() {
    const auto entry = [](unsigned tag, unsigned type, std::uint32_t count,
                          const std::string& value) {
        return u16le(tag) + u16le(type) + u32le(count) + value;
    };
    std::string tiff = "II*\0"s + u32le(8);
    tiff += u16le(2) + entry(0x0112, 3, 1, u16le(6) + u16le(0)) + entry(0x8825, 4, 1, u32le(38)) +
            u32le(0);
    tiff += u16le(2) + entry(0x0001, 2, 2, "N\0\0\0"s) + entry(0x0002, 5, 3, u32le(68)) + u32le(0);
    tiff += u32le(39) + u32le(1) + u32le(54) + u32le(1) + u32le(0) + u32le(1);
    const std::string payload = "Exif\0\0"s + tiff;
    const std::size_t length = payload.size() + 2;
    return "\xFF\xE1"s + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) +
           payload;
}

// A JPEG of `width` × `height` pixels whose EXIF says to show it turned a quarter.
inline std::string jpegWithExif(int width, int height) {
    const std::string plain = encoded(width, height, "jpg");
    return plain.substr(0, 2) + exifSegment() + plain.substr(2);
}

inline std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline std::string pngChunk(const std::string& type, const std::string& body) {
    return u32be(static_cast<std::uint32_t>(body.size())) + type + body + u32be(crc32(type + body));
}

// A few dozen bytes of PNG whose header declares width × height RGB pixels.
inline std::string pngDeclaring(std::uint32_t width, std::uint32_t height) {
    return "\x89PNG\r\n\x1A\n"s +
           pngChunk("IHDR", u32be(width) + u32be(height) + "\x08\x02\0\0\0"s) +
           pngChunk("IDAT", "\x78\x9C\x63\x00\x00\x00\x01\x00\x01"s) + pngChunk("IEND", "");
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace mmx::testimages
