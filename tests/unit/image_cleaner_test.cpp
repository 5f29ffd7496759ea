#include "core/image_cleaner.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <ostream>
#include <string>

#include "../api/crafted_images.hpp"

using namespace mmx;
using namespace std::string_literals;

namespace mmx {
std::ostream& operator<<(std::ostream& out, ImageVerdict verdict) {
    static constexpr const char* kNames[] = {"Clean", "NotAnImage", "TooManyPixels", "Broken"};
    return out << kNames[static_cast<int>(verdict)];
}
}  // namespace mmx

namespace {

using namespace mmx::testimages;

constexpr std::uint64_t kMaxPixels = 40'000'000;

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
    const std::string withExif = jpegWithExif(40, 20);
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
