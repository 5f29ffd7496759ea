#pragma once

#include <string>
#include <string_view>

namespace mmx {

// What a user's QR card encodes: the app opens the profile of that MMX code.
std::string qrCardText(std::string_view mcode);

// A PNG image of a QR code for `text` (libqrencode, error correction M, 8 pixels per
// module, a 4-module quiet zone), grey-scale 8-bit. Throws std::runtime_error when
// the text cannot be encoded.
std::string qrPng(std::string_view text);

}  // namespace mmx
