#pragma once

#include <optional>
#include <string_view>

#include "core/chat_rules.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /chat/media!upload — images and voice clips for chat, served by nginx.
namespace mmx::chat {

Response uploadMedia(Services& services, const Request& request);

enum class MediaKind { Image, Voice };

// The URL when it names a stored chat upload of that kind that `actorId` uploaded;
// else BAD_PARAM on `param` (someone else's file is answered as a missing one).
std::string requireOwnChatMediaUrl(Services& services, std::int64_t actorId, std::string_view url,
                                   MediaKind kind, std::string_view param);

}  // namespace mmx::chat
