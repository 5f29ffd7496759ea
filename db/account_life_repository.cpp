#include "db/account_life_repository.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kLastDevice = "SELECT last_dev FROM users WHERE id = ?";
constexpr std::string_view kSetLastDevice = "UPDATE users SET last_dev = ? WHERE id = ?";
constexpr std::string_view kSetSessionDevice =
    "UPDATE sessions SET dev = ? WHERE user_id = ? AND client = ?";
constexpr std::string_view kSetUserName =
    "UPDATE users SET user_name = ?, updated_at = ? WHERE id = ? AND user_name IS NULL";
constexpr std::string_view kSetMobile =
    "UPDATE users SET mobile = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL";
constexpr std::string_view kRevokeOthers = "DELETE FROM sessions WHERE user_id = ? AND client <> ?";
constexpr std::string_view kMobileOf =
    "SELECT mobile FROM users WHERE id = ? AND closed_at IS NULL";
constexpr std::string_view kOwnsGroup = "SELECT 1 FROM chat_groups WHERE owner_id = ? LIMIT 1";

// Closing, one statement per table the account appears in.
// Each former friend's stored friend count is recounted without the closing account
// (recounted, as every friendship change does, never decremented).
constexpr std::string_view kRecountFormerFriends =
    "UPDATE users u SET u.friend_count ="
    " (SELECT COUNT(*) FROM friendships f WHERE f.user_id = u.id AND f.friend_id <> ?)"
    " WHERE u.id IN (SELECT user_id FROM friendships WHERE friend_id = ?)";
constexpr std::string_view kCloseFriendships =
    "DELETE FROM friendships WHERE user_id = ? OR friend_id = ?";
constexpr std::string_view kCloseRequests =
    "DELETE FROM friend_requests WHERE requester_id = ? OR target_id = ?";
constexpr std::string_view kCloseBlocks =
    "DELETE FROM user_blocks WHERE blocker_id = ? OR blocked_id = ?";
constexpr std::string_view kCloseMemberships = "DELETE FROM group_members WHERE user_id = ?";
constexpr std::string_view kCloseSessions = "DELETE FROM sessions WHERE user_id = ?";
// Its QQ, WeChat, Weibo or Alipay account may sign up afresh.
constexpr std::string_view kCloseThirdParty = "DELETE FROM third_party_accounts WHERE user_id = ?";
constexpr std::string_view kCloseKnownClients = "DELETE FROM known_clients WHERE user_id = ?";
constexpr std::string_view kCloseInbox = "DELETE FROM chat_inbox WHERE user_id = ?";
// The mobile becomes a value no phone number can be, so the number is free and no login
// by it finds the row; no password hash verifies against '!'.
constexpr std::string_view kCloseUser =
    "UPDATE users SET mobile = CONCAT('closed:', id), user_name = NULL, email = NULL,"
    " password_hash = '!',"
    " nick_name = '已注销用户', user_photo = NULL, signature = NULL, sex = NULL, age = NULL,"
    " country = NULL, province = NULL, city = NULL, city_id = NULL, district = NULL,"
    " street = NULL, company = NULL, occupation = NULL, role = NULL, degrees = NULL,"
    " school = NULL, qcode_url = NULL, last_dev = NULL, friend_policy = 3,"
    " findable_by_mobile = 0, site_role = NULL, friend_count = 0, closed_at = ?, updated_at = ? "
    "WHERE id = ?";

}  // namespace

std::optional<std::string> AccountLifeRepository::swapLastDevice(
    std::int64_t userId, std::string_view client, std::optional<std::string_view> dev) {
    const auto row = db_.queryOne(kLastDevice, {userId});
    std::optional<std::string> previous = row ? row->opt(0) : std::nullopt;
    const Param value = dev ? Param(*dev) : Param(nullptr);
    db_.execute(kSetLastDevice, {value, userId});
    db_.execute(kSetSessionDevice, {value, userId, client});
    return previous;
}

bool AccountLifeRepository::setUserName(std::int64_t userId, std::string_view userName,
                                        std::int64_t now) {
    return db_.execute(kSetUserName, {userName, now, userId}).affectedRows > 0;
}

void AccountLifeRepository::setMobile(std::int64_t userId, std::string_view mobile,
                                      std::int64_t now) {
    db_.execute(kSetMobile, {mobile, now, userId});
}

void AccountLifeRepository::revokeOtherSessions(std::int64_t userId, std::string_view keepClient) {
    db_.execute(kRevokeOthers, {userId, keepClient});
}

std::optional<std::string> AccountLifeRepository::mobileOf(std::int64_t userId) {
    const auto row = db_.queryOne(kMobileOf, {userId});
    if (!row) return std::nullopt;
    return row->str(0);
}

bool AccountLifeRepository::ownsGroup(std::int64_t userId) {
    return db_.queryOne(kOwnsGroup, {userId}).has_value();
}

void AccountLifeRepository::close(std::int64_t userId, std::int64_t now) {
    db_.execute(kRecountFormerFriends, {userId, userId});
    db_.execute(kCloseFriendships, {userId, userId});
    db_.execute(kCloseRequests, {userId, userId});
    db_.execute(kCloseBlocks, {userId, userId});
    db_.execute(kCloseMemberships, {userId});
    db_.execute(kCloseSessions, {userId});
    db_.execute(kCloseThirdParty, {userId});
    db_.execute(kCloseKnownClients, {userId});
    db_.execute(kCloseInbox, {userId});
    db_.execute(kCloseUser, {now, now, userId});
}

}  // namespace mmx::db
