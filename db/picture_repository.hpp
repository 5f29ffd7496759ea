#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

struct ChatPicture {
    std::int64_t id = 0;
    std::int64_t ownerId = 0;
    std::string picUrl;
    std::int64_t createdAt = 0;
};

// Pictures and, on delete, the chats attached to them.
class PictureRepository {
  public:
    explicit PictureRepository(Connection& db) : db_(db) {}

    std::int64_t create(std::int64_t ownerId, std::string_view picUrl, std::int64_t now);
    std::optional<ChatPicture> find(std::int64_t picId);
    std::vector<ChatPicture> byOwner(std::int64_t ownerId, std::int64_t offset, std::int64_t limit);

    // Inside a transaction: the picture's row, locked so that no chat is attached
    // to it while it goes (an attach then fails on the foreign key).
    std::optional<ChatPicture> findForUpdate(std::int64_t picId);
    // The ids of the picture's chats, ascending, each row locked.
    std::vector<std::int64_t> lockChats(std::int64_t picId);
    // The picture, its chats (each leaving a tombstone), their message and recall
    // feed rows, and chat-list references to them. The deletion entries are the
    // caller's to append first. Returns how many chats went.
    std::int64_t removeWithChats(std::int64_t picId, std::int64_t now);

  private:
    Connection& db_;
};

}  // namespace mmx::db
