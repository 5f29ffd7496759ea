#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/manager_rules.hpp"
#include "db/manager_repository.hpp"
#include "services/services.hpp"

// The manager side's use cases on users, site roles, groups, the audit log and the
// site's figures. Every caller is checked against core/manager_rules first
// (requireStaff); every write is audited in its own transaction.
namespace mmx::services {

struct Staff {
    std::int64_t userId = 0;
    SiteRole role = SiteRole::None;
    ManagerAccess access = ManagerAccess::Denied;  // for the action it was checked for
};

// The staff id of what scripts/admin does on the command line (shown as "command line").
inline constexpr std::int64_t kCommandLineStaff = 0;

// The actor as site staff allowed `action` (or its own part of it); FORBIDDEN otherwise,
// saying nothing more.
Staff requireStaff(Services& services, std::int64_t actorId, ManagerAction action);
// FORBIDDEN unless `staff` may do `action`.
void requireAllowed(const Staff& staff, ManagerAction action);

// One audit entry, written by the caller's transaction.
void audit(Services& services, const Staff& staff, std::string action, std::string objectType,
           std::int64_t objectId, std::optional<std::string> before,
           std::optional<std::string> after);

db::JsonPage searchUsers(Services& services, std::string_view query, std::optional<SiteRole> role,
                         std::int64_t offset, std::int64_t count);
std::string userInfo(Services& services, std::int64_t userId);
// Disables (ending every session) or enables the user; returns the user as they are now.
// Nobody disables themselves, nor staff their grade may not change the role of.
std::string setUserDisabled(Services& services, const Staff& staff, std::int64_t userId,
                            bool disabled);
// Grants or takes a site role, ending the target's sessions. FORBIDDEN when the staff's
// role may not make that change; CONFLICT when it would leave the site without an owner.
std::string setSiteRole(Services& services, const Staff& staff, std::int64_t userId, SiteRole role);

db::JsonPage listGroups(Services& services, std::string_view namePrefix, std::int64_t offset,
                        std::int64_t count);
std::string groupInfo(Services& services, std::int64_t groupId);
// The group, its members and its chat.
void deleteGroup(Services& services, const Staff& staff, std::int64_t groupId);

// An admin (OwnOnly) reads only their own entries, whatever staff filter they ask.
db::JsonPage auditLog(Services& services, const Staff& staff, db::AuditFilter filter,
                      std::int64_t offset, std::int64_t count);

db::SiteFigures siteFigures(Services& services);

}  // namespace mmx::services
