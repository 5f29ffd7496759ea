#include "services/friends.hpp"

#include <algorithm>
#include <set>

#include "core/api_error.hpp"
#include "core/pinyin.hpp"

namespace mmx::services {
namespace {

[[noreturn]] void throwNotAFriend() {
    throw ApiError(ErrorCode::NotFound, "对方不是你的好友");
}

}  // namespace

void unfriend(Services& services, std::int64_t me, std::int64_t other) {
    db::FriendRepository friends(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        // The users' rows first, as befriend and block take them: the counts change too.
        friends.lockPair(me, other);
        if (!friends.unfriend(me, other)) throwNotAFriend();
        transaction.commit();
    });
}

void setFriendRemark(Services& services, std::int64_t me, std::int64_t other,
                     const std::optional<std::string>& remark) {
    const bool shown = remark && !remark->empty();
    // Transliterated before the transaction: no CPU work while the rows are locked.
    const std::string remarkKey = shown ? friendListKey(*remark) : std::string();
    db::FriendRepository friends(services.db);
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        if (!friends.areFriends(me, other)) throwNotAFriend();
        const std::string key = shown ? remarkKey : friends.nameKeyForShare(other);
        friends.setRemark(me, other, remark, key);
        transaction.commit();
    });
}

std::vector<FriendProfile> readFriends(Services& services, std::int64_t me,
                                       const std::vector<std::int64_t>& ids) {
    std::vector<FriendProfile> found;
    // Ids that are no friend are left out of a list.
    for (auto& [entry, profile] : db::FriendRepository(services.db).friendsWithProfiles(me, ids)) {
        found.push_back(FriendProfile{std::move(entry), std::move(profile)});
    }
    if (ids.size() == 1 && found.empty()) throwNotAFriend();
    return found;
}

FriendPage friendsAtoZ(Services& services, std::int64_t me, std::int64_t offset,
                       std::int64_t count) {
    // The keys were stored when the names changed (core/pinyin's friendListKey of the
    // remark, else the nickname): the page is read in order, nothing transliterated.
    db::FriendRepository friends(services.db);
    FriendPage page;
    page.total = friends.storedFriendCount(me);
    for (auto& entry : friends.listFriendsPage(me, offset, count)) {
        const char initial = friendListInitial(entry.sortKey);
        page.friends.push_back(ListedFriend{initial, std::move(entry)});
    }
    return page;
}

FriendDiff diffFriends(Services& services, std::int64_t me, const std::vector<std::int64_t>& held) {
    const std::set<std::int64_t> phone(held.begin(), held.end());
    const auto ids = db::FriendRepository(services.db).friendIds(me);
    const std::set<std::int64_t> server(ids.begin(), ids.end());
    FriendDiff diff;
    for (const auto id : server) {
        if (!phone.contains(id)) diff.added.push_back(id);
    }
    for (const auto id : phone) {
        if (!server.contains(id)) diff.removed.push_back(id);
    }
    return diff;
}

}  // namespace mmx::services
