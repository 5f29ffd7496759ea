#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/media_type.hpp"

// Uploaded pictures are decoded and encoded again, so that what we store and serve
// is only the picture: no bytes after its end, no metadata (a phone's EXIF carries
// where the photo was taken), nothing that a browser could read as something else.
namespace mmx {

enum class ImageVerdict {
    Clean,          // `bytes` hold the picture, encoded again
    NotAnImage,     // not a JPEG, PNG, GIF or BMP
    TooManyPixels,  // its header declares more pixels than allowed
    Broken,         // truncated, corrupt, or not decodable
};

struct CleanedImage {
    ImageVerdict verdict = ImageVerdict::NotAnImage;
    MediaType type{};  // of the stored bytes: JPEG stays JPEG, PNG/GIF/BMP become PNG
    std::string bytes;
    int width = 0;  // after EXIF orientation was applied
    int height = 0;
};

// Decodes `bytes` (a JPEG, PNG, GIF or BMP, told by its bytes), refuses it before
// decoding when width × height exceeds `maxPixels`, decodes all of it (any error,
// truncation included, refuses it), turns it upright by its EXIF orientation, and
// encodes it again without metadata. A GIF keeps its first frame.
CleanedImage cleanImage(std::string_view bytes, std::uint64_t maxPixels);

}  // namespace mmx
