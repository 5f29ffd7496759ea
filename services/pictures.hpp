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

struct CreatedPicture {
    std::int64_t picId = 0;
    std::string picUrl;  // the stored image's URL
};

// A new picture of `ownerId` from `picUrl`: a URL under our own uploads must be a chat image
// they uploaded, as createPicture demands; any other is fetched as user!photoFromUrl fetches
// an avatar (the same address checks, 3 MB, 5 s), stored as their chat image upload, and the
// picture made from that (the phones that know no upload send the picture's address).
// BAD_PARAM on picUrl for what cannot be fetched or is no picture we take; at most
// kPictureFetchesPerWindow fetches a user per 15 minutes (RATE_LIMITED). No transaction is
// open while it fetches.
CreatedPicture createPictureFromUrl(Services& services, std::int64_t ownerId,
                                    std::string_view picUrl);

inline constexpr int kPictureFetchesPerWindow = 30;

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
