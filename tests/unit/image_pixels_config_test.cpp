#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/config.hpp"

using namespace mmx;

namespace {

EnvLookup pixelsEnv(const char* pixels) {
    auto values = std::make_shared<std::map<std::string, std::string>>(
        std::map<std::string, std::string>{{"MMX_SECRET", "0123456789abcdef0123"}});
    if (pixels != nullptr) (*values)["MMX_MAX_IMAGE_PIXELS"] = pixels;
    return [values](const char* name) -> const char* {
        const auto found = values->find(name);
        return found == values->end() ? nullptr : found->second.c_str();
    };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(image_pixels_config)

BOOST_AUTO_TEST_CASE(pictures_are_capped_at_forty_megapixels_unless_configured) {
    BOOST_TEST(loadConfig(pixelsEnv(nullptr)).maxImagePixels == 40'000'000);
    BOOST_TEST(loadConfig(pixelsEnv("1000000")).maxImagePixels == 1'000'000);
    BOOST_CHECK_THROW(loadConfig(pixelsEnv("0")), std::invalid_argument);
    BOOST_CHECK_THROW(loadConfig(pixelsEnv("many")), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
