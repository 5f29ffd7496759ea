#include "core/manager_rules.hpp"

namespace mmx {

ManagerAccess managerAccess(SiteRole role, ManagerAction action) {
    using enum ManagerAccess;
    if (role == SiteRole::None) return Denied;
    if (role == SiteRole::Owner) return Allowed;
    const bool deputy = role == SiteRole::Deputy;
    switch (action) {
        case ManagerAction::ViewUsers:
        case ManagerAction::ViewCatalog:
        case ManagerAction::EditShops:
        case ManagerAction::ReadFeedback:
        case ManagerAction::ReplyFeedback:
        case ManagerAction::ViewGroups:
        case ManagerAction::ViewStats:
            return Allowed;
        case ManagerAction::DisableUsers:
        case ManagerAction::GrantAdmin:
        case ManagerAction::EditCities:
        case ManagerAction::EditCategories:
        case ManagerAction::EditVersions:
        case ManagerAction::DeleteGroups:
            return deputy ? Allowed : Denied;
        case ManagerAction::GrantHigherRoles:
            return Denied;
        case ManagerAction::ReadAudit:
            return deputy ? Allowed : OwnOnly;
    }
    return Denied;
}

ManagerAction siteRoleChangeAction(SiteRole from, SiteRole to) {
    const auto low = [](SiteRole r) { return r == SiteRole::None || r == SiteRole::Admin; };
    return low(from) && low(to) ? ManagerAction::GrantAdmin : ManagerAction::GrantHigherRoles;
}

}  // namespace mmx
