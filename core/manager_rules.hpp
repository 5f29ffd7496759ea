#pragma once

#include "core/group_rules.hpp"

// What the site staff may do on the manager side: a pure function of the actor's site
// role and the action. The owner (站长) runs everything; the deputy (副站长) everything
// but the deputies and owners themselves; an admin (管理员) the shop content, feedback,
// and reads of users, groups and their own audit entries.
namespace mmx {

enum class ManagerAction {
    ViewUsers,         // user!search, user!info
    DisableUsers,      // user!disable, user!enable
    GrantAdmin,        // user!setSiteRole between none and admin
    GrantHigherRoles,  // user!setSiteRole to or from deputy or owner
    EditCities,        // city!add|update|delete
    EditCategories,    // category!add|update|delete
    EditShops,         // shop, goods, activity writes and their pictures (media!upload)
    ViewCatalog,       // city, category, shop, goods, activity lists and infos
    EditVersions,      // app versions
    ReadFeedback,      // feedback threads
    ReplyFeedback,     // replies to feedback
    ViewGroups,        // group!list, group!info
    DeleteGroups,      // group!delete
    ReadAudit,         // audit!list
    ViewStats,         // stats!overview
};

// Allowed: the whole of the action; OwnOnly: only what concerns the actor (their own
// audit entries); Denied: nothing.
enum class ManagerAccess { Denied, OwnOnly, Allowed };

ManagerAccess managerAccess(SiteRole role, ManagerAction action);

// The action that changing a user's site role from `from` to `to` needs: GrantAdmin while
// both are none or admin, GrantHigherRoles when either is deputy or owner.
ManagerAction siteRoleChangeAction(SiteRole from, SiteRole to);

}  // namespace mmx
