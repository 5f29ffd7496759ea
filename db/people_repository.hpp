#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/connection.hpp"
#include "db/user_card.hpp"

namespace mmx::db {

// How others may reach a user (users.friend_policy, users.findable_by_mobile).
struct PrivacySettings {
    int friendPolicy = 2;
    bool findableByMobile = true;
};

// A number of a contact list that belongs to an account, seen from one user.
struct PhoneMatch {
    std::string mobile;
    std::int64_t userId = 0;
    bool isFriend = false;
    bool findableByMobile = true;
    bool blockedMe = false;  // the owner of the number blocked the reader
};

// Finding people: public cards by id, MMX code or mobile; privacy switches.
class PeopleRepository {
  public:
    explicit PeopleRepository(Connection& db) : db_(db) {}

    std::optional<UserCard> cardById(std::int64_t userId);
    // In the order asked, unknown ids left out. At most kMaxIdsPerCall ids.
    // The cards of `ids` as `readerId` may see them, in the order asked: users who blocked
    // the reader are left out, and only the reader and friends carry their contact.
    std::vector<UserCard> cardsSeenBy(std::int64_t readerId, const std::vector<std::int64_t>& ids);
    // How many of `ids` are neither the reader nor the reader's friends (ids of nobody
    // included).
    std::int64_t countStrangers(std::int64_t readerId, const std::vector<std::int64_t>& ids);
    std::optional<std::int64_t> idByMcode(std::string_view mcode);
    // Only when the account allows being found by its number.
    std::optional<std::int64_t> findableIdByMobile(std::string_view mobile);
    // Any account with this number, whatever its switch (inviting a known number).
    std::optional<std::int64_t> idByMobile(std::string_view mobile);
    // `mobiles` must be validated mainland numbers, at most kMaxMobilesPerCall.
    std::vector<PhoneMatch> matchPhones(std::int64_t readerId,
                                        const std::vector<std::string>& mobiles);

    PrivacySettings privacy(std::int64_t userId);
    void setPrivacy(std::int64_t userId, std::optional<int> friendPolicy,
                    std::optional<bool> findableByMobile);

    static constexpr std::size_t kMaxIdsPerCall = 100;
    static constexpr std::size_t kMaxMobilesPerCall = 500;

  private:
    Connection& db_;
};

}  // namespace mmx::db
