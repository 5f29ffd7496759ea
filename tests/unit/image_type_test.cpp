#include <boost/test/unit_test.hpp>
#include <string>

#include "core/media_type.hpp"

using namespace mmx;
using namespace std::string_literals;

BOOST_AUTO_TEST_SUITE(image_type)

BOOST_AUTO_TEST_CASE(png_jpeg_gif_are_recognised_by_their_magic) {
    BOOST_TEST(sniffImage("\x89PNG\r\n\x1A\n....."s)->extension == "png");
    BOOST_TEST(sniffImage("\xFF\xD8\xFF\xE0..JFIF"s)->extension == "jpg");
    BOOST_TEST(sniffImage("GIF89a......"s)->extension == "gif");
}

BOOST_AUTO_TEST_CASE(bmp_needs_a_real_info_header) {
    std::string bmp = "BM"s + std::string(12, '\0') + "\x28\0\0\0"s + std::string(16, '\0');
    BOOST_TEST(sniffImage(bmp)->extension == "bmp");
    BOOST_TEST(!sniffImage("BMW is a car, not a bitmap image file"s));
}

BOOST_AUTO_TEST_CASE(text_named_like_an_image_is_refused) {
    BOOST_TEST(!sniffImage("<html>not an image</html>"s));
    BOOST_TEST(!sniffImage(""s));
    BOOST_TEST(!sniffImage("\x89PN"s));
}

BOOST_AUTO_TEST_SUITE_END()
