#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

// Who may do what in a group: a pure function of the actor's site role, the
// actor's role in the group, and (for actions on another member) the target's
// role in the group. The first social app's addGroup / updateGroup / deleteGroup / groupDel
// steps and setingGroup.
namespace mmx {

// The site staff, above every group (Tencent IM's app admin, split in three).
enum class SiteRole { None, Admin, Deputy, Owner };

// A membership's level; None is "not a member of this group".
enum class GroupRole { None, Member, Admin, Owner };

enum class GroupAction {
    Create,               // make a new group
    Update,               // rename, new logo
    Delete,               // the group and all its memberships
    ViewInfo,             // group!info
    ListMembers,          // group!members
    AddMembers,           // group!addMembers
    RemoveMember,         // one target of group!removeMembers
    SetAdmin,             // promote or demote the target
    Transfer,             // hand the group to the target
    Quit,                 // leave the group oneself
    SetOwnSettings,       // one's own showName and messageRemainMode
    SetOthersShowName,    // the target's showName
    SetOthersRemainMode,  // the target's messageRemainMode: nobody
};

struct GroupActor {
    SiteRole site = SiteRole::None;
    GroupRole group = GroupRole::None;
};

// True when `actor` may do `action`; `target` is the role of the member acted on
// (GroupRole::None for actions without one).
bool groupActionAllowed(GroupActor actor, GroupAction action, GroupRole target = GroupRole::None);

// Room for `adding` more members in a group of `current` with cap `cap`.
bool withinMemberCap(std::int64_t current, std::int64_t adding, std::int64_t cap);

// Stored and API names: "owner", "deputy", "admin", "member"; nullopt for unknown text.
std::optional<SiteRole> parseSiteRole(std::string_view text);
std::optional<GroupRole> parseGroupRole(std::string_view text);
std::string_view siteRoleName(SiteRole role);    // "none" for SiteRole::None
std::string_view groupRoleName(GroupRole role);  // "none" for GroupRole::None

inline bool isSiteStaff(SiteRole role) {
    return role != SiteRole::None;
}

}  // namespace mmx
