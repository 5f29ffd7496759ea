#pragma once

#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /chat/picture!… — pictures that chats can be attached to.
namespace mmx::chat {

Response createPicture(Services& services, const Request& request);
Response readPicture(Services& services, const Request& request);
Response listPicturesByUser(Services& services, const Request& request);
Response deletePicture(Services& services, const Request& request);

}  // namespace mmx::chat
