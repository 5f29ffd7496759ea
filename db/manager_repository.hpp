#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/group_rules.hpp"
#include "db/connection.hpp"

// What the manager side reads and writes of users, site roles, groups, the audit log
// and the site's figures. Objects are read as JSON objects made by MariaDB
// (JSON_OBJECT), the same text that an answer shows and the audit log keeps.
namespace mmx::db {

// One page of JSON objects and how many there are in all.
struct JsonPage {
    std::vector<std::string> items;
    std::int64_t total = 0;
};

struct StaffTarget {
    SiteRole role = SiteRole::None;
    bool disabled = false;
    std::string json;  // the user as user!info shows them
};

struct AuditEntry {
    std::int64_t staffId = 0;
    std::string action;      // "shop.add", "user.disable", ...
    std::string objectType;  // "shop", "user", ...
    std::int64_t objectId = 0;
    std::optional<std::string> before;  // JSON object; none before an add
    std::optional<std::string> after;   // none after a delete
};

struct AuditFilter {
    std::optional<std::int64_t> staffId;
    std::optional<std::string> action;
    std::optional<std::string> objectType;
    std::optional<std::int64_t> objectId;
    std::optional<std::int64_t> fromMs;  // created_at >= fromMs
    std::optional<std::int64_t> toMs;    // created_at < toMs
};

struct SiteFigures {
    std::int64_t users = 0;
    std::int64_t newUsersToday = 0;
    std::int64_t activeUsersToday = 0;
    std::int64_t messagesToday = 0;
    std::int64_t shops = 0;
    std::int64_t goods = 0;
};

class ManagerRepository {
  public:
    explicit ManagerRepository(Connection& db) : db_(db) {}

    // Users whose id is `query`, or whose mobile, user name or nickname starts with it
    // (every user when it is empty), optionally of one site role; newest first.
    JsonPage searchUsers(std::string_view query, std::optional<SiteRole> role, std::int64_t offset,
                         std::int64_t count);
    std::optional<std::string> userJson(std::int64_t userId);
    // The user's row, locked until the transaction ends.
    std::optional<StaffTarget> lockUser(std::int64_t userId);
    // Every owner's row, locked until the transaction ends; how many there are.
    std::int64_t lockOwners();
    void setSiteRole(std::int64_t userId, SiteRole role);
    void setDisabled(std::int64_t userId, std::optional<std::int64_t> disabledAt);

    JsonPage searchGroups(std::string_view namePrefix, std::int64_t offset, std::int64_t count);
    std::optional<std::string> groupJson(std::int64_t groupId);

    void audit(const AuditEntry& entry, std::int64_t now);
    JsonPage auditPage(const AuditFilter& filter, std::int64_t offset, std::int64_t count);

    // Since `dayStartMs` (the start of today in China).
    SiteFigures figures(std::int64_t dayStartMs);

  private:
    Connection& db_;
};

}  // namespace mmx::db
