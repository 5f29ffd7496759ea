#pragma once

#include <cstdint>
#include <vector>

#include "db/connection.hpp"
#include "db/user_card.hpp"

namespace mmx::db {

struct BlockedEntry {
    UserCard card;
    std::int64_t since = 0;
};

// user_blocks: who blocked whom. A blocked user cannot invite, message or find the blocker.
class BlockRepository {
  public:
    explicit BlockRepository(Connection& db) : db_(db) {}

    bool isBlocked(std::int64_t blockerId, std::int64_t blockedId);
    // Blocking twice keeps the first time.
    void block(std::int64_t blockerId, std::int64_t blockedId, std::int64_t now);
    // False when there was no block.
    bool unblock(std::int64_t blockerId, std::int64_t blockedId);
    // Newest first.
    std::vector<BlockedEntry> list(std::int64_t blockerId, std::int64_t offset, std::int64_t count);

  private:
    Connection& db_;
};

}  // namespace mmx::db
