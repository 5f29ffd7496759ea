#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/connection.hpp"
#include "db/user_card.hpp"
#include "db/user_repository.hpp"

namespace mmx::db {

struct FriendEntry {
    UserCard card;
    std::optional<std::string> remark;  // the owner's private name for this friend
    std::int64_t since = 0;
    std::string sortKey;  // the stored A-Z key of the name shown (listFriendsPage only)
};

// friendships: two rows per friendship, one per direction (schema/002_friends.sql).
class FriendRepository {
  public:
    explicit FriendRepository(Connection& db) : db_(db) {}

    // Locks both users' rows, lower id first, so that two changes to the same pair or
    // to the same user's counts run one after the other. False when either is missing.
    bool lockPair(std::int64_t a, std::int64_t b);

    bool areFriends(std::int64_t userId, std::int64_t friendId);
    std::int64_t countFriends(std::int64_t userId);
    // Both rows, and both users' stored friend counts; the caller has checked that they
    // are not friends yet and holds lockPair.
    void befriend(std::int64_t a, std::int64_t b, std::int64_t now);
    // Both rows, and both stored counts (under lockPair); false when they were not friends.
    bool unfriend(std::int64_t a, std::int64_t b);
    // users.friend_count: what countFriends counts, kept by befriend and unfriend.
    std::int64_t storedFriendCount(std::int64_t userId);

    std::vector<std::int64_t> friendIds(std::int64_t userId);
    // `count` friends after the first `offset`, with card, remark and sort key, in the
    // A-Z order of the stored keys (then by id), read from the index in that order.
    std::vector<FriendEntry> listFriendsPage(std::int64_t userId, std::int64_t offset,
                                             std::int64_t count);
    std::optional<FriendEntry> findFriend(std::int64_t userId, std::int64_t friendId);
    // Each of `ids` that is a friend of `userId`, with the friend's whole profile, in the
    // order asked; one statement however many ids.
    std::vector<std::pair<FriendEntry, UserProfile>> friendsWithProfiles(
        std::int64_t userId, const std::vector<std::int64_t>& ids);
    // nullopt clears the remark; `sortKey` is the list key of the name now shown.
    void setRemark(std::int64_t userId, std::int64_t friendId,
                   const std::optional<std::string>& remark, std::string_view sortKey);
    // The list key of the user's nickname, share-locking their row (inside a transaction).
    std::string nameKeyForShare(std::int64_t userId);
    // After the user's nickname changed (their row written first, in the same
    // transaction): the rows that show them by nickname take its new key.
    void followNickname(std::int64_t userId, std::string_view sortKey);

  private:
    Connection& db_;
};

}  // namespace mmx::db
