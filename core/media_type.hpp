#pragma once

#include <optional>
#include <string_view>

namespace mmx {

struct MediaType {
    std::string_view extension;  // what the stored file is named with
    std::string_view mime;
};

// What an image really is, read from its first bytes (never from its name or the
// client's Content-Type). Recognises JPEG, PNG, BMP and GIF.
std::optional<MediaType> sniffImage(std::string_view bytes);

// What a voice clip really is, from its first bytes: AMR (narrow or wide band),
// AAC in ADTS frames, MPEG-4 audio (an `ftyp` box with an audio-capable brand) and
// MP3 (an ID3v2 tag or a Layer III frame header). A lone frame header must be
// followed by a second one when the data is long enough to hold it, so a few
// lucky bytes at the start of something else do not pass.
std::optional<MediaType> sniffAudio(std::string_view bytes);

}  // namespace mmx
