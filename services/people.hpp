#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/people_repository.hpp"
#include "db/user_card.hpp"
#include "services/services.hpp"

// Finding people: public cards by id, search by mobile or MMX code, sorting a phone's
// contact list, and the privacy switches that decide who can find whom. Every look-up that
// could list who is registered is charged to a daily budget of the user and of the client
// address (`address`) together: when either has no room, neither is charged and the answer
// is RATE_LIMITED until the budget's day ends.
namespace mmx::services {

// The most ids one readCards takes, and the most numbers one sortContacts takes.
inline constexpr std::size_t kMaxCardsPerRead = db::PeopleRepository::kMaxIdsPerCall;
inline constexpr std::size_t kMaxContactsPerSort = db::PeopleRepository::kMaxMobilesPerCall;

// The public cards of `ids` (distinct, at most kMaxCardsPerRead), in
// the order asked, unknown ids left out. Friends are free; every other id is a look-up.
std::vector<db::UserCard> readCards(Services& services, std::int64_t me, std::string_view address,
                                    const std::vector<std::int64_t>& ids);

struct SearchHit {
    db::UserCard card;
    bool isFriend = false;
};

// The user whose mainland mobile (when they let themselves be found by it) or MMX code is
// `keyword`: NOT_FOUND when there is none, or they blocked `me`. One search of the budget.
SearchHit search(Services& services, std::int64_t me, std::string_view address,
                 std::string_view keyword);

// A contact list (at most kMaxContactsPerSort numbers) sorted three
// ways, each number in the form it was sent, once. Each distinct valid number is a look-up.
struct SortedContacts {
    std::vector<std::string> friends;  // on the platform, my friends
    std::vector<std::string> others;   // on the platform, findable by number
    std::vector<std::string> outside;  // anything else, hidden and blocking numbers included
};
SortedContacts sortContacts(Services& services, std::int64_t me, std::string_view address,
                            const std::vector<std::string>& contacts);

db::PrivacySettings privacy(Services& services, std::int64_t me);
// Changes the switches that are set (policy 1 anyone / 2 confirm / 3 nobody) and answers
// the settings as they now are.
db::PrivacySettings changePrivacy(Services& services, std::int64_t me, std::optional<int> policy,
                                  std::optional<bool> findableByMobile);

}  // namespace mmx::services
