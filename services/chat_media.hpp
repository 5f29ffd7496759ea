#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "services/services.hpp"

// Chat media: an image (decoded and encoded again) or a voice clip (every frame
// parsed), written where nginx serves it (/upload/chat/<yyyymm>/), never
// half-written, and recorded as the uploader's: only they can attach it.
namespace mmx::services {

enum class MediaKind { Image, Voice };

struct StoredChatMedia {
    std::string url;  // public, under services.config.publicBaseUrl
    std::string_view mime;
    std::int64_t size = 0;  // bytes as stored
};

// Checks `bytes` as media of `kind` (BAD_PARAM with the reason when they are not),
// stores them and records `uploaderId` as their owner.
StoredChatMedia uploadChatMedia(Services& services, std::int64_t uploaderId, MediaKind kind,
                                const std::string& bytes);

// The URL when it names a stored chat upload of that kind that `actorId` uploaded;
// else BAD_PARAM on `param` (someone else's file is answered as a missing one).
std::string requireOwnChatMediaUrl(Services& services, std::int64_t actorId, std::string_view url,
                                   MediaKind kind, std::string_view param);

}  // namespace mmx::services
