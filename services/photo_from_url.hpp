#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "services/services.hpp"

namespace mmx::services {

// Fetches a picture from `url` (adapters/url_fetch: http(s) only, public addresses only
// unless allow-listed, redirects checked, capped at the avatar size, 5 s in all), checks and
// re-encodes it as an upload is, and makes it the user's avatar: its new URL. BAD_PARAM for
// a URL that may not be fetched, a body over the cap, or no picture we take; at most
// kPhotoFetchesPerWindow a user per 15 minutes (RATE_LIMITED). No transaction is open while
// it fetches.
std::string setPhotoFromUrl(Services& services, std::int64_t me, std::string_view url);

inline constexpr int kPhotoFetchesPerWindow = 30;

// The same fetch and checks (and the same per-user budget), but the picture is stored as one
// of the user's chat images (services/chat_media) instead of the avatar: its URL.
std::string uploadPictureFromUrl(Services& services, std::int64_t me, std::string_view url);

// The bytes at `url`, fetched as setPhotoFromUrl fetches (the same checks and caps; no
// transaction may be open): BAD_PARAM on `param` with the reason when the URL may not be
// fetched, the body is over the cap (`tooLarge` says so) or the fetch failed.
std::string fetchPictureBytes(const Services& services, std::string_view url,
                              std::string_view param, std::string_view tooLarge);

}  // namespace mmx::services
