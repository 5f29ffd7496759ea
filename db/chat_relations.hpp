#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.hpp"

namespace mmx::db {

// What chat needs to know about friendships, blocks and groups. Read-only: those
// tables belong to the friends and groups code, and chat keeps its own SQL for them.
class ChatRelations {
  public:
    explicit ChatRelations(Connection& db) : db_(db) {}

    // Both directions of the friendship exist.
    bool areFriends(std::int64_t userId, std::int64_t otherId);
    bool blocks(std::int64_t blockerId, std::int64_t blockedId);
    // As above, share-locking what they read until the transaction ends, so a
    // block or unfriend waits for the sending transaction or is seen by it.
    // Call lockBlocks before lockAreFriends: friend!block writes user_blocks,
    // then friendships; friend!delete writes friendships only.
    bool lockAreFriends(std::int64_t userId, std::int64_t otherId);
    bool lockBlocks(std::int64_t blockerId, std::int64_t blockedId);
    bool userExists(std::int64_t userId);
    bool groupExists(std::int64_t groupId);

    // The members of a group, ascending, share-locked until the transaction ends:
    // nobody joins or leaves between this read and the message's fan-out.
    std::vector<std::int64_t> lockGroupMembers(std::int64_t groupId);

    // 'owner' | 'admin' | 'member', or nullopt for a non-member.
    std::optional<std::string> groupRole(std::int64_t groupId, std::int64_t userId);

  private:
    Connection& db_;
};

}  // namespace mmx::db
