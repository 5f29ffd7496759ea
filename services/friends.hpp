#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/friend_repository.hpp"
#include "db/user_repository.hpp"
#include "services/services.hpp"

// One's friends: the A-Z list, one friend, remarks, ending a friendship, and the diff a
// phone syncs its local list with.
namespace mmx::services {

// Ends the friendship both ways; NOT_FOUND when they were not friends.
void unfriend(Services& services, std::int64_t me, std::int64_t other);

// nullopt clears the remark; NOT_FOUND when they are not friends.
void setFriendRemark(Services& services, std::int64_t me, std::int64_t other,
                     const std::optional<std::string>& remark);

struct FriendProfile {
    db::FriendEntry entry;
    db::UserProfile profile;
};

// The friends among `ids`, in their order; the others are left out, except that one id
// that is not a friend is NOT_FOUND.
std::vector<FriendProfile> readFriends(Services& services, std::int64_t me,
                                       const std::vector<std::int64_t>& ids);

struct ListedFriend {
    char initial = '#';  // 'A'..'Z' or '#', of the name shown (remark, else nickname)
    db::FriendEntry entry;
};

struct FriendPage {
    std::int64_t total = 0;
    std::vector<ListedFriend> friends;  // A-Z by pinyin, then '#'
};

// `count` friends after the first `offset`, in the order the phone shows them.
FriendPage friendsAtoZ(Services& services, std::int64_t me, std::int64_t offset,
                       std::int64_t count);

struct FriendDiff {
    std::vector<std::int64_t> added;    // friends the phone does not hold, ascending
    std::vector<std::int64_t> removed;  // ids the phone holds that are no friends, ascending
};

FriendDiff diffFriends(Services& services, std::int64_t me, const std::vector<std::int64_t>& held);

}  // namespace mmx::services
