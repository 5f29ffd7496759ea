#pragma once

#include <optional>
#include <string_view>

#include "core/media_type.hpp"

namespace mmx {

// What a voice clip is, when its frames or boxes parse from its first byte to its
// last: AMR narrow or wide band (magic, then frames sized by their type), AAC in
// ADTS frames, MP3 (an optional ID3v2 tag, Layer III frames, an optional ID3v1 tag
// as the last 128 bytes) and MPEG-4 audio (top-level boxes, `ftyp` first with an
// audio-capable brand, `moov` and `mdat` present). Anything after the last frame
// or box, or a clip with no frame at all, is refused: nothing rides along.
std::optional<MediaType> checkVoiceClip(std::string_view bytes);

}  // namespace mmx
