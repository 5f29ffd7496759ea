// Finding people: public cards by id, search by mobile or MMX code, and sorting a
// phone's contact list into friends, other users and numbers not on the platform.
#include "handlers/user_search.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/mcode.hpp"
#include "core/rate_window.hpp"
#include "core/text.hpp"
#include "db/block_repository.hpp"
#include "db/friend_repository.hpp"
#include "db/people_repository.hpp"
#include "handlers/params.hpp"
#include "handlers/user_card.hpp"
#include "services/limits.hpp"

namespace mmx::user {
namespace {

[[noreturn]] void throwNotFound() {
    throw ApiError(ErrorCode::NotFound, "没有找到该用户");
}

// A contact as phones store it: spaces, dashes, a +86 or 86 prefix are dropped.
std::optional<std::string> normalizeMobile(std::string_view raw) {
    std::string digits;
    for (const char c : raw) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != ' ' && c != '-' && c != '+' && c != '(' && c != ')') {
            return std::nullopt;
        }
    }
    if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
    if (!isMainlandMobile(digits)) return std::nullopt;
    return digits;
}

constexpr std::string_view kLookupsPerUser = "lookup-day";
constexpr std::string_view kLookupsPerAddress = "lookup-ip-day";
constexpr std::string_view kSearchesPerUser = "search-day";
constexpr std::string_view kSearchesPerAddress = "search-ip-day";

// Charges `amount` to the day's budget of the user and of the client address together:
// when either has no room, neither is charged and the whole request is refused.
void chargeDaily(Services& services, const Request& request, std::int64_t amount,
                 std::pair<std::string_view, int> perUser,
                 std::pair<std::string_view, int> perAddress) {
    if (amount <= 0) return;
    const std::int64_t dayEnd = chinaDayEndMs(nowMs());
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        services::chargeOrRefuse(services, perUser.first, std::to_string(request.actor().userId),
                                 amount, perUser.second, dayEnd);
        services::chargeOrRefuse(services, perAddress.first, request.remoteAddr, amount,
                                 perAddress.second, dayEnd);
        transaction.commit();
    });
}

// Numbers checked and strangers' cards read share one budget: either lists who is
// registered.
void chargeLookups(Services& services, const Request& request, std::int64_t amount) {
    const Config& config = services.config;
    chargeDaily(services, request, amount, {kLookupsPerUser, config.lookupDailyNumbers},
                {kLookupsPerAddress, config.lookupIpDailyNumbers});
}

}  // namespace

Response readUsers(Services& services, const Request& request) {
    request.actor();
    // seed 004 sends uid=…&uid=…
    const bool seedName = !request.param("userId") && request.param("uid");
    const std::string name = seedName ? "uid" : "userId";
    std::vector<std::int64_t> ids;
    std::set<std::int64_t> seen;
    for (const auto& item : request.paramList(name)) {
        const auto id = parseInt64(item);
        if (!id || *id <= 0) throwBadParam("参数 " + name + " 必须是正整数");
        if (seen.insert(*id).second) ids.push_back(*id);
    }
    if (ids.empty()) throwBadParam("缺少参数 userId");
    if (ids.size() > db::PeopleRepository::kMaxIdsPerCall) throwBadParam("参数 userId 最多100个");
    db::PeopleRepository people(services.db);
    // Friends are free; anyone else counts, since ids are sequential and could be paged.
    chargeLookups(services, request, people.countStrangers(request.actor().userId, ids));
    const auto cards = people.cardsByIds(ids);
    Response response("获取用户信息成功");
    JsonArray list = response.data().array("userList");
    for (const auto& card : cards) writeUserCard(list.addObject(), card);
    return response;
}

Response search(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const std::string keyword = requireText(request, "keyword", 1, 20);
    if (!isMainlandMobile(keyword) && !isMcode(keyword)) {
        throwBadParam("参数 keyword 必须是手机号或喵喵号");
    }
    chargeDaily(services, request, 1, {kSearchesPerUser, services.config.searchDailyLimit},
                {kSearchesPerAddress, services.config.searchIpDailyLimit});
    db::PeopleRepository people(services.db);
    const std::optional<std::int64_t> found =
        isMainlandMobile(keyword) ? people.findableIdByMobile(keyword) : people.idByMcode(keyword);
    // Someone who blocked me is not there for me to find.
    if (!found || (*found != me && db::BlockRepository(services.db).isBlocked(*found, me))) {
        throwNotFound();
    }
    const auto card = people.cardById(*found);
    if (!card) throwNotFound();
    Response response("查找用户成功");
    JsonObject user = response.data().object("user");
    writeUserCard(user, *card);
    user.set("isFriend", db::FriendRepository(services.db).areFriends(me, *found));
    return response;
}

Response selectPhones(Services& services, const Request& request) {
    const std::int64_t me = request.actor().userId;
    const auto sent = request.paramList("phone_list");
    if (sent.empty()) throwBadParam("缺少参数 phone_list");
    if (sent.size() > db::PeopleRepository::kMaxMobilesPerCall) {
        throwBadParam("参数 phone_list 最多500个号码");
    }
    // Each number is answered in the form it was sent, once.
    std::vector<std::pair<std::string, std::optional<std::string>>> contacts;
    std::set<std::string> seen;
    std::vector<std::string> mobiles;
    for (const auto& raw : sent) {
        if (!seen.insert(raw).second) continue;
        auto mobile = normalizeMobile(raw);
        if (mobile) mobiles.push_back(*mobile);
        contacts.emplace_back(raw, std::move(mobile));
    }
    std::sort(mobiles.begin(), mobiles.end());
    mobiles.erase(std::unique(mobiles.begin(), mobiles.end()), mobiles.end());
    chargeLookups(services, request, static_cast<std::int64_t>(mobiles.size()));
    std::map<std::string, db::PhoneMatch> matches;
    if (!mobiles.empty()) {
        for (auto& match : db::PeopleRepository(services.db).matchPhones(me, mobiles)) {
            matches.emplace(match.mobile, std::move(match));
        }
    }

    Response response("号码查询成功");
    JsonObject data = response.data();
    std::vector<std::string_view> friends, others, outside;
    for (const auto& [raw, mobile] : contacts) {
        const auto match = mobile ? matches.find(*mobile) : matches.end();
        if (match != matches.end() && match->second.isFriend) {
            friends.push_back(raw);
        } else if (match != matches.end() && match->second.findableByMobile &&
                   !match->second.blockedMe) {
            others.push_back(raw);
        } else {
            // Who hides their number, or blocked me, looks like anyone not on the platform.
            outside.push_back(raw);
        }
    }
    for (const auto& [key, phones] :
         {std::pair{"platform_friend", &friends}, std::pair{"platform_notfriend", &others},
          std::pair{"notplatform", &outside}}) {
        JsonArray list = data.array(key);
        for (const auto phone : *phones) list.add(phone);
    }
    return response;
}

}  // namespace mmx::user
