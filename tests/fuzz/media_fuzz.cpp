// libFuzzer target: arbitrary bytes as an uploaded picture and as a voice clip.
// Whatever the bytes, the checks answer (a cleaned picture or a refusal, a type
// or nullopt); they never crash, hang or read out of bounds, and what they keep
// of a picture decodes again. Pixels are capped low so that a declared size does
// not turn the run into a memory test.
#include <vips/vips.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/bmp_decoder.hpp"
#include "core/image_cleaner.hpp"
#include "core/voice_clip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::uint64_t kMaxPixels = 256 * 256;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    mmx::checkVoiceClip(bytes);
    if (const auto pixels = mmx::decodeBmp(bytes)) {
        if (pixels->rgb.size() != static_cast<std::size_t>(pixels->width) * pixels->height * 3) {
            std::abort();
        }
    }
    const mmx::CleanedImage image = mmx::cleanImage(bytes, kMaxPixels);
    if (image.verdict == mmx::ImageVerdict::Clean) {
        // What would be stored is itself a picture the cleaner takes, of the same size.
        const mmx::CleanedImage again = mmx::cleanImage(image.bytes, kMaxPixels);
        if (again.verdict != mmx::ImageVerdict::Clean || again.width != image.width ||
            again.height != image.height) {
            std::abort();
        }
    }
    return 0;
}
