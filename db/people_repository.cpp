#include "db/people_repository.hpp"

#include <stdexcept>

#include "db/json_ids.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kCardById =
    "SELECT id, nick_name, city, user_photo, mcode FROM users WHERE id = ?";
// A bounded list goes in as one JSON array parameter (docs/engineering.md).
// Left out: whoever blocked the reader. `contact`: the reader or a friend of theirs.
constexpr std::string_view kCardsSeenBy =
    "SELECT " MMX_USER_CARD_COLUMNS
    ", u.id = ? OR f.friend_id IS NOT NULL"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN users u ON u.id = j.id"
    " LEFT JOIN friendships f ON f.user_id = ? AND f.friend_id = u.id"
    " WHERE NOT EXISTS (SELECT 1 FROM user_blocks b WHERE b.blocker_id = u.id AND b.blocked_id = ?)"
    " ORDER BY j.ord";
constexpr std::string_view kCountStrangers =
    "SELECT COUNT(*) FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) AS j"
    " LEFT JOIN friendships f ON f.user_id = ? AND f.friend_id = j.id"
    " WHERE j.id <> ? AND f.friend_id IS NULL";
constexpr std::string_view kIdByMcode =
    "SELECT id FROM users WHERE mcode = ? AND closed_at IS NULL";
constexpr std::string_view kIdByMobile =
    "SELECT id, findable_by_mobile FROM users WHERE mobile = ?";
constexpr std::string_view kMatchPhones =
    "SELECT u.mobile, u.id, f.friend_id IS NOT NULL, u.findable_by_mobile,"
    " b.blocker_id IS NOT NULL"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (mobile VARCHAR(20) PATH '$')) AS j"
    " JOIN users u ON u.mobile = j.mobile"
    " LEFT JOIN friendships f ON f.user_id = ? AND f.friend_id = u.id"
    " LEFT JOIN user_blocks b ON b.blocker_id = u.id AND b.blocked_id = ?";
constexpr std::string_view kPrivacy =
    "SELECT friend_policy, findable_by_mobile FROM users WHERE id = ?";
constexpr std::string_view kSetPrivacy =
    "UPDATE users SET friend_policy = COALESCE(?, friend_policy),"
    " findable_by_mobile = COALESCE(?, findable_by_mobile) WHERE id = ?";

// Ids and validated mobiles are digits only, so the array needs no escaping.
template <typename Items, typename Quote>
std::string jsonArray(const Items& items, Quote quote) {
    std::string json = "[";
    for (const auto& item : items) {
        if (json.size() > 1) json += ',';
        json += quote(item);
    }
    return json + "]";
}

}  // namespace

std::optional<UserCard> PeopleRepository::cardById(std::int64_t userId) {
    const auto row = db_.queryOne(kCardById, {userId});
    if (!row) return std::nullopt;
    return readUserCard(*row, 0);
}

std::vector<UserCard> PeopleRepository::cardsSeenBy(std::int64_t readerId,
                                                    const std::vector<std::int64_t>& ids) {
    if (ids.size() > kMaxIdsPerCall) throw std::invalid_argument("cardsSeenBy: too many ids");
    const std::string json = idsJson(ids);
    std::vector<UserCard> cards;
    for (const auto& row :
         db_.query(kCardsSeenBy, {readerId, std::string_view(json), readerId, readerId})) {
        cards.push_back(readUserCard(row, 0));
        cards.back().contact = row.i64(5) != 0;
    }
    return cards;
}

std::int64_t PeopleRepository::countStrangers(std::int64_t readerId,
                                              const std::vector<std::int64_t>& ids) {
    if (ids.size() > kMaxIdsPerCall) throw std::invalid_argument("countStrangers: too many ids");
    const std::string json = idsJson(ids);
    return db_.queryOne(kCountStrangers, {std::string_view(json), readerId, readerId})->i64(0);
}

std::optional<std::int64_t> PeopleRepository::idByMcode(std::string_view mcode) {
    const auto row = db_.queryOne(kIdByMcode, {mcode});
    if (!row) return std::nullopt;
    return row->i64(0);
}

std::optional<std::int64_t> PeopleRepository::findableIdByMobile(std::string_view mobile) {
    const auto row = db_.queryOne(kIdByMobile, {mobile});
    if (!row || row->i64(1) == 0) return std::nullopt;
    return row->i64(0);
}

std::optional<std::int64_t> PeopleRepository::idByMobile(std::string_view mobile) {
    const auto row = db_.queryOne(kIdByMobile, {mobile});
    if (!row) return std::nullopt;
    return row->i64(0);
}

std::vector<PhoneMatch> PeopleRepository::matchPhones(std::int64_t readerId,
                                                      const std::vector<std::string>& mobiles) {
    if (mobiles.size() > kMaxMobilesPerCall) throw std::invalid_argument("matchPhones: too many");
    const std::string json =
        jsonArray(mobiles, [](const std::string& mobile) { return '"' + mobile + '"'; });
    std::vector<PhoneMatch> matches;
    for (const auto& row : db_.query(kMatchPhones, {std::string_view(json), readerId, readerId})) {
        matches.push_back(
            PhoneMatch{row.str(0), row.i64(1), row.i64(2) == 1, row.i64(3) == 1, row.i64(4) == 1});
    }
    return matches;
}

PrivacySettings PeopleRepository::privacy(std::int64_t userId) {
    const auto row = db_.queryOne(kPrivacy, {userId});
    if (!row) return {};
    return PrivacySettings{static_cast<int>(row->i64(0)), row->i64(1) == 1};
}

void PeopleRepository::setPrivacy(std::int64_t userId, std::optional<int> friendPolicy,
                                  std::optional<bool> findableByMobile) {
    const Param policy = friendPolicy ? Param(std::int64_t{*friendPolicy}) : Param(nullptr);
    const Param findable =
        findableByMobile ? Param(std::int64_t{*findableByMobile ? 1 : 0}) : Param(nullptr);
    db_.execute(kSetPrivacy, {policy, findable, userId});
}

}  // namespace mmx::db
