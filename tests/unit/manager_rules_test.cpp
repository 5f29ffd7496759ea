// The manager permission matrix as a table: every site role against every action.
#include "core/manager_rules.hpp"

#include <array>
#include <boost/test/unit_test.hpp>
#include <string>

using namespace mmx;

namespace {

using A = ManagerAction;

// The columns of the matrix, in this order.
constexpr std::array kActions = {
    A::ViewUsers,      A::DisableUsers, A::GrantAdmin,   A::GrantHigherRoles, A::EditCities,
    A::EditCategories, A::EditShops,    A::ViewCatalog,  A::EditVersions,     A::ReadFeedback,
    A::ReplyFeedback,  A::ViewGroups,   A::DeleteGroups, A::ReadAudit,        A::ViewStats,
};

struct Expected {
    SiteRole role;
    // One letter per column: Y allowed, o own entries only, . refused.
    const char* access;
};

// clang-format off
constexpr Expected kMatrix[] = {
    //                  users  roles  city cat shop view ver fb  reply grp del audit stats
    //                  V  D   A  H
    {SiteRole::None,   "...............", },
    {SiteRole::Admin,  "Y.....YY.YYY.oY", },
    {SiteRole::Deputy, "YYY.YYYYYYYYYYY", },
    {SiteRole::Owner,  "YYYYYYYYYYYYYYY", },
};
// clang-format on

char letter(ManagerAccess access) {
    switch (access) {
        case ManagerAccess::Allowed:
            return 'Y';
        case ManagerAccess::OwnOnly:
            return 'o';
        case ManagerAccess::Denied:
            return '.';
    }
    return '?';
}

}  // namespace

BOOST_AUTO_TEST_SUITE(manager_rules)

BOOST_AUTO_TEST_CASE(every_role_gets_exactly_its_row_of_the_matrix) {
    for (const Expected& row : kMatrix) {
        BOOST_REQUIRE_EQUAL(std::string(row.access).size(), kActions.size());
        for (std::size_t i = 0; i < kActions.size(); ++i) {
            BOOST_TEST_CONTEXT("role " << siteRoleName(row.role) << ", action column " << i) {
                BOOST_TEST(letter(managerAccess(row.role, kActions[i])) == row.access[i]);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(changing_a_role_below_deputy_needs_only_grant_admin) {
    BOOST_TEST((siteRoleChangeAction(SiteRole::None, SiteRole::Admin) == A::GrantAdmin));
    BOOST_TEST((siteRoleChangeAction(SiteRole::Admin, SiteRole::None) == A::GrantAdmin));
    BOOST_TEST((siteRoleChangeAction(SiteRole::None, SiteRole::None) == A::GrantAdmin));
}

BOOST_AUTO_TEST_CASE(any_change_touching_deputy_or_owner_needs_the_higher_grant) {
    constexpr std::array kHigh = {SiteRole::Deputy, SiteRole::Owner};
    constexpr std::array kAll = {SiteRole::None, SiteRole::Admin, SiteRole::Deputy,
                                 SiteRole::Owner};
    for (const SiteRole high : kHigh) {
        for (const SiteRole other : kAll) {
            BOOST_TEST((siteRoleChangeAction(high, other) == A::GrantHigherRoles));
            BOOST_TEST((siteRoleChangeAction(other, high) == A::GrantHigherRoles));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
