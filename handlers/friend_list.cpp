// One's friends: the A-Z list, one friend, remarks, ending a friendship, and the
// diff a phone syncs its local list with.
#include <algorithm>
#include <map>
#include <set>

#include "core/api_error.hpp"
#include "core/pinyin.hpp"
#include "core/text.hpp"
#include "db/friend_repository.hpp"
#include "db/user_repository.hpp"
#include "handlers/friend.hpp"
#include "handlers/params.hpp"
#include "handlers/user_card.hpp"
#include "handlers/user_vo.hpp"

namespace mmx::friends {
namespace {

constexpr std::size_t kMaxRemark = 32;
constexpr std::size_t kMaxReadIds = 100;
// The A-Z list a page at a time, in the order the phone shows it.
constexpr PageLimits kFriendPage{500, 500};
// A phone holds at most the friend cap; the bound leaves room for stale ids.
constexpr std::size_t kMaxDiffIds = 10000;

[[noreturn]] void throwNotAFriend() {
    throw ApiError(ErrorCode::NotFound, "对方不是你的好友");
}

// The name the list shows: the remark when there is one, else the nickname.
const std::string& shownName(const db::FriendEntry& entry) {
    return entry.remark && !entry.remark->empty() ? *entry.remark : entry.card.nickName;
}

void writeFriend(JsonObject item, const db::FriendEntry& entry) {
    item.set("frdID", entry.card.id)
        .set("rmkName", entry.remark.value_or(""))
        .set("nickName", entry.card.nickName)
        .set("mcode", entry.card.mcode)
        .set("portrait", entry.card.portrait)
        .set("city", entry.card.city);
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

Response remove(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t other = requireId(request, kFriendNames);
    if (!db::FriendRepository(services.db).unfriend(me, other)) throwNotAFriend();
    Response response("已删除好友");
    response.data().set("friendId", other);
    return response;
}

Response updateRemark(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::int64_t other = requireId(request, kFriendNames);
    // seed 004 calls it rmkName
    const bool seedName = request.param("rmkName") && !request.param("remark");
    auto remark = optionalText(request, seedName ? "rmkName" : "remark", kMaxRemark);
    if (!remark) throwBadParam("缺少参数 remark");
    if (remark->empty()) remark.reset();
    db::FriendRepository friends(services.db);
    if (!friends.areFriends(me, other)) throwNotAFriend();
    friends.setRemark(me, other, remark);
    Response response(remark ? "修改好友备注成功" : "已清除好友备注");
    response.data().set("friendId", other).set("rmkName", remark.value_or(""));
    return response;
}

Response read(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto ids = readIds(request, kFriendNames, kMaxReadIds);
    if (ids.empty()) throwBadParam("缺少参数 friendId");
    db::FriendRepository friends(services.db);
    db::UserRepository users(services.db);
    Response response("获取好友信息成功");
    JsonObject data = response.data();
    JsonArray all = data.array("frdList");
    std::size_t found = 0;
    for (const std::int64_t other : ids) {
        const auto entry = friends.findFriend(me, other);
        const auto profile = entry ? users.findProfile(other) : std::nullopt;
        if (!profile) continue;  // not a friend: left out of a list
        JsonObject item = all.addObject();
        writeFriend(item, *entry);
        item.set("time", entry->since);
        writeUserVO(item.object("userVO"), *profile, visibilityOf(Relation::Friend));
        if (++found == 1 && ids.size() == 1) {  // one id: also answered as a single friend
            JsonObject single = data.object("friend");
            writeFriend(single, *entry);
            single.set("time", entry->since);
            writeUserVO(data.object("userVO"), *profile, visibilityOf(Relation::Friend));
        }
    }
    if (ids.size() == 1 && found == 0) throwNotAFriend();
    return response;
}

Response list(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
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

    const Page page = readPage(request, kFriendPage);
    const std::size_t first = std::min(listed.size(), static_cast<std::size_t>(page.offset));
    const std::size_t end = std::min(listed.size(), first + static_cast<std::size_t>(page.count));

    Response response("获取好友列表成功");
    JsonObject data = response.data();
    data.set("total_num", static_cast<std::int64_t>(entries.size()));
    JsonObject groups = data.object("friends");
    for (std::size_t i = first; i < end;) {
        const char initial = listed[i].initial;
        JsonArray group = groups.array(std::string_view(&initial, 1));
        for (; i < end && listed[i].initial == initial; ++i) {
            writeFriend(group.addObject(), *listed[i].entry);
        }
    }
    return response;
}

Response diff(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto held = readIds(request, {"frdIDs", "friendIds"}, kMaxDiffIds);
    const std::set<std::int64_t> phone(held.begin(), held.end());
    const auto ids = db::FriendRepository(services.db).friendIds(me);
    const std::set<std::int64_t> server(ids.begin(), ids.end());

    Response response("获取好友差异成功");
    JsonObject data = response.data();
    JsonArray add = data.array("addFrdIDs");
    for (const auto id : server) {
        if (!phone.contains(id)) add.add(id);
    }
    JsonArray del = data.array("delFrdIDs");
    for (const auto id : phone) {
        if (!server.contains(id)) del.add(id);
    }
    return response;
}

}  // namespace mmx::friends
