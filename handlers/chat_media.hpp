#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /chat/media!upload — images and voice clips for chat, served by nginx.
namespace mmx::chat {

Response uploadMedia(Services& services, const Request& request);

}  // namespace mmx::chat
