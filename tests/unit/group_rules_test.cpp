// The group permission matrix as a table: every actor (site role × group
// role) against every action and, for actions on a member, every target role.
#include "core/group_rules.hpp"

#include <array>
#include <boost/test/unit_test.hpp>
#include <string>

#include "core/group_logos.hpp"
#include "core/media_type.hpp"

using namespace mmx;

namespace {

constexpr std::array kSiteRoles = {SiteRole::None, SiteRole::Admin, SiteRole::Deputy,
                                   SiteRole::Owner};
constexpr std::array kGroupRoles = {GroupRole::None, GroupRole::Member, GroupRole::Admin,
                                    GroupRole::Owner};

// Actions without a target, in this column order.
constexpr std::array kPlainActions = {
    GroupAction::Create,   GroupAction::Update,         GroupAction::Delete,
    GroupAction::ViewInfo, GroupAction::ListMembers,    GroupAction::AddMembers,
    GroupAction::Quit,     GroupAction::SetOwnSettings,
};

// Actions on another member, each with one column per target role (none, member, admin, owner).
constexpr std::array kTargetedActions = {
    GroupAction::RemoveMember,
    GroupAction::SetAdmin,
    GroupAction::Transfer,
    GroupAction::SetOthersShowName,
    GroupAction::SetOthersRemainMode,
};

struct Expected {
    SiteRole site;
    GroupRole group;
    // Create Update Delete Info Members Add Quit OwnSettings; Y allowed, . refused.
    const char* plain;
    // Per targeted action, targets none/member/admin/owner.
    std::array<const char*, 5> targeted;
};

using S = SiteRole;
using G = GroupRole;

// clang-format off
constexpr Expected kMatrix[] = {
    //                              CUDIMAQO     remove  setAdmin transfer showName remainMode
    {S::None,   G::None,           "........", {"....", "....", "....", "....", "...."}},
    {S::None,   G::Member,         "...YY.YY", {"....", "....", "....", "....", "...."}},
    {S::None,   G::Admin,          ".Y.YYYYY", {".Y..", "....", "....", ".Y..", "...."}},
    {S::None,   G::Owner,          ".YYYYY.Y", {".YY.", ".YY.", ".YY.", ".YY.", "...."}},
    {S::Admin,  G::None,           "YY.Y.Y..", {"....", "....", "....", "....", "...."}},
    {S::Admin,  G::Member,         "YY.YYYYY", {"....", "....", "....", "....", "...."}},
    {S::Admin,  G::Admin,          "YY.YYYYY", {".Y..", "....", "....", ".Y..", "...."}},
    {S::Admin,  G::Owner,          "YYYYYY.Y", {".YY.", ".YY.", ".YY.", ".YY.", "...."}},
    {S::Deputy, G::None,           ".Y.Y.Y..", {".YY.", "....", "....", "....", "...."}},
    {S::Deputy, G::Member,         ".Y.YYYYY", {".YY.", "....", "....", "....", "...."}},
    {S::Deputy, G::Admin,          ".Y.YYYYY", {".YY.", "....", "....", ".Y..", "...."}},
    {S::Deputy, G::Owner,          ".YYYYY.Y", {".YY.", ".YY.", ".YY.", ".YY.", "...."}},
    {S::Owner,  G::None,           "YYYY.Y..", {".YY.", "....", "....", "....", "...."}},
    {S::Owner,  G::Member,         "YYYYYYYY", {".YY.", "....", "....", "....", "...."}},
    {S::Owner,  G::Admin,          "YYYYYYYY", {".YY.", "....", "....", ".Y..", "...."}},
    {S::Owner,  G::Owner,          "YYYYYY.Y", {".YY.", ".YY.", ".YY.", ".YY.", "...."}},
};
// clang-format on

std::string actorName(SiteRole site, GroupRole group) {
    return "site " + std::string(siteRoleName(site)) + ", group " +
           std::string(groupRoleName(group));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(group_rules)

BOOST_AUTO_TEST_CASE(the_matrix_names_every_actor_once) {
    BOOST_TEST(std::size(kMatrix) == kSiteRoles.size() * kGroupRoles.size());
    for (std::size_t s = 0; s < kSiteRoles.size(); ++s) {
        for (std::size_t g = 0; g < kGroupRoles.size(); ++g) {
            const Expected& row = kMatrix[s * kGroupRoles.size() + g];
            BOOST_TEST((row.site == kSiteRoles[s] && row.group == kGroupRoles[g]));
        }
    }
}

BOOST_AUTO_TEST_CASE(every_actor_against_every_action_and_target_is_as_the_group_table_says) {
    for (const Expected& row : kMatrix) {
        const GroupActor actor{row.site, row.group};
        BOOST_TEST_CONTEXT(actorName(row.site, row.group)) {
            for (std::size_t a = 0; a < kPlainActions.size(); ++a) {
                BOOST_TEST_CONTEXT("plain action column " << a) {
                    BOOST_TEST(groupActionAllowed(actor, kPlainActions[a]) ==
                               (row.plain[a] == 'Y'));
                }
            }
            for (std::size_t a = 0; a < kTargetedActions.size(); ++a) {
                for (std::size_t t = 0; t < kGroupRoles.size(); ++t) {
                    BOOST_TEST_CONTEXT("targeted action " << a << " on a "
                                                          << groupRoleName(kGroupRoles[t])) {
                        BOOST_TEST(groupActionAllowed(actor, kTargetedActions[a], kGroupRoles[t]) ==
                                   (row.targeted[a][t] == 'Y'));
                    }
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(nobody_removes_the_group_owner) {
    for (const SiteRole site : kSiteRoles) {
        for (const GroupRole group : kGroupRoles) {
            BOOST_TEST(
                !groupActionAllowed({site, group}, GroupAction::RemoveMember, GroupRole::Owner));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_group_admin_removes_plain_members_only) {
    const GroupActor admin{SiteRole::None, GroupRole::Admin};
    BOOST_TEST(groupActionAllowed(admin, GroupAction::RemoveMember, GroupRole::Member));
    BOOST_TEST(!groupActionAllowed(admin, GroupAction::RemoveMember, GroupRole::Admin));
    BOOST_TEST(!groupActionAllowed(admin, GroupAction::RemoveMember, GroupRole::Owner));
}

BOOST_AUTO_TEST_CASE(nobody_sets_another_members_message_remain_mode) {
    for (const SiteRole site : kSiteRoles) {
        for (const GroupRole group : kGroupRoles) {
            for (const GroupRole target : kGroupRoles) {
                BOOST_TEST(
                    !groupActionAllowed({site, group}, GroupAction::SetOthersRemainMode, target));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_member_cap_counts_what_is_there_and_what_comes) {
    BOOST_TEST(withinMemberCap(0, 500, 500));
    BOOST_TEST(withinMemberCap(499, 1, 500));
    BOOST_TEST(!withinMemberCap(500, 1, 500));
    BOOST_TEST(!withinMemberCap(498, 3, 500));
    BOOST_TEST(withinMemberCap(500, 0, 500));
    BOOST_TEST(withinMemberCap(1, 4, 5));
    BOOST_TEST(!withinMemberCap(1, 5, 5));
    BOOST_TEST(!withinMemberCap(1, -1, 5));
}

BOOST_AUTO_TEST_CASE(role_names_read_back) {
    for (const SiteRole site : kSiteRoles) BOOST_TEST((parseSiteRole(siteRoleName(site)) == site));
    for (const GroupRole group : kGroupRoles)
        BOOST_TEST((parseGroupRole(groupRoleName(group)) == group));
    BOOST_TEST(!parseSiteRole("member"));
    BOOST_TEST(!parseSiteRole("Owner"));
    BOOST_TEST(!parseGroupRole("deputy"));
    BOOST_TEST(!parseGroupRole(""));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(group_logos)

BOOST_AUTO_TEST_CASE(every_built_in_logo_is_a_small_png_of_its_own) {
    std::string previous;
    for (std::size_t i = 0; i < kBuiltInLogoCount; ++i) {
        const std::string png = builtInLogoPng(i);
        const auto type = sniffImage(png);
        BOOST_TEST_REQUIRE(type.has_value());
        BOOST_TEST(type->extension == "png");
        BOOST_TEST(png.size() < 4096u);
        BOOST_TEST(png != previous);
        BOOST_TEST(builtInLogoName(i) == "group-" + std::to_string(i + 1) + ".png");
        previous = png;
    }
}

BOOST_AUTO_TEST_SUITE_END()
