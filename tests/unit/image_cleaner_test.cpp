#include "core/image_cleaner.hpp"

#include <vips/vips.h>

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <ostream>
#include <string>

using namespace mmx;
using namespace std::string_literals;

namespace mmx {
std::ostream& operator<<(std::ostream& out, ImageVerdict verdict) {
    static constexpr const char* kNames[] = {"Clean", "NotAnImage", "TooManyPixels", "Broken"};
    return out << kNames[static_cast<int>(verdict)];
}
}  // namespace mmx

namespace {

constexpr std::uint64_t kMaxPixels = 40'000'000;

// A picture of `width` × `height` encoded by libvips as `format` ("jpg", "png", "gif").
std::string encoded(int width, int height, const std::string& format) {
    cleanImage("", 1);  // starts libvips the way the server does
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

std::string u16le(unsigned v) {
    return {static_cast<char>(v & 0xFF), static_cast<char>(v >> 8)};
}
std::string u32le(std::uint32_t v) {
    return u16le(v & 0xFFFF) + u16le(v >> 16);
}
std::string entry(unsigned tag, unsigned type, std::uint32_t count, const std::string& value) {
    return u16le(tag) + u16le(type) + u32le(count) + value;
}

// An EXIF APP1 segment as a phone writes it: orientation 6 (turned 90° clockwise)
// and a GPS position (39°54' N, Beijing).
std::string exifSegment() {
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

std::uint32_t crc32(const std::string& bytes) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= static_cast<unsigned char>(c);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::string u32be(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

std::string pngChunk(const std::string& type, const std::string& body) {
    return u32be(static_cast<std::uint32_t>(body.size())) + type + body + u32be(crc32(type + body));
}

// A few dozen bytes of PNG that declare width × height pixels.
std::string pngDeclaring(std::uint32_t width, std::uint32_t height) {
    return "\x89PNG\r\n\x1A\n"s +
           pngChunk("IHDR", u32be(width) + u32be(height) + "\x08\x02\0\0\0"s) +
           pngChunk("IDAT", "\x78\x9C\x63\x00\x00\x00\x01\x00\x01"s) + pngChunk("IEND", "");
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(image_cleaner)

BOOST_AUTO_TEST_CASE(jpeg_stays_jpeg_and_png_stays_png) {
    const CleanedImage jpeg = cleanImage(encoded(30, 20, "jpg"), kMaxPixels);
    BOOST_REQUIRE(jpeg.verdict == ImageVerdict::Clean);
    BOOST_TEST(std::string(jpeg.type.mime) == "image/jpeg");
    BOOST_TEST(jpeg.bytes.substr(0, 3) == "\xFF\xD8\xFF"s);
    BOOST_TEST(jpeg.width == 30);
    const CleanedImage png = cleanImage(encoded(30, 20, "png"), kMaxPixels);
    BOOST_REQUIRE(png.verdict == ImageVerdict::Clean);
    BOOST_TEST(std::string(png.type.extension) == "png");
}

BOOST_AUTO_TEST_CASE(gif_and_bmp_are_stored_as_png) {
    const CleanedImage gif = cleanImage(encoded(8, 8, "gif"), kMaxPixels);
    BOOST_REQUIRE(gif.verdict == ImageVerdict::Clean);
    BOOST_TEST(std::string(gif.type.mime) == "image/png");
    BOOST_TEST(gif.bytes.substr(0, 4) == "\x89PNG"s);
    // 2×1, 24-bit, bottom-up: one row of two pixels (blue, red) padded to 8 bytes.
    const std::string bmp = "BM"s + u32le(62) + u32le(0) + u32le(54) + u32le(40) + u32le(2) +
                            u32le(1) + u16le(1) + u16le(24) + u32le(0) + u32le(8) + u32le(2835) +
                            u32le(2835) + u32le(0) + u32le(0) + "\xFF\0\0\0\0\xFF\0\0"s;
    const CleanedImage fromBmp = cleanImage(bmp, kMaxPixels);
    BOOST_REQUIRE(fromBmp.verdict == ImageVerdict::Clean);
    BOOST_TEST(std::string(fromBmp.type.mime) == "image/png");
    BOOST_TEST(fromBmp.width == 2);
    BOOST_TEST(cleanImage(bmp.substr(0, 58), kMaxPixels).verdict == ImageVerdict::Broken);
}

BOOST_AUTO_TEST_CASE(bytes_after_the_picture_are_not_stored) {
    const std::string php = "<?php system($_GET['c']); ?>";
    for (const std::string format : {"jpg", "png", "gif"}) {
        const CleanedImage image = cleanImage(encoded(16, 16, format) + php, kMaxPixels);
        BOOST_REQUIRE_MESSAGE(image.verdict == ImageVerdict::Clean, format);
        BOOST_TEST(!contains(image.bytes, "<?php"), format);
    }
}

BOOST_AUTO_TEST_CASE(a_magic_number_followed_by_something_else_is_refused) {
    BOOST_TEST(cleanImage("GIF89a<script>alert(1)</script>"s, kMaxPixels).verdict ==
               ImageVerdict::Broken);
    BOOST_TEST(cleanImage("\x89PNG\r\n\x1A\n<?php echo 1; ?>"s, kMaxPixels).verdict ==
               ImageVerdict::Broken);
    BOOST_TEST(cleanImage("\xFF\xD8\xFF<html></html>"s, kMaxPixels).verdict ==
               ImageVerdict::Broken);
    BOOST_TEST(cleanImage("<html></html>"s, kMaxPixels).verdict == ImageVerdict::NotAnImage);
    BOOST_TEST(cleanImage(""s, kMaxPixels).verdict == ImageVerdict::NotAnImage);
}

BOOST_AUTO_TEST_CASE(a_truncated_picture_is_refused) {
    for (const std::string format : {"jpg", "png", "gif"}) {
        const std::string whole = encoded(64, 64, format);
        BOOST_TEST((cleanImage(whole.substr(0, whole.size() * 2 / 3), kMaxPixels).verdict ==
                    ImageVerdict::Broken),
                   format);
    }
}

BOOST_AUTO_TEST_CASE(exif_is_stripped_after_turning_the_photo_upright) {
    const std::string plain = encoded(40, 20, "jpg");
    const std::string withExif = plain.substr(0, 2) + exifSegment() + plain.substr(2);
    BOOST_REQUIRE(contains(withExif, "Exif"));
    const CleanedImage image = cleanImage(withExif, kMaxPixels);
    BOOST_REQUIRE(image.verdict == ImageVerdict::Clean);
    BOOST_TEST(!contains(image.bytes, "Exif"));
    BOOST_TEST(image.width == 20);  // orientation 6: shown turned a quarter
    BOOST_TEST(image.height == 40);
}

BOOST_AUTO_TEST_CASE(more_pixels_than_allowed_are_refused_from_the_header) {
    BOOST_TEST(cleanImage(pngDeclaring(30000, 30000), kMaxPixels).verdict ==
               ImageVerdict::TooManyPixels);
    BOOST_TEST(cleanImage(encoded(100, 100, "png"), 9999).verdict == ImageVerdict::TooManyPixels);
    BOOST_TEST(cleanImage(encoded(100, 100, "png"), 10000).verdict == ImageVerdict::Clean);
}

BOOST_AUTO_TEST_SUITE_END()
