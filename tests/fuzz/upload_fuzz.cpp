// libFuzzer target: arbitrary bytes as an uploaded file, through the checks that
// recognise images and voice by their bytes. They never crash or read past the end.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/media_type.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    mmx::sniffImage(bytes);
    mmx::sniffAudio(bytes);
    return 0;
}
