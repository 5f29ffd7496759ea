// Groups themselves: create (site staff only, unique trimmed names, a built-in
// logo), update, delete (memberships go too), info, members and mine.
#define BOOST_TEST_MODULE api_group
#include <atomic>
#include <thread>
#include <utility>
#include <vector>

#include "api_test.hpp"
#include "group_helpers.hpp"

using namespace grouptest;

namespace {

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

// A unique name of exactly `chars` characters: Chinese filler, then an ASCII suffix.
std::string nameOfLength(size_t chars) {
    const std::string suffix = uniqueGroupName("");
    return repeat("满", chars - suffix.size()) + suffix;
}

// A CJK character picked by the clock and `salt` (U+4E00..U+9FFF), as UTF-8.
std::string oneCharacterName(int salt) {
    const unsigned cp = 0x4E00 + static_cast<unsigned>((api::nowMillis() + salt * 7919) % 0x5200);
    std::string out;
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(create_group)

BOOST_AUTO_TEST_CASE(the_site_owner_and_site_admins_may_create_and_become_the_owner) {
    for (const char* role : {"owner", "admin"}) {
        BOOST_TEST_CONTEXT("site " << role) {
            const api::TestUser staff = newStaff(role);
            const std::string groupId = createGroup(staff);
            BOOST_CHECK_EQUAL(infoField(staff, groupId, "myRole"), "owner");
            BOOST_CHECK_EQUAL(infoField(staff, groupId, "ownerId"), uid(staff));
            BOOST_CHECK_EQUAL(infoField(staff, groupId, "memberCount"), "1");
        }
    }
}

BOOST_AUTO_TEST_CASE(a_site_deputy_may_not_create) {
    const std::string name = uniqueGroupName();
    MMX_CHECK_FAILS_WITH(call(kCreate, newStaff("deputy"), {{"groupName", name}}), "FORBIDDEN");
    MMX_CHECK_OK(call(kCreate, newStaff("owner"), {{"groupName", name}}));
}

BOOST_AUTO_TEST_CASE(a_user_without_a_site_role_may_not_create) {
    const api::TestUser plain = api::newUser();
    const std::string name = uniqueGroupName();
    MMX_CHECK_FAILS_WITH(call(kCreate, plain, {{"groupName", name}}), "FORBIDDEN");
    // The name is still free: nothing was made.
    MMX_CHECK_OK(call(kCreate, newStaff("admin"), {{"groupName", name}}));
}

BOOST_AUTO_TEST_CASE(a_revoked_site_role_no_longer_creates) {
    const api::TestUser staff = newStaff("admin");
    MMX_REQUIRE_OK(call(kCreate, staff, {{"groupName", uniqueGroupName()}}));
    BOOST_REQUIRE(setSiteRole(staff.mobile, "none"));
    MMX_CHECK_FAILS_WITH(call(kCreate, staff, {{"groupName", uniqueGroupName()}}), "FORBIDDEN");
}

BOOST_AUTO_TEST_CASE(without_a_logo_one_of_the_built_in_logos_is_picked_and_served_by_nginx) {
    const api::TestUser staff = newStaff("owner");
    std::set<std::string> seen;
    for (int i = 0; i < 12; ++i) {
        const std::string groupId = createGroup(staff);
        const std::string logo = infoField(staff, groupId, "logo");
        BOOST_CHECK_MESSAGE(
            logo.rfind(api::http().baseUrl() + "/upload/images/groupLogo/group-", 0) == 0,
            "logo " << logo);
        seen.insert(logo);
    }
    BOOST_CHECK_MESSAGE(seen.size() >= 2, "12 groups all got the same logo");
    for (const std::string& logo : seen) {
        const api::Response image = api::http().request("GET", logo, "", {});
        BOOST_CHECK_EQUAL(image.status, 200);
        BOOST_CHECK_EQUAL(image.header("content-type"), "image/png");
        BOOST_CHECK(image.body.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
    }
}

BOOST_AUTO_TEST_CASE(a_given_logo_is_kept_and_a_logo_that_is_not_a_url_is_bad_param) {
    const api::TestUser staff = newStaff("admin");
    const std::string url = "https://cdn.example.com/logos/a.png";
    const api::Response r = call(kCreate, staff, {{"groupName", uniqueGroupName()}, {"logo", url}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(infoField(staff, api::scalarText(*r.data("groupId")), "logo"), url);
    for (const char* bad : {"javascript:alert(1)", "/upload/x.png", "ftp://x/y.png"}) {
        BOOST_TEST_CONTEXT("logo " << bad) {
            MMX_CHECK_FAILS_WITH(
                call(kCreate, staff, {{"groupName", uniqueGroupName()}, {"logo", bad}}),
                "BAD_PARAM");
        }
    }
    MMX_CHECK_FAILS_WITH(
        call(kCreate, staff,
             {{"groupName", uniqueGroupName()}, {"logo", "https://x.cn/" + repeat("a", 250)}}),
        "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(names_are_trimmed_and_one_to_thirty_characters) {
    const api::TestUser staff = newStaff("owner");
    const std::string name = uniqueGroupName("前后空格");
    const api::Response r = call(kCreate, staff, {{"groupName", "  " + name + " \t"}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(infoField(staff, api::scalarText(*r.data("groupId")), "groupName"), name);

    MMX_CHECK_OK(call(kCreate, staff, {{"groupName", nameOfLength(30)}}));
    // One character: tried until a free one is found (earlier runs share the stack), then freed.
    for (int tries = 0;; ++tries) {
        const api::Response one = call(kCreate, staff, {{"groupName", oneCharacterName(tries)}});
        if (one.code() == "CONFLICT" && tries < 50) continue;
        MMX_REQUIRE_OK(one);
        MMX_CHECK_OK(call(kDelete, staff, {{"groupId", api::scalarText(*one.data("groupId"))}}));
        break;
    }
    for (const std::string& bad : {nameOfLength(31), std::string(""), std::string("   "),
                                   std::string("坏\x01名字"), std::string("bad\xff\xfe")}) {
        BOOST_TEST_CONTEXT("groupName '" << bad << "'") {
            const api::Response refused = call(kCreate, staff, {{"groupName", bad}});
            MMX_CHECK_FAILS_WITH(refused, "BAD_PARAM");
            BOOST_CHECK(refused.info().find("groupName") != std::string::npos);
        }
    }
    MMX_CHECK_FAILS_WITH(call(kCreate, staff, {}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(a_taken_name_is_conflict_even_with_other_spaces_around_it) {
    const api::TestUser staff = newStaff("admin");
    const std::string name = uniqueGroupName();
    MMX_REQUIRE_OK(call(kCreate, staff, {{"groupName", name}}));
    MMX_CHECK_FAILS_WITH(call(kCreate, staff, {{"groupName", name}}), "CONFLICT");
    MMX_CHECK_FAILS_WITH(call(kCreate, newStaff("owner"), {{"groupName", " " + name + " "}}),
                         "CONFLICT");
}

BOOST_AUTO_TEST_CASE(two_creates_of_one_name_at_once_exactly_one_wins) {
    const api::TestUser first = newStaff("owner");
    const api::TestUser second = newStaff("admin");
    for (int round = 0; round < 5; ++round) {
        BOOST_TEST_CONTEXT("round " << round) {
            const std::string name = uniqueGroupName("竞争");
            api::Response answers[2];
            const api::TestUser* creators[2] = {&first, &second};
            std::atomic<int> ready{0};
            std::vector<std::thread> threads;
            for (int i = 0; i < 2; ++i) {
                threads.emplace_back([&, i] {
                    api::HttpClient client(api::stackEnv().baseUrl);
                    ready++;
                    while (ready.load() < 2) std::this_thread::yield();
                    answers[i] = client.post(kCreate, {{"groupName", name}},
                                             api::authHeaders(creators[i]->session));
                });
            }
            for (auto& t : threads) t.join();
            const int wins = answers[0].success() + answers[1].success();
            BOOST_CHECK_EQUAL(wins, 1);
            for (const auto& a : answers) {
                if (!a.success()) MMX_CHECK_FAILS_WITH(a, "CONFLICT");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(initial_members_join_as_members_and_unknown_ids_are_reported) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const api::Response r = call(kCreate, staff,
                                 {{"groupName", uniqueGroupName()},
                                  {"memberId", uid(a) + "," + uid(b)},
                                  {"memberId", "987654321098"},
                                  {"memberId", uid(staff)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK((idsIn(r, "added") == std::set<std::string>{uid(a), uid(b)}));
    BOOST_CHECK((idsIn(r, "unknownIds") == std::set<std::string>{"987654321098"}));
    const auto roles = rolesOf(staff, api::scalarText(*r.data("groupId")));
    BOOST_CHECK((roles == std::map<std::string, std::string>{
                              {uid(staff), "owner"}, {uid(a), "member"}, {uid(b), "member"}}));
    MMX_CHECK_FAILS_WITH(
        call(kCreate, staff, {{"groupName", uniqueGroupName()}, {"memberId", "x1"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(create_needs_a_session) {
    MMX_CHECK_FAILS_WITH(api::http().post(kCreate, {{"groupName", uniqueGroupName()}},
                                          api::clientHeader(api::uniqueClient())),
                         "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(update_group)

BOOST_AUTO_TEST_CASE(rename_and_new_logo_read_back_and_the_unique_rule_holds) {
    const api::TestUser staff = newStaff("admin");
    const std::string groupId = createGroup(staff);
    const std::string newName = uniqueGroupName("改名");
    MMX_REQUIRE_OK(
        call(kUpdate, staff, {{"groupId", groupId}, {"groupName", " " + newName + " "}}));
    BOOST_CHECK_EQUAL(infoField(staff, groupId, "groupName"), newName);
    MMX_REQUIRE_OK(call(kUpdate, staff, {{"groupId", groupId}, {"logo", "https://x.cn/l.png"}}));
    BOOST_CHECK_EQUAL(infoField(staff, groupId, "logo"), "https://x.cn/l.png");
    BOOST_CHECK_EQUAL(infoField(staff, groupId, "groupName"), newName);
    // Its own name again is no conflict; another group's name is.
    MMX_CHECK_OK(call(kUpdate, staff, {{"groupId", groupId}, {"groupName", newName}}));
    const std::string other = createGroup(staff);
    MMX_CHECK_FAILS_WITH(call(kUpdate, staff, {{"groupId", other}, {"groupName", newName}}),
                         "CONFLICT");
    BOOST_CHECK(infoField(staff, other, "groupName") != newName);
}

BOOST_AUTO_TEST_CASE(update_without_name_or_logo_or_with_bad_values_is_bad_param) {
    const api::TestUser staff = newStaff("admin");
    const std::string groupId = createGroup(staff);
    MMX_CHECK_FAILS_WITH(call(kUpdate, staff, {{"groupId", groupId}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kUpdate, staff, {{"groupId", groupId}, {"groupName", "  "}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        call(kUpdate, staff, {{"groupId", groupId}, {"groupName", nameOfLength(31)}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kUpdate, staff, {{"groupId", groupId}, {"logo", "not a url"}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kUpdate, staff, {{"groupName", "x"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(update_of_an_unknown_group_is_not_found) {
    const api::TestUser staff = newStaff("owner");
    MMX_CHECK_FAILS_WITH(call(kUpdate, staff, {{"groupId", "987654321098"}, {"groupName", "x"}}),
                         "NOT_FOUND");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(delete_group)

BOOST_AUTO_TEST_CASE(delete_takes_the_group_and_every_membership_with_it) {
    const api::TestUser staff = newStaff("admin");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string name = uniqueGroupName();
    const std::string groupId = createGroup(staff, {&a, &b}, name);
    BOOST_REQUIRE(mineIds(a).count(groupId) == 1);
    MMX_REQUIRE_OK(call(kDelete, staff, {{"groupId", groupId}}));

    MMX_CHECK_FAILS_WITH(info(staff, groupId), "NOT_FOUND");
    for (const api::TestUser* u : {&staff, &a, &b}) {
        const api::Response mine = call(kMine, *u, {});
        MMX_REQUIRE_OK(mine);
        BOOST_CHECK(mineIds(*u).count(groupId) == 0);
        MMX_CHECK_FAILS_WITH(call(kQuit, *u, {{"groupId", groupId}}), "NOT_FOUND");
    }
    // The name is free again.
    MMX_CHECK_OK(call(kCreate, staff, {{"groupName", name}}));
    MMX_CHECK_FAILS_WITH(call(kDelete, staff, {{"groupId", groupId}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(read_group)

BOOST_AUTO_TEST_CASE(info_shows_the_group_and_my_place_in_it) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const long long before = api::nowMillis();
    const std::string groupId = createGroup(staff, {&a});
    MMX_REQUIRE_OK(
        call(kSeting, a, {{"groupId", groupId}, {"showName", "小王"}, {"messageRemainMode", "2"}}));

    const api::Response r = info(a, groupId);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("groupId")), groupId);
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("ownerId")), uid(staff));
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("memberCount")), "2");
    BOOST_CHECK(r.data("maxMembers") != nullptr && r.data("maxMembers")->IsInt64());
    BOOST_CHECK(r.data("createdAt")->GetInt64() >= before - 5000);
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("myRole")), "member");
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("showName")), "小王");
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("messageRemainMode")), "2");
    BOOST_CHECK(r.data("groupName") != nullptr && r.data("logo") != nullptr);
    MMX_CHECK_OK(api::http().get(kInfo, {{"groupId", groupId}}, api::authHeaders(a.session)));
}

BOOST_AUTO_TEST_CASE(info_of_a_stranger_is_forbidden_and_of_no_group_not_found) {
    const api::TestUser staff = newStaff("owner");
    const std::string groupId = createGroup(staff);
    MMX_CHECK_FAILS_WITH(info(api::newUser(), groupId), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(info(staff, "987654321098"), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(info(staff, "abc"), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kInfo, staff, {}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(members_lists_owner_then_admins_then_members_with_cards_and_pages) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const api::TestUser c = api::newUser();
    const std::string groupId = createGroup(staff, {&a, &b, &c});
    promote(staff, groupId, c);
    MMX_REQUIRE_OK(call(kSeting, b, {{"groupId", groupId}, {"showName", "群里的B"}}));

    const api::Response r = call(kMembers, a, {{"groupId", groupId}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("memberCount")), "4");
    const auto& list = *r.data("members");
    BOOST_REQUIRE_EQUAL(list.Size(), 4u);
    BOOST_CHECK_EQUAL(api::scalarText(list[0]["userId"]), uid(staff));
    BOOST_CHECK_EQUAL(api::scalarText(list[0]["role"]), "owner");
    BOOST_CHECK_EQUAL(api::scalarText(list[1]["userId"]), uid(c));
    BOOST_CHECK_EQUAL(api::scalarText(list[1]["role"]), "admin");
    BOOST_CHECK_EQUAL(api::scalarText(list[2]["userId"]), uid(a));
    BOOST_CHECK_EQUAL(api::scalarText(list[3]["showName"]), "群里的B");
    for (const auto& m : list.GetArray()) {
        for (const char* field :
             {"userId", "nickName", "userPhoto", "role", "showName", "joinedAt"}) {
            BOOST_CHECK_MESSAGE(m.HasMember(field), "member card lacks " << field);
        }
        BOOST_CHECK(!m.HasMember("phoneNumber") && !m.HasMember("street"));
    }
    BOOST_CHECK(r.body.find(a.mobile) == std::string::npos);

    const api::Response page =
        call(kMembers, a, {{"groupId", groupId}, {"offset", "1"}, {"count", "2"}});
    MMX_REQUIRE_OK(page);
    BOOST_REQUIRE_EQUAL(page.data("members")->Size(), 2u);
    BOOST_CHECK_EQUAL(api::scalarText((*page.data("members"))[0]["userId"]), uid(c));
    BOOST_CHECK_EQUAL(api::scalarText((*page.data("members"))[1]["userId"]), uid(a));

    MMX_CHECK_FAILS_WITH(call(kMembers, a, {{"groupId", groupId}, {"count", "201"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kMembers, a, {{"groupId", groupId}, {"count", "0"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(kMembers, a, {{"groupId", groupId}, {"offset", "-1"}}), "BAD_PARAM");
    MMX_CHECK_OK(call(kMembers, a, {{"groupId", groupId}, {"count", "200"}}));
    MMX_CHECK_FAILS_WITH(call(kMembers, api::newUser(), {{"groupId", groupId}}), "FORBIDDEN");
}

BOOST_AUTO_TEST_CASE(mine_lists_my_groups_in_the_chat_list_shape_of_seed_000) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const std::string first = createGroup(staff, {&a});
    const std::string second = createGroup(staff, {&a});
    createGroup(staff);  // a is not in this one

    const api::Response r = call(kMine, a, {});
    MMX_REQUIRE_OK(r);
    const rapidjson::Value* groups = r.data("groups");
    BOOST_REQUIRE(groups != nullptr && groups->IsArray());
    BOOST_REQUIRE_EQUAL(groups->Size(), 2u);
    std::set<std::string> ids;
    for (const auto& g : groups->GetArray()) {
        ids.insert(api::scalarText(g["id"]));
        for (const char* field : {"id", "name", "logo", "type", "friend_list"}) {
            BOOST_CHECK_MESSAGE(g.HasMember(field), "chat list entry lacks " << field);
        }
        BOOST_CHECK_EQUAL(api::scalarText(g["type"]), "group");
        BOOST_CHECK_EQUAL(api::scalarText(g["role"]), "member");
        const auto& friends = g["friend_list"];
        BOOST_REQUIRE(friends.IsArray());
        BOOST_REQUIRE_EQUAL(friends.Size(), 2u);
        BOOST_CHECK_EQUAL(api::scalarText(friends[0]["id"]), uid(staff));
        BOOST_CHECK(friends[0].HasMember("name") && friends[0].HasMember("logo"));
    }
    BOOST_CHECK((ids == std::set<std::string>{first, second}));
    MMX_CHECK_OK(api::http().get(kMine, {}, api::authHeaders(a.session)));

    const api::Response none = call(kMine, api::newUser(), {});
    MMX_REQUIRE_OK(none);
    BOOST_CHECK_EQUAL(none.data("groups")->Size(), 0u);
}

BOOST_AUTO_TEST_CASE(mine_pages_by_group_id_with_offset_and_count_and_reports_the_total) {
    const api::TestUser staff = newStaff("owner");
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::vector<std::string> created{createGroup(staff, {&a}), createGroup(staff, {&a}),
                                           createGroup(staff, {&a, &b})};
    const auto page = [&](const api::Params& params) {
        const api::Response r = call(kMine, a, params);
        BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
        BOOST_REQUIRE_MESSAGE(r.data("total") != nullptr, "no total");
        BOOST_CHECK_EQUAL(api::scalarText(*r.data("total")), "3");
        std::vector<std::string> ids;
        std::vector<unsigned> previews;
        for (const auto& g : r.data("groups")->GetArray()) {
            ids.push_back(api::scalarText(g["id"]));
            previews.push_back(g["friend_list"].Size());
        }
        return std::make_pair(ids, previews);
    };

    const auto first = page({{"count", "2"}});
    BOOST_CHECK((first.first == std::vector<std::string>{created[0], created[1]}));
    BOOST_CHECK((first.second == std::vector<unsigned>{2, 2}));
    const auto rest = page({{"offset", "2"}, {"count", "2"}});
    BOOST_CHECK((rest.first == std::vector<std::string>{created[2]}));
    BOOST_CHECK((rest.second == std::vector<unsigned>{3}));  // previews of the page's group
    BOOST_CHECK(page({{"offset", "3"}}).first.empty());
    BOOST_CHECK_EQUAL(page({}).first.size(), 3u);  // default count 50

    for (const api::Params& bad : std::vector<api::Params>{
             {{"count", "0"}}, {{"count", "201"}}, {{"count", "x"}}, {{"offset", "-1"}}}) {
        MMX_CHECK_FAILS_WITH(call(kMine, a, bad), "BAD_PARAM");
    }
}

BOOST_AUTO_TEST_CASE(the_chat_list_preview_shows_at_most_nine_members) {
    const api::TestUser staff = newStaff("owner");
    std::vector<api::TestUser> users;
    for (int i = 0; i < 10; ++i) users.push_back(api::newUser());
    std::vector<const api::TestUser*> members;
    for (const auto& u : users) members.push_back(&u);
    const api::Response r = call(kCreate, staff, [&] {
        api::Params p{{"groupName", uniqueGroupName()}};
        for (const auto* m : members) p.emplace_back("memberId", uid(*m));
        return p;
    }());
    if (!r.success() && r.code() == "CONFLICT") {
        BOOST_TEST_MESSAGE("the stack's member cap is below 11; preview checked with what fits");
        return;
    }
    MMX_REQUIRE_OK(r);
    const api::Response mine = call(kMine, users[0], {});
    MMX_REQUIRE_OK(mine);
    BOOST_CHECK_EQUAL((*mine.data("groups"))[0]["friend_list"].Size(), 9u);
    BOOST_CHECK_EQUAL(api::scalarText((*mine.data("groups"))[0]["memberCount"]), "11");
}

BOOST_AUTO_TEST_CASE(every_group_route_needs_a_session) {
    for (const std::string& route : {kCreate, kUpdate, kDelete, kInfo, kMembers, kMine, kAddMembers,
                                     kRemoveMembers, kSetAdmin, kTransfer, kQuit, kSeting}) {
        BOOST_TEST_CONTEXT(route) {
            MMX_CHECK_FAILS_WITH(
                api::http().post(route, {{"groupId", "1"}}, api::clientHeader(api::uniqueClient())),
                "AUTH_REQUIRED");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
