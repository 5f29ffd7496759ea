#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "db/chat_relations.hpp"
#include "db/picture_repository.hpp"
#include "services/services.hpp"

// Pictures that chats hang on: made from an uploaded chat image, seen by their
// owner and the owner's friends, deleted with every chat attached to them.
namespace mmx::services {

// A picture is seen by its owner and the owner's friends.
bool canSeePicture(db::ChatRelations& relations, std::int64_t viewerId,
                   const db::ChatPicture& picture);

// A new picture of `ownerId` from `picUrl`, which must be a chat image they uploaded
// (BAD_PARAM on picUrl otherwise). Returns its id.
std::int64_t createPicture(Services& services, std::int64_t ownerId, std::string_view picUrl);

// NOT_FOUND for an unknown picture, FORBIDDEN for one `viewerId` may not see.
db::ChatPicture readPicture(Services& services, std::int64_t viewerId, std::int64_t picId);

// `ownerId`'s pictures, for themselves or a friend (FORBIDDEN for anyone else).
std::vector<db::ChatPicture> picturesOf(Services& services, std::int64_t viewerId,
                                        std::int64_t ownerId, std::int64_t offset,
                                        std::int64_t count);

// Deletes the owner's picture and its chats, announcing each deleted chat in the
// feeds of those who received it, in one transaction. NOT_FOUND, or FORBIDDEN when
// `ownerId` does not own it. Returns how many chats went.
std::int64_t deletePicture(Services& services, std::int64_t ownerId, std::int64_t picId);

}  // namespace mmx::services
