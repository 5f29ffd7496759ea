#include "db/group_repository.hpp"

#include "db/chat_message.hpp"
#include "db/json_ids.hpp"

namespace mmx::db {
namespace {

constexpr std::string_view kSiteRoleOf = "SELECT site_role FROM users WHERE id = ?";
constexpr std::string_view kFind =
    "SELECT id, name, logo, owner_id, max_members, created_at FROM chat_groups WHERE id = ?";
constexpr std::string_view kLock =
    "SELECT id, name, logo, owner_id, max_members, created_at FROM chat_groups WHERE id = ?"
    " FOR UPDATE";
constexpr std::string_view kCreate =
    "INSERT INTO chat_groups (name, logo, owner_id, max_members, created_at)"
    " VALUES (?, ?, ?, ?, ?)";
// NULL leaves a column as it is.
constexpr std::string_view kUpdate =
    "UPDATE chat_groups SET name = COALESCE(?, name), logo = COALESCE(?, logo) WHERE id = ?";
// Ascending, as a send to the group share-locks them.
constexpr std::string_view kLockMembers =
    "SELECT user_id FROM group_members WHERE group_id = ? ORDER BY user_id FOR UPDATE";
constexpr std::string_view kDeleteMembers = "DELETE FROM group_members WHERE group_id = ?";
constexpr std::string_view kDelete = "DELETE FROM chat_groups WHERE id = ?";
constexpr std::string_view kSetOwner = "UPDATE chat_groups SET owner_id = ? WHERE id = ?";

constexpr std::string_view kMembership =
    "SELECT role, show_name, message_remain_mode, joined_at FROM group_members"
    " WHERE group_id = ? AND user_id = ?";
constexpr std::string_view kMemberCount = "SELECT COUNT(*) FROM group_members WHERE group_id = ?";
constexpr std::string_view kAddMember =
    "INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)";
constexpr std::string_view kRemoveMember =
    "DELETE FROM group_members WHERE group_id = ? AND user_id = ?";
// The asked ids in their order, each with its membership (if any) and user (if any; a
// closed account is no one to add).
constexpr std::string_view kCandidates =
    "SELECT j.id, m.role, u.id IS NOT NULL"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (ord FOR ORDINALITY, id BIGINT UNSIGNED PATH '$')) AS j"
    " LEFT JOIN group_members m ON m.group_id = ? AND m.user_id = j.id"
    " LEFT JOIN users u ON u.id = j.id AND u.closed_at IS NULL"
    " ORDER BY j.ord";
// Ascending, as a send to the group share-locks the member rows.
constexpr std::string_view kAddMembers =
    "INSERT INTO group_members (group_id, user_id, role, joined_at)"
    " SELECT ?, j.id, ?, ?"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) AS j ORDER BY j.id";
constexpr std::string_view kRemoveMembers =
    "DELETE m FROM JSON_TABLE(?, '$[*]' COLUMNS (id BIGINT UNSIGNED PATH '$')) AS j"
    " JOIN group_members m ON m.group_id = ? AND m.user_id = j.id";
constexpr std::string_view kSetRole =
    "UPDATE group_members SET role = ? WHERE group_id = ? AND user_id = ?";
constexpr std::string_view kUpdateSettings =
    "UPDATE group_members SET show_name = COALESCE(?, show_name),"
    " message_remain_mode = COALESCE(?, message_remain_mode)"
    " WHERE group_id = ? AND user_id = ?";

constexpr std::string_view kMembers =
    "SELECT m.user_id, m.role, m.show_name, m.joined_at, u.nick_name, u.user_photo, u.sex,"
    " u.signature"
    " FROM group_members m JOIN users u ON u.id = m.user_id"
    " WHERE m.group_id = ?"
    " ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END,"
    " m.joined_at, m.user_id"
    " LIMIT ? OFFSET ?";
constexpr std::string_view kGroupsOf =
    "SELECT g.id, g.name, g.logo, mine.role, mine.message_remain_mode,"
    " (SELECT COUNT(*) FROM group_members c WHERE c.group_id = g.id)"
    " FROM group_members mine JOIN chat_groups g ON g.id = mine.group_id"
    " WHERE mine.user_id = ? ORDER BY g.id LIMIT ? OFFSET ?";
constexpr std::string_view kGroupCountOf = "SELECT COUNT(*) FROM group_members WHERE user_id = ?";
constexpr std::string_view kPreviews =
    "SELECT p.group_id, p.user_id, p.name, p.logo FROM ("
    " SELECT m.group_id, m.user_id, COALESCE(m.show_name, u.nick_name, '') AS name,"
    " COALESCE(u.user_photo, '') AS logo,"
    " ROW_NUMBER() OVER (PARTITION BY m.group_id ORDER BY"
    " CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, m.joined_at, m.user_id)"
    " AS place"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (group_id BIGINT UNSIGNED PATH '$')) AS page"
    " JOIN group_members m ON m.group_id = page.group_id"
    " JOIN users u ON u.id = m.user_id) p"
    " WHERE p.place <= ? ORDER BY p.group_id, p.place";

GroupRecord groupFrom(const Row& row) {
    return GroupRecord{row.i64(0), row.str(1), row.str(2), row.i64(3), row.i64(4), row.i64(5)};
}

GroupRole roleFrom(const std::string& text) {
    return parseGroupRole(text).value_or(GroupRole::None);
}

Param optional(const std::optional<std::string>& value) {
    if (!value) return nullptr;
    return std::string_view(*value);
}

}  // namespace

SiteRole GroupRepository::siteRoleOf(std::int64_t userId) {
    const auto row = db_.queryOne(kSiteRoleOf, {userId});
    if (!row || row->isNull(0)) return SiteRole::None;
    return parseSiteRole(row->str(0)).value_or(SiteRole::None);
}

std::optional<GroupRecord> GroupRepository::find(std::int64_t groupId) {
    const auto row = db_.queryOne(kFind, {groupId});
    if (!row) return std::nullopt;
    return groupFrom(*row);
}

std::optional<GroupRecord> GroupRepository::lock(std::int64_t groupId) {
    const auto row = db_.queryOne(kLock, {groupId});
    if (!row) return std::nullopt;
    return groupFrom(*row);
}

std::int64_t GroupRepository::create(std::string_view name, std::string_view logo,
                                     std::int64_t ownerId, std::int64_t maxMembers,
                                     std::int64_t now) {
    const auto result = db_.execute(kCreate, {name, logo, ownerId, maxMembers, now});
    return static_cast<std::int64_t>(result.insertId);
}

void GroupRepository::update(std::int64_t groupId, const std::optional<std::string>& name,
                             const std::optional<std::string>& logo) {
    db_.execute(kUpdate, {optional(name), optional(logo), groupId});
}

std::vector<std::int64_t> GroupRepository::lockMembers(std::int64_t groupId) {
    std::vector<std::int64_t> ids;
    for (const Row& row : db_.query(kLockMembers, {groupId})) ids.push_back(row.i64(0));
    return ids;
}

void GroupRepository::remove(std::int64_t groupId) {
    // The foreign key would cascade too; deleting the memberships first keeps
    // the order of locks the same as every membership change.
    db_.execute(kDeleteMembers, {groupId});
    db_.execute(kDelete, {groupId});
}

void GroupRepository::setOwner(std::int64_t groupId, std::int64_t ownerId) {
    db_.execute(kSetOwner, {ownerId, groupId});
}

std::optional<Membership> GroupRepository::membership(std::int64_t groupId, std::int64_t userId) {
    const auto row = db_.queryOne(kMembership, {groupId, userId});
    if (!row) return std::nullopt;
    return Membership{roleFrom(row->str(0)), row->opt(1), static_cast<int>(row->i64(2)),
                      row->i64(3)};
}

GroupRole GroupRepository::roleOf(std::int64_t groupId, std::int64_t userId) {
    const auto found = membership(groupId, userId);
    return found ? found->role : GroupRole::None;
}

std::int64_t GroupRepository::memberCount(std::int64_t groupId) {
    const auto row = db_.queryOne(kMemberCount, {groupId});
    return row ? row->i64(0) : 0;
}

void GroupRepository::addMember(std::int64_t groupId, std::int64_t userId, GroupRole role,
                                std::int64_t now) {
    db_.execute(kAddMember, {groupId, userId, groupRoleName(role), now});
}

void GroupRepository::removeMember(std::int64_t groupId, std::int64_t userId) {
    db_.execute(kRemoveMember, {groupId, userId});
}

std::vector<Candidate> GroupRepository::candidates(std::int64_t groupId,
                                                   const std::vector<std::int64_t>& ids) {
    std::vector<Candidate> found;
    if (ids.empty()) return found;
    const std::string asked = idsJson(ids);
    for (const Row& row : db_.query(kCandidates, {std::string_view(asked), groupId})) {
        found.push_back(Candidate{
            row.i64(0), row.isNull(1) ? GroupRole::None : roleFrom(row.str(1)), row.i64(2) == 1});
    }
    return found;
}

void GroupRepository::addMembers(std::int64_t groupId, const std::vector<std::int64_t>& ids,
                                 GroupRole role, std::int64_t now) {
    if (ids.empty()) return;
    const std::string added = recipientsJson(ids);
    db_.execute(kAddMembers, {groupId, groupRoleName(role), now, std::string_view(added)});
}

void GroupRepository::removeMembers(std::int64_t groupId, const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return;
    const std::string removed = recipientsJson(ids);
    db_.execute(kRemoveMembers, {std::string_view(removed), groupId});
}

void GroupRepository::setRole(std::int64_t groupId, std::int64_t userId, GroupRole role) {
    db_.execute(kSetRole, {groupRoleName(role), groupId, userId});
}

void GroupRepository::updateSettings(std::int64_t groupId, std::int64_t userId,
                                     const std::optional<std::string>& showName,
                                     std::optional<int> messageRemainMode) {
    const Param mode = messageRemainMode ? Param(std::int64_t{*messageRemainMode}) : Param(nullptr);
    db_.execute(kUpdateSettings, {optional(showName), mode, groupId, userId});
}

std::vector<MemberCard> GroupRepository::members(std::int64_t groupId, std::int64_t offset,
                                                 std::int64_t count) {
    std::vector<MemberCard> cards;
    for (const Row& row : db_.query(kMembers, {groupId, count, offset})) {
        cards.push_back(MemberCard{row.i64(0), roleFrom(row.str(1)), row.opt(2), row.i64(3),
                                   row.opt(4), row.opt(5), row.opt(6), row.opt(7)});
    }
    return cards;
}

std::vector<GroupSummary> GroupRepository::groupsOf(std::int64_t userId, std::int64_t offset,
                                                    std::int64_t count) {
    std::vector<GroupSummary> groups;
    for (const Row& row : db_.query(kGroupsOf, {userId, count, offset})) {
        groups.push_back(GroupSummary{row.i64(0), row.str(1), row.str(2), roleFrom(row.str(3)),
                                      static_cast<int>(row.i64(4)), row.i64(5)});
    }
    return groups;
}

std::int64_t GroupRepository::groupCountOf(std::int64_t userId) {
    const auto row = db_.queryOne(kGroupCountOf, {userId});
    return row ? row->i64(0) : 0;
}

std::vector<PreviewMember> GroupRepository::previewsFor(const std::vector<std::int64_t>& groupIds,
                                                        std::int64_t perGroup) {
    std::vector<PreviewMember> previews;
    if (groupIds.empty()) return previews;
    // recipientsJson is a plain sorted JSON array of ids; a page has at most 200.
    const std::string page = recipientsJson(groupIds);
    for (const Row& row : db_.query(kPreviews, {std::string_view(page), perGroup})) {
        previews.push_back(PreviewMember{row.i64(0), row.i64(1), row.str(2), row.str(3)});
    }
    return previews;
}

}  // namespace mmx::db
