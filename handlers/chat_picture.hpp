#pragma once

#include <cstdint>

#include "db/chat_relations.hpp"
#include "db/picture_repository.hpp"
#include "fcgi/request.hpp"
#include "fcgi/response.hpp"
#include "services/services.hpp"

// /chat/picture!… — seed 001's pictures, which chats can be attached to.
namespace mmx::chat {

Response createPicture(Services& services, const Request& request);
Response readPicture(Services& services, const Request& request);
Response listPicturesByUser(Services& services, const Request& request);
Response deletePicture(Services& services, const Request& request);

// A picture is seen by its owner and the owner's friends.
bool canSeePicture(db::ChatRelations& relations, std::int64_t viewerId,
                   const db::ChatPicture& picture);

}  // namespace mmx::chat
