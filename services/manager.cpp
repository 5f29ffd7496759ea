#include "services/manager.hpp"

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/rate_window.hpp"
#include "db/group_repository.hpp"
#include "db/session_repository.hpp"
#include "services/chat_membership.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kForbidden = "没有权限";
[[noreturn]] void userNotFound() {
    throw ApiError(ErrorCode::NotFound, "用户不存在");
}

}  // namespace

Staff requireStaff(Services& services, std::int64_t actorId, ManagerAction action) {
    const SiteRole role = db::GroupRepository(services.db).siteRoleOf(actorId);
    const ManagerAccess access = managerAccess(role, action);
    if (access == ManagerAccess::Denied)
        throw ApiError(ErrorCode::Forbidden, std::string(kForbidden));
    return Staff{actorId, role, access};
}

void requireAllowed(const Staff& staff, ManagerAction action) {
    if (managerAccess(staff.role, action) != ManagerAccess::Allowed) {
        throw ApiError(ErrorCode::Forbidden, std::string(kForbidden));
    }
}

void audit(Services& services, const Staff& staff, std::string action, std::string objectType,
           std::int64_t objectId, std::optional<std::string> before,
           std::optional<std::string> after) {
    db::ManagerRepository(services.db)
        .audit(db::AuditEntry{staff.userId, std::move(action), std::move(objectType), objectId,
                              std::move(before), std::move(after)},
               nowMs());
}

db::JsonPage searchUsers(Services& services, std::string_view query, std::optional<SiteRole> role,
                         std::int64_t offset, std::int64_t count) {
    return db::ManagerRepository(services.db).searchUsers(query, role, offset, count);
}

std::string userInfo(Services& services, std::int64_t userId) {
    auto json = db::ManagerRepository(services.db).userJson(userId);
    if (!json) userNotFound();
    return std::move(*json);
}

std::string setUserDisabled(Services& services, const Staff& staff, std::int64_t userId,
                            bool disabled) {
    if (disabled && userId == staff.userId) throwBadParam("参数 userId 不能是自己");
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::ManagerRepository managers(services.db);
        const auto target = managers.lockUser(userId);
        if (!target) userNotFound();
        // Staff are disabled only by those who may change their role.
        requireAllowed(staff, siteRoleChangeAction(target->role, SiteRole::None));
        if (target->disabled == disabled) {
            transaction.commit();
            return target->json;
        }
        managers.setDisabled(userId,
                             disabled ? std::optional<std::int64_t>(nowMs()) : std::nullopt);
        if (disabled) db::SessionRepository(services.db).revokeAll(userId);
        std::string after = managers.lockUser(userId)->json;
        audit(services, staff, disabled ? "user.disable" : "user.enable", "user", userId,
              target->json, after);
        transaction.commit();
        return after;
    });
}

std::string setSiteRole(Services& services, const Staff& staff, std::int64_t userId,
                        SiteRole role) {
    return db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::ManagerRepository managers(services.db);
        // Every owner first, then the target: two demotions of the last two owners
        // queue here, and the second one sees that only one is left.
        const std::int64_t owners = managers.lockOwners();
        const auto target = managers.lockUser(userId);
        if (!target) userNotFound();
        requireAllowed(staff, siteRoleChangeAction(target->role, role));
        if (target->role == role) {
            transaction.commit();
            return target->json;
        }
        if (target->role == SiteRole::Owner && owners <= 1) {
            throw ApiError(ErrorCode::Conflict, "站点至少要有一位站长");
        }
        managers.setSiteRole(userId, role);
        db::SessionRepository(services.db).revokeAll(userId);
        std::string after = managers.lockUser(userId)->json;
        audit(services, staff, "user.setSiteRole", "user", userId, target->json, after);
        transaction.commit();
        return after;
    });
}

db::JsonPage listGroups(Services& services, std::string_view namePrefix, std::int64_t offset,
                        std::int64_t count) {
    return db::ManagerRepository(services.db).searchGroups(namePrefix, offset, count);
}

std::string groupInfo(Services& services, std::int64_t groupId) {
    auto json = db::ManagerRepository(services.db).groupJson(groupId);
    if (!json) throw ApiError(ErrorCode::NotFound, "群不存在");
    return std::move(*json);
}

void deleteGroup(Services& services, const Staff& staff, std::int64_t groupId) {
    db::withTransaction(services.db, [&](db::Transaction& transaction) {
        db::GroupRepository groups(services.db);
        if (!groups.lock(groupId)) throw ApiError(ErrorCode::NotFound, "群不存在");
        auto before = db::ManagerRepository(services.db).groupJson(groupId);
        closeGroupChat(services, groupId, groups.lockMembers(groupId));
        groups.remove(groupId);
        audit(services, staff, "group.delete", "group", groupId, std::move(before), std::nullopt);
        transaction.commit();
    });
}

db::JsonPage auditLog(Services& services, const Staff& staff, db::AuditFilter filter,
                      std::int64_t offset, std::int64_t count) {
    if (staff.access == ManagerAccess::OwnOnly) filter.staffId = staff.userId;
    return db::ManagerRepository(services.db).auditPage(filter, offset, count);
}

db::SiteFigures siteFigures(Services& services) {
    return db::ManagerRepository(services.db).figures(chinaDayEndMs(nowMs()) - kDayMs);
}

}  // namespace mmx::services
