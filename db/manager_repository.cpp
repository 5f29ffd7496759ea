#include "db/manager_repository.hpp"

#include "core/shop_search_keys.hpp"

namespace mmx::db {
namespace {

// A boolean for JSON_OBJECT (a bare comparison would be written as 0 or 1).
#define MMX_JSON_BOOL(condition) "JSON_EXTRACT(IF(" condition ", 'true', 'false'), '$')"

#define MMX_USER_JSON \
    "JSON_OBJECT('userId', u.id, 'mobile', u.mobile, 'userName', u.user_name,"               \
    " 'nickName', u.nick_name, 'userPhoto', u.user_photo,"                                   \
    " 'siteRole', COALESCE(u.site_role, 'none'),"                                            \
    " 'disabled', " MMX_JSON_BOOL("u.disabled_at IS NOT NULL") ", 'disabledAt', u.disabled_at," \
    " 'createdAt', u.created_at)"

// Each way of matching is one index range; their union is what the page is cut from.
#define MMX_USER_MATCHES                                                        \
    " FROM users u WHERE (? = '' OR u.id IN (SELECT id FROM users WHERE id = ?" \
    " UNION SELECT id FROM users WHERE mobile LIKE ?"                           \
    " UNION SELECT id FROM users WHERE user_name LIKE ?"                        \
    " UNION SELECT id FROM users WHERE nick_name LIKE ?))"                      \
    " AND (? IS NULL OR u.site_role = ?)"

constexpr std::string_view kSearchUsers =
    "SELECT " MMX_USER_JSON MMX_USER_MATCHES " ORDER BY u.id DESC LIMIT ?, ?";
constexpr std::string_view kCountUsers = "SELECT COUNT(*)" MMX_USER_MATCHES;
constexpr std::string_view kUserJson =
    "SELECT JSON_MERGE_PATCH(" MMX_USER_JSON
    ", JSON_OBJECT('sessions', (SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id),"
    " 'lastLoginAt', (SELECT MAX(k.last_login_at) FROM known_clients k WHERE k.user_id = u.id),"
    " 'groups', (SELECT COUNT(*) FROM group_members m WHERE m.user_id = u.id)))"
    " FROM users u WHERE u.id = ?";
constexpr std::string_view kLockUser =
    "SELECT u.site_role, u.disabled_at IS NOT NULL, " MMX_USER_JSON
    " FROM users u WHERE u.id = ? FOR UPDATE";
// One row: every owner is locked while the count is made, before anything is sent back,
// so that a lock conflict surfaces as the statement's own error (a deadlock is retried).
constexpr std::string_view kLockOwners =
    "SELECT COUNT(*) FROM users WHERE site_role = 'owner' FOR UPDATE";
constexpr std::string_view kSetSiteRole = "UPDATE users SET site_role = ? WHERE id = ?";
constexpr std::string_view kSetDisabled = "UPDATE users SET disabled_at = ? WHERE id = ?";

#define MMX_GROUP_JSON                                                                    \
    "JSON_OBJECT('groupId', g.id, 'groupName', g.name, 'logo', g.logo,"                   \
    " 'ownerId', g.owner_id, 'ownerName', (SELECT o.nick_name FROM users o WHERE o.id = " \
    "g.owner_id), 'maxMembers', g.max_members, 'createdAt', g.created_at,"                \
    " 'memberCount', (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id))"
constexpr std::string_view kSearchGroups = "SELECT " MMX_GROUP_JSON
                                           " FROM chat_groups g WHERE g.name LIKE ?"
                                           " ORDER BY g.id DESC LIMIT ?, ?";
constexpr std::string_view kCountGroups = "SELECT COUNT(*) FROM chat_groups WHERE name LIKE ?";
constexpr std::string_view kGroupJson =
    "SELECT " MMX_GROUP_JSON " FROM chat_groups g WHERE g.id = ?";

constexpr std::string_view kAudit =
    "INSERT INTO manager_audit (staff_id, action, object_type, object_id, before_json,"
    " after_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
#define MMX_AUDIT_FILTER                                                       \
    " FROM manager_audit a LEFT JOIN users u ON u.id = a.staff_id"             \
    " WHERE (? IS NULL OR a.staff_id = ?) AND (? IS NULL OR a.action = ?)"     \
    " AND (? IS NULL OR a.object_type = ?) AND (? IS NULL OR a.object_id = ?)" \
    " AND (? IS NULL OR a.created_at >= ?) AND (? IS NULL OR a.created_at < ?)"
constexpr std::string_view kAuditPage =
    "SELECT JSON_OBJECT('id', a.id, 'staffId', a.staff_id,"
    " 'staffName', IF(a.staff_id = 0, 'command line', u.nick_name),"
    " 'action', a.action, 'objectType', a.object_type, 'objectId', a.object_id,"
    " 'before', JSON_QUERY(COALESCE(a.before_json, 'null'), '$'),"
    " 'after', JSON_QUERY(COALESCE(a.after_json, 'null'), '$'), 'time', "
    "a.created_at)" MMX_AUDIT_FILTER " ORDER BY a.id DESC LIMIT ?, ?";
constexpr std::string_view kAuditCount = "SELECT COUNT(*)" MMX_AUDIT_FILTER;

constexpr std::string_view kFigures =
    "SELECT (SELECT COUNT(*) FROM users),"
    " (SELECT COUNT(*) FROM users WHERE created_at >= ?),"
    " (SELECT COUNT(DISTINCT user_id) FROM known_clients WHERE last_login_at >= ?),"
    " (SELECT COUNT(*) FROM chat_messages WHERE sent_at >= ?),"
    " (SELECT COUNT(*) FROM shop), (SELECT COUNT(*) FROM goods)";

#undef MMX_JSON_BOOL
#undef MMX_USER_JSON
#undef MMX_USER_MATCHES
#undef MMX_GROUP_JSON
#undef MMX_AUDIT_FILTER

Param optionalText(const std::optional<std::string>& text) {
    if (!text) return nullptr;
    return std::string_view(*text);
}

Param optionalNumber(const std::optional<std::int64_t>& number) {
    if (!number) return nullptr;
    return *number;
}

std::vector<std::string> firstColumn(const std::vector<Row>& rows) {
    std::vector<std::string> items;
    items.reserve(rows.size());
    for (const auto& row : rows) items.push_back(row.str(0));
    return items;
}

}  // namespace

JsonPage ManagerRepository::searchUsers(std::string_view query, std::optional<SiteRole> role,
                                        std::int64_t offset, std::int64_t count) {
    const std::string pattern = likePrefixPattern(query);
    const std::string roleName = role ? std::string(siteRoleName(*role)) : std::string();
    const Param roleParam = role ? Param(std::string_view(roleName)) : Param(nullptr);
    // A query that is no number matches no id (0 is nobody's).
    std::int64_t id = 0;
    if (!query.empty() && query.size() < 19 &&
        query.find_first_not_of("0123456789") == std::string_view::npos) {
        id = std::stoll(std::string(query));
    }
    const std::string_view p(pattern);
    JsonPage page;
    page.items = firstColumn(
        db_.query(kSearchUsers, {query, id, p, p, p, roleParam, roleParam, offset, count}));
    page.total = db_.queryOne(kCountUsers, {query, id, p, p, p, roleParam, roleParam})->i64(0);
    return page;
}

std::optional<std::string> ManagerRepository::userJson(std::int64_t userId) {
    const auto row = db_.queryOne(kUserJson, {userId});
    if (!row) return std::nullopt;
    return row->str(0);
}

std::optional<StaffTarget> ManagerRepository::lockUser(std::int64_t userId) {
    const auto row = db_.queryOne(kLockUser, {userId});
    if (!row) return std::nullopt;
    StaffTarget target;
    target.role =
        row->isNull(0) ? SiteRole::None : parseSiteRole(row->str(0)).value_or(SiteRole::None);
    target.disabled = row->i64(1) != 0;
    target.json = row->str(2);
    return target;
}

std::int64_t ManagerRepository::lockOwners() {
    return db_.queryOne(kLockOwners)->i64(0);
}

void ManagerRepository::setSiteRole(std::int64_t userId, SiteRole role) {
    const Param value =
        role == SiteRole::None ? Param(nullptr) : Param(std::string_view(siteRoleName(role)));
    db_.execute(kSetSiteRole, {value, userId});
}

void ManagerRepository::setDisabled(std::int64_t userId, std::optional<std::int64_t> disabledAt) {
    db_.execute(kSetDisabled, {optionalNumber(disabledAt), userId});
}

JsonPage ManagerRepository::searchGroups(std::string_view namePrefix, std::int64_t offset,
                                         std::int64_t count) {
    const std::string pattern = likePrefixPattern(namePrefix);
    JsonPage page;
    page.items = firstColumn(db_.query(kSearchGroups, {std::string_view(pattern), offset, count}));
    page.total = db_.queryOne(kCountGroups, {std::string_view(pattern)})->i64(0);
    return page;
}

std::optional<std::string> ManagerRepository::groupJson(std::int64_t groupId) {
    const auto row = db_.queryOne(kGroupJson, {groupId});
    if (!row) return std::nullopt;
    return row->str(0);
}

void ManagerRepository::audit(const AuditEntry& entry, std::int64_t now) {
    db_.execute(kAudit,
                {entry.staffId, std::string_view(entry.action), std::string_view(entry.objectType),
                 entry.objectId, optionalText(entry.before), optionalText(entry.after), now});
}

JsonPage ManagerRepository::auditPage(const AuditFilter& f, std::int64_t offset,
                                      std::int64_t count) {
    const Param staff = optionalNumber(f.staffId);
    const Param action = optionalText(f.action);
    const Param type = optionalText(f.objectType);
    const Param object = optionalNumber(f.objectId);
    const Param from = optionalNumber(f.fromMs);
    const Param to = optionalNumber(f.toMs);
    JsonPage page;
    page.items =
        firstColumn(db_.query(kAuditPage, {staff, staff, action, action, type, type, object, object,
                                           from, from, to, to, offset, count}));
    page.total = db_.queryOne(kAuditCount, {staff, staff, action, action, type, type, object,
                                            object, from, from, to, to})
                     ->i64(0);
    return page;
}

SiteFigures ManagerRepository::figures(std::int64_t dayStartMs) {
    const auto row = db_.queryOne(kFigures, {dayStartMs, dayStartMs, dayStartMs});
    return SiteFigures{row->i64(0), row->i64(1), row->i64(2),
                       row->i64(3), row->i64(4), row->i64(5)};
}

}  // namespace mmx::db
