// The friend and group use cases called as plain functions, with no FastCGI in between.
#include <boost/test/unit_test.hpp>
#include <functional>

#include "core/api_error.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "db/friend_repository.hpp"
#include "db/group_repository.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"
#include "services/friend_requests.hpp"
#include "services/group_members.hpp"
#include "services/groups.hpp"

using namespace mmx;
using dbtest::codeOf;
using dbtest::newUser;

namespace {

// What scripts/admin site-role does, for a user made by the test.
constexpr std::string_view kGrantSiteRole = "UPDATE users SET site_role = ? WHERE id = ?";

std::int64_t newSiteAdmin(Services& services) {
    const std::int64_t id = newUser(services);
    services.db.execute(kGrantSiteRole, {std::string_view("admin"), id});
    return id;
}

services::NewGroup groupOf(std::vector<std::int64_t> memberIds) {
    services::NewGroup group;
    group.name = "服务测试" + randomHex(8);
    group.logo = "https://example.com/logo.png";
    group.memberIds = std::move(memberIds);
    return group;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(friend_and_group_services, dbtest::Stack)

BOOST_AUTO_TEST_CASE(an_invitation_waits_and_its_acceptance_makes_friends_both_ways) {
    Services services(config);
    const std::int64_t asker = newUser(services);
    const std::int64_t asked = newUser(services);
    services::Invitee invitee;
    invitee.userId = asked;
    const auto invited = services::inviteFriend(services, asker, invitee, std::nullopt);
    BOOST_TEST(invited.friendId == asked);
    BOOST_TEST(!invited.added);
    db::FriendRepository friends(services.db);
    BOOST_TEST(!friends.areFriends(asker, asked));

    services::acceptFriendRequest(services, asked, asker);
    BOOST_TEST(friends.areFriends(asker, asked));
    BOOST_TEST(friends.areFriends(asked, asker));
    BOOST_TEST((codeOf([&] { services::acceptFriendRequest(services, asked, asker); }) ==
                ErrorCode::NotFound));
}

BOOST_AUTO_TEST_CASE(creating_a_group_is_refused_without_a_site_role) {
    Services services(config);
    const std::int64_t plain = newUser(services);
    BOOST_TEST((codeOf([&] { services::createGroup(services, plain, groupOf({})); }) ==
                ErrorCode::Forbidden));
}

BOOST_AUTO_TEST_CASE(initial_members_past_the_cap_create_no_group) {
    Config tight = config;
    tight.groupMaxMembers = 2;
    Services services(tight);
    const std::int64_t creator = newSiteAdmin(services);
    const services::NewGroup group = groupOf({newUser(services), newUser(services)});
    BOOST_TEST(
        (codeOf([&] { services::createGroup(services, creator, group); }) == ErrorCode::Conflict));
    // Nothing of the refused group stayed: its name is free, and one member fits.
    services::NewGroup smaller = group;
    smaller.memberIds.pop_back();
    const auto created = services::createGroup(services, creator, smaller);
    BOOST_TEST(created.added == smaller.memberIds);
    BOOST_TEST(db::GroupRepository(services.db).memberCount(created.groupId) == 2);
}

BOOST_AUTO_TEST_CASE(a_removal_list_naming_the_owner_removes_nobody) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    const std::int64_t admin = newUser(services);
    const std::int64_t member = newUser(services);
    const auto created = services::createGroup(services, owner, groupOf({admin, member}));
    services::setGroupAdmin(services, owner, created.groupId, admin, true);

    BOOST_TEST((codeOf([&] {
                    services::removeGroupMembers(services, admin, created.groupId, {member, owner});
                }) == ErrorCode::Forbidden));
    db::GroupRepository groups(services.db);
    BOOST_TEST((groups.roleOf(created.groupId, member) == GroupRole::Member));
    const auto removed = services::removeGroupMembers(services, admin, created.groupId, {member});
    BOOST_TEST(removed.removed == std::vector<std::int64_t>{member});
    BOOST_TEST(removed.memberCount == 2);
}

BOOST_AUTO_TEST_SUITE_END()
