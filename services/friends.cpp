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

// The name the list shows: the remark when there is one, else the nickname.
const std::string& shownName(const db::FriendEntry& entry) {
    return entry.remark && !entry.remark->empty() ? *entry.remark : entry.card.nickName;
}

struct Listed {
    char initial;
    std::string key;
    const db::FriendEntry* entry;
};

// Letters A-Z in order, then '#'.
int groupRank(char initial) {
    return initial == '#' ? 26 : initial - 'A';
}

}  // namespace

void unfriend(Services& services, std::int64_t me, std::int64_t other) {
    if (!db::FriendRepository(services.db).unfriend(me, other)) throwNotAFriend();
}

void setFriendRemark(Services& services, std::int64_t me, std::int64_t other,
                     const std::optional<std::string>& remark) {
    db::FriendRepository friends(services.db);
    if (!friends.areFriends(me, other)) throwNotAFriend();
    friends.setRemark(me, other, remark);
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
    const auto entries = db::FriendRepository(services.db).listFriends(me);
    std::vector<Listed> listed;
    listed.reserve(entries.size());
    for (const auto& entry : entries) {
        const std::string& name = shownName(entry);
        listed.push_back(Listed{pinyinInitial(name), pinyinSortKey(name), &entry});
    }
    std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
        if (a.initial != b.initial) return groupRank(a.initial) < groupRank(b.initial);
        if (a.key != b.key) return a.key < b.key;
        return a.entry->card.id < b.entry->card.id;
    });

    const std::size_t first = std::min(listed.size(), static_cast<std::size_t>(offset));
    const std::size_t end = std::min(listed.size(), first + static_cast<std::size_t>(count));
    FriendPage page;
    page.total = static_cast<std::int64_t>(entries.size());
    for (std::size_t i = first; i < end; ++i) {
        page.friends.push_back(ListedFriend{listed[i].initial, *listed[i].entry});
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
