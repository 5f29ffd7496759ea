#pragma once

#include <optional>
#include <string_view>

namespace mmx {

struct MediaType {
    std::string_view extension;  // what the stored file is named with
    std::string_view mime;
};

// What an image really is, read from its first bytes (never from its name or the
// client's Content-Type). Recognises JPEG, PNG, BMP and GIF. Only tells which decoder
// to try: core/image_cleaner.hpp decides whether it is a picture at all.
std::optional<MediaType> sniffImage(std::string_view bytes);

}  // namespace mmx
