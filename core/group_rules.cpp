#include "core/group_rules.hpp"

namespace mmx {
namespace {

bool actsOnAMember(GroupAction action) {
    switch (action) {
        case GroupAction::RemoveMember:
        case GroupAction::SetAdmin:
        case GroupAction::Transfer:
        case GroupAction::SetOthersShowName:
        case GroupAction::SetOthersRemainMode:
            return true;
        default:
            return false;
    }
}

// What the site role alone allows, whatever the actor's place in the group.
bool siteAllows(SiteRole site, GroupAction action, GroupRole target) {
    switch (action) {
        case GroupAction::Create:
            // The site's owner and its admins make groups; a deputy runs the site, not groups.
            return site == SiteRole::Owner || site == SiteRole::Admin;
        case GroupAction::Update:
        case GroupAction::ViewInfo:
        case GroupAction::AddMembers:
            return isSiteStaff(site);
        case GroupAction::Delete:
            return site == SiteRole::Owner;
        case GroupAction::RemoveMember:
            // The site owner and deputy remove anyone but the group owner.
            return (site == SiteRole::Owner || site == SiteRole::Deputy) &&
                   (target == GroupRole::Admin || target == GroupRole::Member);
        default:
            return false;
    }
}

// What the role in the group alone allows.
bool groupAllows(GroupRole role, GroupAction action, GroupRole target) {
    const bool member = role != GroupRole::None;
    const bool manager = role == GroupRole::Owner || role == GroupRole::Admin;
    switch (action) {
        case GroupAction::Create:
            return false;
        case GroupAction::Update:
        case GroupAction::AddMembers:
            return manager;
        case GroupAction::Delete:
            return role == GroupRole::Owner;
        case GroupAction::ViewInfo:
        case GroupAction::ListMembers:
        case GroupAction::SetOwnSettings:
            return member;
        case GroupAction::Quit:
            // The owner must hand the group over first.
            return member && role != GroupRole::Owner;
        case GroupAction::RemoveMember:
        case GroupAction::SetOthersShowName:
            // A manager acts on those below: the owner on admins and members,
            // an admin on plain members only.
            if (role == GroupRole::Owner)
                return target == GroupRole::Admin || target == GroupRole::Member;
            if (role == GroupRole::Admin) return target == GroupRole::Member;
            return false;
        case GroupAction::SetAdmin:
        case GroupAction::Transfer:
            return role == GroupRole::Owner &&
                   (target == GroupRole::Admin || target == GroupRole::Member);
        case GroupAction::SetOthersRemainMode:
            return false;
    }
    return false;
}

}  // namespace

bool groupActionAllowed(GroupActor actor, GroupAction action, GroupRole target) {
    // Nobody acts on the group owner (transfer first), nor on someone outside the group.
    if (actsOnAMember(action) && (target == GroupRole::Owner || target == GroupRole::None)) {
        return false;
    }
    return siteAllows(actor.site, action, target) || groupAllows(actor.group, action, target);
}

bool withinMemberCap(std::int64_t current, std::int64_t adding, std::int64_t cap) {
    return adding >= 0 && current >= 0 && current + adding <= cap;
}

std::optional<SiteRole> parseSiteRole(std::string_view text) {
    if (text == "owner") return SiteRole::Owner;
    if (text == "deputy") return SiteRole::Deputy;
    if (text == "admin") return SiteRole::Admin;
    if (text == "none") return SiteRole::None;
    return std::nullopt;
}

std::optional<GroupRole> parseGroupRole(std::string_view text) {
    if (text == "owner") return GroupRole::Owner;
    if (text == "admin") return GroupRole::Admin;
    if (text == "member") return GroupRole::Member;
    if (text == "none") return GroupRole::None;
    return std::nullopt;
}

std::string_view siteRoleName(SiteRole role) {
    switch (role) {
        case SiteRole::Owner:
            return "owner";
        case SiteRole::Deputy:
            return "deputy";
        case SiteRole::Admin:
            return "admin";
        case SiteRole::None:
            break;
    }
    return "none";
}

std::string_view groupRoleName(GroupRole role) {
    switch (role) {
        case GroupRole::Owner:
            return "owner";
        case GroupRole::Admin:
            return "admin";
        case GroupRole::Member:
            return "member";
        case GroupRole::None:
            break;
    }
    return "none";
}

}  // namespace mmx
