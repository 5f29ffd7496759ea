#include "services/people.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/rate_window.hpp"
#include "core/text.hpp"
#include "core/visibility.hpp"
#include "db/relation_repository.hpp"
#include "services/limits.hpp"

namespace mmx::services {
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
void chargeDaily(Services& services, std::int64_t me, std::string_view address, std::int64_t amount,
                 std::pair<std::string_view, int> perUser,
                 std::pair<std::string_view, int> perAddress) {
    if (amount <= 0) return;
    const std::int64_t dayEnd = chinaDayEndMs(nowMs());
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        chargeOrRefuse(services, perUser.first, std::to_string(me), amount, perUser.second, dayEnd);
        chargeOrRefuse(services, perAddress.first, address, amount, perAddress.second, dayEnd);
        transaction.commit();
    });
}

// Numbers checked and strangers' cards read share one budget: either lists who is
// registered.
void chargeLookups(Services& services, std::int64_t me, std::string_view address,
                   std::int64_t amount) {
    const Config& config = services.config;
    chargeDaily(services, me, address, amount, {kLookupsPerUser, config.lookupDailyNumbers},
                {kLookupsPerAddress, config.lookupIpDailyNumbers});
}

}  // namespace

std::vector<db::UserCard> readCards(Services& services, std::int64_t me, std::string_view address,
                                    const std::vector<std::int64_t>& ids) {
    db::PeopleRepository people(services.db);
    // Friends are free; anyone else counts, since ids are sequential and could be paged.
    chargeLookups(services, me, address, people.countStrangers(me, ids));
    return people.cardsSeenBy(me, ids);
}

SearchHit search(Services& services, std::int64_t me, std::string_view address,
                 std::string_view keyword) {
    chargeDaily(services, me, address, 1, {kSearchesPerUser, services.config.searchDailyLimit},
                {kSearchesPerAddress, services.config.searchIpDailyLimit});
    db::PeopleRepository people(services.db);
    const std::optional<std::int64_t> found =
        isMainlandMobile(keyword) ? people.findableIdByMobile(keyword) : people.idByMcode(keyword);
    if (!found) throwNotFound();
    // The one visibility policy: someone who blocked me is not there for me to find.
    const Relation relation = db::RelationRepository(services.db).relationOf(me, *found);
    const Visibility visibility = visibilityOf(relation);
    if (!visibility.found) throwNotFound();
    auto card = people.cardById(*found);
    if (!card) throwNotFound();
    card->contact = visibility.contact;
    return SearchHit{std::move(*card), relation == Relation::Friend};
}

SortedContacts sortContacts(Services& services, std::int64_t me, std::string_view address,
                            const std::vector<std::string>& contacts) {
    // Each number is answered in the form it was sent, once.
    std::vector<std::pair<std::string, std::optional<std::string>>> distinct;
    std::set<std::string> seen;
    std::vector<std::string> mobiles;
    for (const auto& raw : contacts) {
        if (!seen.insert(raw).second) continue;
        auto mobile = normalizeMobile(raw);
        if (mobile) mobiles.push_back(*mobile);
        distinct.emplace_back(raw, std::move(mobile));
    }
    std::sort(mobiles.begin(), mobiles.end());
    mobiles.erase(std::unique(mobiles.begin(), mobiles.end()), mobiles.end());
    chargeLookups(services, me, address, static_cast<std::int64_t>(mobiles.size()));
    std::map<std::string, db::PhoneMatch> matches;
    if (!mobiles.empty()) {
        for (auto& match : db::PeopleRepository(services.db).matchPhones(me, mobiles)) {
            matches.emplace(match.mobile, std::move(match));
        }
    }
    SortedContacts sorted;
    for (auto& [raw, mobile] : distinct) {
        const auto match = mobile ? matches.find(*mobile) : matches.end();
        if (match != matches.end() && match->second.isFriend) {
            sorted.friends.push_back(std::move(raw));
        } else if (match != matches.end() && match->second.findableByMobile &&
                   !match->second.blockedMe) {
            sorted.others.push_back(std::move(raw));
        } else {
            // Who hides their number, or blocked me, looks like anyone not on the platform.
            sorted.outside.push_back(std::move(raw));
        }
    }
    return sorted;
}

db::PrivacySettings privacy(Services& services, std::int64_t me) {
    return db::PeopleRepository(services.db).privacy(me);
}

db::PrivacySettings changePrivacy(Services& services, std::int64_t me, std::optional<int> policy,
                                  std::optional<bool> findableByMobile) {
    db::PeopleRepository people(services.db);
    if (policy || findableByMobile) people.setPrivacy(me, policy, findableByMobile);
    return people.privacy(me);
}

}  // namespace mmx::services
