// Memberships: addMembers (reports unknown ids and existing members, the cap on
// every add), removeMembers (a list with one forbidden target fails whole),
// setAdmin, transfer, quit, and setingGroup.
//
// The member cap is a server setting; the test stack runs with
// MMX_GROUP_MAX_MEMBERS=5 (tests/api/CMakeLists.txt) so that a group can be filled.
#define BOOST_TEST_MODULE api_group_members
#include "api_test.hpp"
#include "group_helpers.hpp"

using namespace grouptest;

namespace {

long long maxMembersOf(const api::TestUser& reader, const std::string& groupId) {
    return std::stoll(infoField(reader, groupId, "maxMembers"));
}

api::Params idsParams(const std::string& groupId, const std::vector<const api::TestUser*>& users) {
    api::Params p{{"groupId", groupId}};
    for (const auto* u : users) p.emplace_back("memberId", uid(*u));
    return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(add_members)

BOOST_AUTO_TEST_CASE(added_members_join_and_unknown_ids_and_existing_members_are_reported) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string groupId = createGroup(staff, {&a});
    const api::Response r = call(kAddMembers, staff,
                                 {{"groupId", groupId},
                                  {"memberId", uid(a)},
                                  {"memberId", uid(b) + ",987654321098"},
                                  {"memberId", uid(b)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((idsIn(r, "added") == std::set<std::string>{uid(b)}));
    BOOST_CHECK((idsIn(r, "alreadyMembers") == std::set<std::string>{uid(a)}));
    BOOST_CHECK((idsIn(r, "unknownIds") == std::set<std::string>{"987654321098"}));
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("memberCount")), "3");
    BOOST_CHECK_EQUAL(rolesOf(staff, groupId).at(uid(b)), "member");
    BOOST_CHECK(mineIds(b).count(groupId) == 1);
}

BOOST_AUTO_TEST_CASE(add_without_ids_or_with_bad_ids_is_bad_param_and_to_no_group_not_found) {
    const api::TestUser staff = newStaff("owner");
    const std::string groupId = createGroup(staff);
    MMX_CHECK_FAILS_WITH(call(kAddMembers, staff, {{"groupId", groupId}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kAddMembers, staff, {{"groupId", groupId}, {"memberId", "-4"}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kAddMembers, staff, {{"groupId", groupId}, {"memberId", "1,x"}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        call(kAddMembers, staff, {{"groupId", "987654321098"}, {"memberId", uid(staff)}}),
        "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(the_member_cap_holds_on_every_add_and_an_add_past_it_changes_nothing) {
    const api::TestUser staff = newStaff("admin");
    const std::string groupId = createGroup(staff);
    const long long cap = maxMembersOf(staff, groupId);
    BOOST_REQUIRE_MESSAGE(cap <= 20,
                          "the test stack must run with a small MMX_GROUP_MAX_MEMBERS "
                          "(tests/api/CMakeLists.txt sets 5); this group's cap is "
                              << cap);
    std::vector<api::TestUser> users;
    for (long long i = 0; i < cap + 1; ++i) users.push_back(api::newUser());

    // Up to the cap, one by one and two at a time: the owner counts.
    long long count = 1;
    for (size_t i = 0; count < cap; ++i) {
        std::vector<const api::TestUser*> batch{&users[2 * i]};
        if (count + 2 <= cap) batch.push_back(&users[2 * i + 1]);
        MMX_REQUIRE_OK(call(kAddMembers, staff, idsParams(groupId, batch)));
        count += static_cast<long long>(batch.size());
    }
    BOOST_REQUIRE_EQUAL(infoField(staff, groupId, "memberCount"), std::to_string(cap));

    const api::TestUser& late = users.back();
    MMX_CHECK_FAILS_WITH(call(kAddMembers, staff, idsParams(groupId, {&late})), "CONFLICT");
    BOOST_CHECK_EQUAL(infoField(staff, groupId, "memberCount"), std::to_string(cap));
    BOOST_CHECK(mineIds(late).count(groupId) == 0);

    // One leaves: one may come in, and then the group is full again.
    std::string leaving;
    for (const auto& [id, role] : rolesOf(staff, groupId)) {
        if (role == "member") leaving = id;
    }
    MMX_REQUIRE_OK(call(kRemoveMembers, staff, {{"groupId", groupId}, {"memberId", leaving}}));
    MMX_CHECK_OK(call(kAddMembers, staff, idsParams(groupId, {&late})));
    MMX_CHECK_FAILS_WITH(call(kAddMembers, staff, {{"groupId", groupId}, {"memberId", leaving}}),
                         "CONFLICT");
}

BOOST_AUTO_TEST_CASE(a_batch_that_would_pass_the_cap_fails_whole) {
    const api::TestUser staff = newStaff("owner");
    const std::string groupId = createGroup(staff);
    const long long cap = maxMembersOf(staff, groupId);
    BOOST_REQUIRE_MESSAGE(cap <= 20, "the test stack must run with a small MMX_GROUP_MAX_MEMBERS");
    std::vector<api::TestUser> users;
    for (long long i = 0; i < cap; ++i) users.push_back(api::newUser());
    std::vector<const api::TestUser*> all;
    for (const auto& u : users) all.push_back(&u);
    const api::Response r = call(kAddMembers, staff, idsParams(groupId, all));  // owner + cap > cap
    MMX_CHECK_FAILS_WITH(r, "CONFLICT");
    BOOST_CHECK_EQUAL(infoField(staff, groupId, "memberCount"), "1");
    // Creating with as many initial members is refused the same way, and makes no group.
    const std::string name = uniqueGroupName();
    api::Params create{{"groupName", name}};
    for (const auto* u : all) create.emplace_back("memberId", uid(*u));
    MMX_CHECK_FAILS_WITH(call(kCreate, staff, create), "CONFLICT");
    create.pop_back();
    MMX_CHECK_OK(call(kCreate, staff, create));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(remove_members)

BOOST_AUTO_TEST_CASE(a_list_with_one_forbidden_target_fails_whole) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser admin = api::newUser();
    const api::TestUser otherAdmin = api::newUser();
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string groupId = createGroup(staff, {&admin, &otherAdmin, &a});
    promote(staff, groupId, admin);
    promote(staff, groupId, otherAdmin);
    MMX_REQUIRE_OK(call(kAddMembers, admin, idsParams(groupId, {&b})));
    const auto before = rolesOf(staff, groupId);

    MMX_CHECK_FAILS_WITH(call(kRemoveMembers, admin, idsParams(groupId, {&a, &otherAdmin, &b})),
                         "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(call(kRemoveMembers, admin, idsParams(groupId, {&a, &staff})),
                         "FORBIDDEN");
    BOOST_CHECK((rolesOf(staff, groupId) == before));

    const api::Response r = call(
        kRemoveMembers, admin,
        {{"groupId", groupId}, {"memberId", uid(a) + "," + uid(b)}, {"memberId", "987654321098"}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((idsIn(r, "removed") == std::set<std::string>{uid(a), uid(b)}));
    BOOST_CHECK((idsIn(r, "notMembers") == std::set<std::string>{"987654321098"}));
    BOOST_CHECK_EQUAL(rolesOf(staff, groupId).size(), 3u);
    BOOST_CHECK(mineIds(a).count(groupId) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(roles)

BOOST_AUTO_TEST_CASE(set_admin_promotes_and_demotes_and_only_the_owner_may) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string groupId = createGroup(staff, {&a, &b});
    promote(staff, groupId, a);
    BOOST_CHECK_EQUAL(rolesOf(staff, groupId).at(uid(a)), "admin");
    MMX_CHECK_FAILS_WITH(
        call(kSetAdmin, a, {{"groupId", groupId}, {"memberId", uid(b)}, {"admin", "1"}}),
        "FORBIDDEN");
    MMX_REQUIRE_OK(
        call(kSetAdmin, staff, {{"groupId", groupId}, {"memberId", uid(a)}, {"admin", "0"}}));
    BOOST_CHECK_EQUAL(rolesOf(staff, groupId).at(uid(a)), "member");
    MMX_CHECK_FAILS_WITH(
        call(kSetAdmin, staff, {{"groupId", groupId}, {"memberId", uid(staff)}, {"admin", "0"}}),
        "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(
        call(kSetAdmin, staff, {{"groupId", groupId}, {"memberId", uid(a)}, {"admin", "2"}}),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kSetAdmin, staff, {{"groupId", groupId}, {"memberId", uid(a)}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kSetAdmin, staff,
                              {{"groupId", groupId}, {"memberId", "987654321098"}, {"admin", "1"}}),
                         "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(quit_by_the_owner_is_conflict_and_after_a_transfer_is_allowed) {
    const api::TestUser staff = newStaff("admin");
    const api::TestUser a = api::newUser();
    const std::string groupId = createGroup(staff, {&a});
    MMX_CHECK_FAILS_WITH(call(kQuit, staff, {{"groupId", groupId}}), "CONFLICT");
    BOOST_CHECK_EQUAL(rolesOf(staff, groupId).at(uid(staff)), "owner");

    MMX_CHECK_FAILS_WITH(call(kTransfer, staff, {{"groupId", groupId}, {"memberId", uid(staff)}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kTransfer, a, {{"groupId", groupId}, {"memberId", uid(staff)}}),
                         "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(
        call(kTransfer, staff, {{"groupId", groupId}, {"memberId", uid(api::newUser())}}),
        "NOT_FOUND");
    transferTo(staff, groupId, a);
    const auto roles = rolesOf(a, groupId);
    BOOST_CHECK_EQUAL(roles.at(uid(a)), "owner");
    BOOST_CHECK_EQUAL(roles.at(uid(staff)), "admin");
    BOOST_CHECK_EQUAL(infoField(a, groupId, "ownerId"), uid(a));

    MMX_REQUIRE_OK(call(kQuit, staff, {{"groupId", groupId}}));
    BOOST_CHECK(mineIds(staff).count(groupId) == 0);
    BOOST_CHECK_EQUAL(rolesOf(a, groupId).size(), 1u);
    MMX_CHECK_FAILS_WITH(call(kQuit, a, {{"groupId", groupId}}), "CONFLICT");
}

BOOST_AUTO_TEST_CASE(a_member_and_an_admin_may_quit_and_a_stranger_may_not) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string groupId = createGroup(staff, {&a, &b});
    promote(staff, groupId, b);
    MMX_CHECK_OK(call(kQuit, a, {{"groupId", groupId}}));
    MMX_CHECK_OK(call(kQuit, b, {{"groupId", groupId}}));
    MMX_CHECK_FAILS_WITH(call(kQuit, a, {{"groupId", groupId}}), "FORBIDDEN");
    BOOST_CHECK_EQUAL(infoField(staff, groupId, "memberCount"), "1");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(seting_group)

BOOST_AUTO_TEST_CASE(a_member_sets_their_own_show_name_and_remain_mode_and_empty_leaves_them) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const std::string groupId = createGroup(staff, {&a});
    BOOST_CHECK_EQUAL(infoField(a, groupId, "messageRemainMode"), "1");
    const api::Response r = call(
        kSeting, a, {{"groupId", groupId}, {"messageRemainMode", "2"}, {"showName", "彪彪小王子"}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(r.info(), "群设置成功");
    BOOST_CHECK_EQUAL(infoField(a, groupId, "messageRemainMode"), "2");
    BOOST_CHECK_EQUAL(infoField(a, groupId, "showName"), "彪彪小王子");

    MMX_REQUIRE_OK(call(kSeting, a,
                        {{"groupId", groupId}, {"messageRemainMode", ""}, {"showName", "新名片"}}));
    BOOST_CHECK_EQUAL(infoField(a, groupId, "messageRemainMode"), "2");
    MMX_REQUIRE_OK(
        call(kSeting, a, {{"groupId", groupId}, {"messageRemainMode", "1"}, {"showName", ""}}));
    BOOST_CHECK_EQUAL(infoField(a, groupId, "messageRemainMode"), "1");
    BOOST_CHECK_EQUAL(infoField(a, groupId, "showName"), "新名片");
    // Self named explicitly is the same as not naming a target.
    MMX_CHECK_OK(
        call(kSeting, a, {{"groupId", groupId}, {"memberId", uid(a)}, {"messageRemainMode", "2"}}));
    BOOST_CHECK_EQUAL(infoField(a, groupId, "messageRemainMode"), "2");
}

BOOST_AUTO_TEST_CASE(bad_settings_are_bad_param_and_change_nothing) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const std::string groupId = createGroup(staff, {&a});
    std::string fifty, fiftyOne;
    for (int i = 0; i < 50; ++i) fifty += "名";
    fiftyOne = fifty + "字";
    MMX_CHECK_OK(call(kSeting, a, {{"groupId", groupId}, {"showName", fifty}}));
    for (const api::Params& bad : std::vector<api::Params>{
             {{"groupId", groupId}},
             {{"groupId", groupId}, {"messageRemainMode", ""}, {"showName", "  "}},
             {{"groupId", groupId}, {"messageRemainMode", "3"}},
             {{"groupId", groupId}, {"messageRemainMode", "0"}},
             {{"groupId", groupId}, {"messageRemainMode", "x"}},
             {{"groupId", groupId}, {"showName", fiftyOne}},
             {{"groupId", groupId}, {"showName", "ok"}, {"messageRemainMode", "9"}},
             {{"messageRemainMode", "1"}}}) {
        BOOST_TEST_CONTEXT(bad.size() << " params") {
            MMX_CHECK_FAILS_WITH(call(kSeting, a, bad), "BAD_PARAM");
        }
    }
    BOOST_CHECK_EQUAL(infoField(a, groupId, "showName"), fifty);
    BOOST_CHECK_EQUAL(infoField(a, groupId, "messageRemainMode"), "1");
}

BOOST_AUTO_TEST_CASE(an_admin_sets_another_members_show_name_but_never_their_remain_mode) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser admin = api::newUser();
    const api::TestUser a = api::newUser();
    const std::string groupId = createGroup(staff, {&admin, &a});
    promote(staff, groupId, admin);
    MMX_REQUIRE_OK(call(kSeting, admin,
                        {{"groupId", groupId}, {"memberId", uid(a)}, {"showName", "管理员改的"}}));
    BOOST_CHECK_EQUAL(infoField(a, groupId, "showName"), "管理员改的");
    MMX_CHECK_FAILS_WITH(
        call(kSeting, admin,
             {{"groupId", groupId}, {"memberId", uid(a)}, {"messageRemainMode", "2"}}),
        "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(call(kSeting, admin,
                              {{"groupId", groupId},
                               {"memberId", uid(a)},
                               {"showName", "又改"},
                               {"messageRemainMode", "2"}}),
                         "FORBIDDEN");
    BOOST_CHECK_EQUAL(infoField(a, groupId, "showName"), "管理员改的");
    BOOST_CHECK_EQUAL(infoField(a, groupId, "messageRemainMode"), "1");
    // The owner may set an admin's; an admin may not set the owner's.
    MMX_CHECK_OK(call(kSeting, staff,
                      {{"groupId", groupId}, {"memberId", uid(admin)}, {"showName", "群主改的"}}));
    BOOST_CHECK_EQUAL(infoField(admin, groupId, "showName"), "群主改的");
    MMX_CHECK_FAILS_WITH(
        call(kSeting, admin, {{"groupId", groupId}, {"memberId", uid(staff)}, {"showName", "x"}}),
        "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(
        call(kSeting, admin,
             {{"groupId", groupId}, {"memberId", uid(api::newUser())}, {"showName", "x"}}),
        "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(a_plain_member_may_not_set_another_members_show_name) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string groupId = createGroup(staff, {&a, &b});
    MMX_REQUIRE_OK(call(kSeting, b, {{"groupId", groupId}, {"showName", "我自己"}}));
    MMX_CHECK_FAILS_WITH(
        call(kSeting, a, {{"groupId", groupId}, {"memberId", uid(b)}, {"showName", "冒名"}}),
        "FORBIDDEN");
    BOOST_CHECK_EQUAL(infoField(b, groupId, "showName"), "我自己");
    MMX_CHECK_FAILS_WITH(
        call(kSeting, api::newUser(), {{"groupId", groupId}, {"showName", "外人"}}), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(call(kSeting, a, {{"groupId", "987654321098"}, {"showName", "x"}}),
                         "NOT_FOUND");
}

BOOST_AUTO_TEST_SUITE_END()
