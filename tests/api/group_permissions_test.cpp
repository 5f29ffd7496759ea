// The group permission matrix through nginx: every site role (none, admin, deputy,
// owner) times every group role (none, member, admin, owner) against every action,
// and for removal against every target role. Each case gets a fresh group, so a
// refusal is also checked to have changed nothing.
#define BOOST_TEST_MODULE api_group_permissions
#include "api_test.hpp"
#include "group_helpers.hpp"

using namespace grouptest;

namespace {

const std::vector<std::string> kSiteRoles = {"none", "admin", "deputy", "owner"};
const std::vector<std::string> kGroupRoles = {"none", "member", "admin", "owner"};

bool isStaff(const std::string& site) {
    return site != "none";
}
bool isManager(const std::string& group) {
    return group == "owner" || group == "admin";
}

// "Who may remove whom", bullet by bullet.
bool mayRemove(const std::string& site, const std::string& group, const std::string& target) {
    if (target == "owner") return false;                    // nobody removes the group owner
    if (site == "owner") return true;                       // the site owner: anyone else
    if (group == "owner" || site == "deputy") return true;  // admins and members
    if (group == "admin") return target == "member";        // plain members only
    return false;
}

// The people of the matrix: one actor per site role, the group's maker (a site
// owner), two targets, and someone to add.
struct People {
    std::map<std::string, api::TestUser> actors;
    api::TestUser boss;
    api::TestUser member;
    api::TestUser admin;
    api::TestUser outsider;
};

const People& people() {
    static const People p = [] {
        People made;
        for (const auto& site : kSiteRoles) made.actors.emplace(site, newStaff(site));
        made.boss = newStaff("owner");
        made.member = api::newUser();
        made.admin = api::newUser();
        made.outsider = api::newUser();
        return made;
    }();
    return p;
}

struct Group {
    std::string id;
    const api::TestUser* owner;
};

// A group made by the boss where the actor holds `group`, with a plain member
// and an admin beside them.
Group groupWith(const api::TestUser& actor, const std::string& group) {
    const People& p = people();
    std::vector<const api::TestUser*> members{&p.member, &p.admin};
    if (group != "none") members.push_back(&actor);
    const std::string id = createGroup(p.boss, members);
    promote(p.boss, id, p.admin);
    if (group == "admin") promote(p.boss, id, actor);
    if (group == "owner") {
        transferTo(p.boss, id, actor);
        return {id, &actor};
    }
    return {id, &p.boss};
}

void expectAnswer(const api::Response& r, bool allowed) {
    if (allowed) {
        MMX_CHECK_OK(r);
    } else {
        MMX_CHECK_FAILS_WITH(r, "FORBIDDEN");
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(who_may_remove_whom_for_every_actor_and_target) {
    const People& p = people();
    for (const auto& site : kSiteRoles) {
        for (const auto& group : kGroupRoles) {
            for (const std::string target : {"member", "admin", "owner"}) {
                BOOST_TEST_CONTEXT("site " << site << ", group " << group << " removes a "
                                           << target) {
                    const api::TestUser& actor = p.actors.at(site);
                    const Group g = groupWith(actor, group);
                    const api::TestUser& victim = target == "member"  ? p.member
                                                  : target == "admin" ? p.admin
                                                                      : *g.owner;
                    const bool allowed = mayRemove(site, group, target);
                    expectAnswer(
                        call(kRemoveMembers, actor, {{"groupId", g.id}, {"memberId", uid(victim)}}),
                        allowed);
                    BOOST_CHECK_EQUAL(rolesOf(*g.owner, g.id).count(uid(victim)),
                                      allowed ? 0u : 1u);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(create_is_for_the_site_owner_and_site_admins_only) {
    for (const auto& site : kSiteRoles) {
        BOOST_TEST_CONTEXT("site " << site) {
            expectAnswer(
                call(kCreate, people().actors.at(site), {{"groupName", uniqueGroupName()}}),
                site == "owner" || site == "admin");
        }
    }
}

BOOST_AUTO_TEST_CASE(
    every_actor_against_info_members_update_add_set_admin_show_name_settings_delete) {
    const People& p = people();
    for (const auto& site : kSiteRoles) {
        for (const auto& group : kGroupRoles) {
            BOOST_TEST_CONTEXT("site " << site << ", group " << group) {
                const api::TestUser& actor = p.actors.at(site);
                const Group g = groupWith(actor, group);
                const api::TestUser& owner = *g.owner;
                const bool member = group != "none";

                expectAnswer(info(actor, g.id), member || isStaff(site));
                expectAnswer(call(kMembers, actor, {{"groupId", g.id}}), member);

                const std::string newName = uniqueGroupName("改");
                const bool mayUpdate = isManager(group) || isStaff(site);
                expectAnswer(call(kUpdate, actor, {{"groupId", g.id}, {"groupName", newName}}),
                             mayUpdate);
                BOOST_CHECK_EQUAL(infoField(owner, g.id, "groupName") == newName, mayUpdate);

                const bool mayAdd = isManager(group) || isStaff(site);
                expectAnswer(
                    call(kAddMembers, actor, {{"groupId", g.id}, {"memberId", uid(p.outsider)}}),
                    mayAdd);
                BOOST_CHECK_EQUAL(rolesOf(owner, g.id).count(uid(p.outsider)), mayAdd ? 1u : 0u);

                const bool maySetAdmin = group == "owner";
                expectAnswer(call(kSetAdmin, actor,
                                  {{"groupId", g.id}, {"memberId", uid(p.member)}, {"admin", "1"}}),
                             maySetAdmin);
                BOOST_CHECK_EQUAL(rolesOf(owner, g.id).at(uid(p.member)),
                                  maySetAdmin ? "admin" : "member");
                if (maySetAdmin) {
                    MMX_CHECK_OK(
                        call(kSetAdmin, actor,
                             {{"groupId", g.id}, {"memberId", uid(p.member)}, {"admin", "0"}}));
                }

                const bool mayName = isManager(group);
                const std::string card = "名片" + uniqueGroupName("");
                expectAnswer(
                    call(kSeting, actor,
                         {{"groupId", g.id}, {"memberId", uid(p.member)}, {"showName", card}}),
                    mayName);
                BOOST_CHECK_EQUAL(infoField(p.member, g.id, "showName") == card, mayName);
                MMX_CHECK_FAILS_WITH(call(kSeting, actor,
                                          {{"groupId", g.id},
                                           {"memberId", uid(p.member)},
                                           {"messageRemainMode", "2"}}),
                                     "FORBIDDEN");
                expectAnswer(call(kSeting, actor, {{"groupId", g.id}, {"messageRemainMode", "2"}}),
                             member);

                const bool mayDelete = group == "owner" || site == "owner";
                expectAnswer(call(kDelete, actor, {{"groupId", g.id}}), mayDelete);
                if (mayDelete) {
                    MMX_CHECK_FAILS_WITH(info(p.boss, g.id), "NOT_FOUND");
                } else {
                    MMX_CHECK_OK(info(p.boss, g.id));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(every_actor_against_transfer_and_quit) {
    const People& p = people();
    for (const auto& site : kSiteRoles) {
        for (const auto& group : kGroupRoles) {
            BOOST_TEST_CONTEXT("site " << site << ", group " << group) {
                const api::TestUser& actor = p.actors.at(site);
                const Group g = groupWith(actor, group);
                const bool mayTransfer = group == "owner";
                expectAnswer(
                    call(kTransfer, actor, {{"groupId", g.id}, {"memberId", uid(p.member)}}),
                    mayTransfer);
                BOOST_CHECK_EQUAL(infoField(p.boss, g.id, "ownerId"),
                                  mayTransfer ? uid(p.member) : uid(*g.owner));
                // Whoever is in the group, the former owner included, may now leave it.
                expectAnswer(call(kQuit, actor, {{"groupId", g.id}}), group != "none");
                BOOST_CHECK_EQUAL(mineIds(actor).count(g.id), 0u);
            }
        }
    }
}
