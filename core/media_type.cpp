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
