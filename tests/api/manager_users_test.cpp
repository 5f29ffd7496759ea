// The manager side's users, site roles, groups, figures and audit log, and who of the
// site staff may call which manager route, through nginx.
#define BOOST_TEST_MODULE api_manager_users
#include <map>
#include <vector>

#include "manager_helpers.hpp"

using namespace managertest;

namespace {

struct RouteCase {
    const char* route;
    // What none / admin / deputy / owner get without parameters: F FORBIDDEN, y anything else
    // (OK, or BAD_PARAM for the parameters it lacks).
    const char* access;
};

// clang-format off
const std::vector<RouteCase> kRoutes = {
    {"user!search",      "Fyyy"}, {"user!info",        "Fyyy"}, {"user!disable",     "FFyy"},
    {"user!enable",      "FFyy"}, {"user!setSiteRole", "FFyy"},
    {"city!list",        "Fyyy"}, {"city!add",         "FFyy"}, {"city!update",      "FFyy"},
    {"city!delete",      "FFyy"},
    {"category!list",    "Fyyy"}, {"category!add",     "FFyy"}, {"category!update",  "FFyy"},
    {"category!delete",  "FFyy"},
    {"shop!list",        "Fyyy"}, {"shop!info",        "Fyyy"}, {"shop!add",         "Fyyy"},
    {"shop!update",      "Fyyy"}, {"shop!delete",      "Fyyy"},
    {"goods!list",       "Fyyy"}, {"goods!info",       "Fyyy"}, {"goods!add",        "Fyyy"},
    {"goods!update",     "Fyyy"}, {"goods!delete",     "Fyyy"},
    {"activity!list",    "Fyyy"}, {"activity!add",     "Fyyy"}, {"activity!update",  "Fyyy"},
    {"activity!delete",  "Fyyy"},
    {"media!upload",     "Fyyy"},
    {"group!list",       "Fyyy"}, {"group!info",       "Fyyy"}, {"group!delete",     "FFyy"},
    {"stats!overview",   "Fyyy"}, {"audit!list",       "Fyyy"},
};
// clang-format on

const std::vector<std::string> kRoles = {"none", "admin", "deputy", "owner"};

std::string siteRoleOf(const api::TestUser& reader, const api::TestUser& target) {
    const api::Response r = call(reader, "user!info", {{"userId", api::id(target)}});
    BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
    return (*r.data("user"))["siteRole"].GetString();
}

api::Response loginAgain(const api::TestUser& user) {
    return api::http().post("/user/user!login",
                            {{"userVO.userName", user.mobile}, {"userVO.password", user.password}},
                            api::clientHeader(api::uniqueClient()));
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_manager_route_answers_each_site_role_as_the_matrix_says) {
    std::map<std::string, api::TestUser> actors;
    for (const auto& role : kRoles) actors.emplace(role, api::newStaff(role));
    for (const RouteCase& c : kRoutes) {
        for (std::size_t i = 0; i < kRoles.size(); ++i) {
            const api::Response r = call(actors.at(kRoles[i]), c.route);
            BOOST_TEST_CONTEXT(c.route << " as " << kRoles[i] << ": " << r.describe()) {
                BOOST_CHECK_EQUAL(r.status, 200);
                if (c.access[i] == 'F') {
                    BOOST_CHECK_EQUAL(r.code(), "FORBIDDEN");
                    // Nothing else revealed: no data, whatever was asked.
                    BOOST_CHECK(r.data() == nullptr);
                } else {
                    BOOST_CHECK_NE(r.code(), "FORBIDDEN");
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_plain_user_is_refused_even_with_valid_parameters) {
    const api::TestUser plain = api::newUser();
    const api::TestUser other = api::newUser();
    const api::Response r = call(plain, "user!info", {{"userId", api::id(other)}});
    MMX_CHECK_FAILS_WITH(r, "FORBIDDEN");
    BOOST_CHECK(r.data() == nullptr);
    MMX_CHECK_FAILS_WITH(call(plain, "user!disable", {{"userId", api::id(other)}}), "FORBIDDEN");
}

BOOST_AUTO_TEST_CASE(staff_find_a_user_by_mobile_by_id_and_by_nickname) {
    const api::TestUser admin = api::newStaff("admin");
    const api::TestUser target = api::newUser();
    const std::string nick = "查找" + api::id(target);
    MMX_REQUIRE_OK(api::post(target, "/user/user!updateUser", {{"userVO.nickName", nick}}));
    for (const std::string& q :
         {target.mobile, api::id(target), nick, target.mobile.substr(0, 9)}) {
        const api::Response r = call(admin, "user!search", {{"q", q}, {"count", "100"}});
        MMX_REQUIRE_OK(r);
        bool found = false;
        for (const auto& user : r.data("userList")->GetArray()) {
            found = found || user["userId"].GetInt64() == target.session.userId;
        }
        BOOST_CHECK_MESSAGE(found, "q=" << q << ": " << r.describe());
        BOOST_CHECK_GE((*r.data("total")).GetInt64(), 1);
    }
    const api::Response info = call(admin, "user!info", {{"userId", api::id(target)}});
    MMX_REQUIRE_OK(info);
    BOOST_CHECK_EQUAL((*info.data("user"))["mobile"].GetString(), target.mobile);
    BOOST_CHECK_EQUAL((*info.data("user"))["nickName"].GetString(), nick);
    BOOST_CHECK_EQUAL((*info.data("user"))["siteRole"].GetString(), "none");
    BOOST_CHECK_EQUAL((*info.data("user"))["disabled"].GetBool(), false);
}

BOOST_AUTO_TEST_CASE(a_disabled_user_loses_every_session_and_cannot_log_in_until_enabled) {
    const api::TestUser deputy = api::newStaff("deputy");
    const api::TestUser target = api::newUser();
    MMX_REQUIRE_OK(call(deputy, "user!disable", {{"userId", api::id(target)}}));

    MMX_CHECK_FAILS_WITH(api::post(target, "/user/user!readUser"), "TOKEN_INVALID");
    const api::Response refused = loginAgain(target);
    MMX_CHECK_FAILS_WITH(refused, "FORBIDDEN");
    BOOST_CHECK(refused.header("accesstoken").empty());
    // A wrong password learns nothing about the account.
    MMX_CHECK_FAILS_WITH(api::http().post("/user/user!login",
                                          {{"userVO.userName", target.mobile},
                                           {"userVO.password", "wrong-password-1"}},
                                          api::clientHeader(api::uniqueClient())),
                         "BAD_CREDENTIALS");
    BOOST_CHECK_EQUAL(
        (*call(deputy, "user!info", {{"userId", api::id(target)}}).data("user"))["disabled"]
            .GetBool(),
        true);

    const auto entry = lastAudit(deputy, "user", target.session.userId);
    BOOST_CHECK_EQUAL(entry["action"].GetString(), "user.disable");
    BOOST_CHECK_EQUAL(entry["staffId"].GetInt64(), deputy.session.userId);
    BOOST_CHECK_EQUAL(entry["before"]["disabled"].GetBool(), false);
    BOOST_CHECK_EQUAL(entry["after"]["disabled"].GetBool(), true);

    MMX_REQUIRE_OK(call(deputy, "user!enable", {{"userId", api::id(target)}}));
    MMX_CHECK_OK(loginAgain(target));
    BOOST_CHECK_EQUAL(lastAudit(deputy, "user", target.session.userId)["action"].GetString(),
                      "user.enable");
}

BOOST_AUTO_TEST_CASE(staff_cannot_disable_themselves_nor_a_deputy_an_owner) {
    const api::TestUser deputy = api::newStaff("deputy");
    const api::TestUser owner = api::newStaff("owner");
    MMX_CHECK_FAILS_WITH(call(deputy, "user!disable", {{"userId", api::id(deputy)}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(deputy, "user!disable", {{"userId", api::id(owner)}}), "FORBIDDEN");
    MMX_CHECK_OK(api::post(owner, "/user/user!readUser"));
}

BOOST_AUTO_TEST_CASE(granting_a_role_ends_the_targets_sessions_and_is_audited) {
    const api::TestUser deputy = api::newStaff("deputy");
    const api::TestUser target = api::newUser();
    const api::Response r =
        call(deputy, "user!setSiteRole", {{"userId", api::id(target)}, {"siteRole", "admin"}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL((*r.data("user"))["siteRole"].GetString(), "admin");
    MMX_CHECK_FAILS_WITH(api::post(target, "/user/user!readUser"), "TOKEN_INVALID");
    BOOST_CHECK_EQUAL(siteRoleOf(deputy, target), "admin");

    const auto entry = lastAudit(deputy, "user", target.session.userId);
    BOOST_CHECK_EQUAL(entry["action"].GetString(), "user.setSiteRole");
    BOOST_CHECK_EQUAL(entry["before"]["siteRole"].GetString(), "none");
    BOOST_CHECK_EQUAL(entry["after"]["siteRole"].GetString(), "admin");

    MMX_REQUIRE_OK(
        call(deputy, "user!setSiteRole", {{"userId", api::id(target)}, {"siteRole", "none"}}));
    BOOST_CHECK_EQUAL(siteRoleOf(deputy, target), "none");
}

BOOST_AUTO_TEST_CASE(only_an_owner_grants_or_takes_deputy_and_owner) {
    const api::TestUser deputy = api::newStaff("deputy");
    const api::TestUser owner = api::newStaff("owner");
    const api::TestUser target = api::newUser();
    for (const char* role : {"deputy", "owner"}) {
        MMX_CHECK_FAILS_WITH(
            call(deputy, "user!setSiteRole", {{"userId", api::id(target)}, {"siteRole", role}}),
            "FORBIDDEN");
    }
    MMX_CHECK_FAILS_WITH(
        call(deputy, "user!setSiteRole", {{"userId", api::id(owner)}, {"siteRole", "admin"}}),
        "FORBIDDEN");
    BOOST_CHECK_EQUAL(siteRoleOf(owner, target), "none");
    MMX_REQUIRE_OK(
        call(owner, "user!setSiteRole", {{"userId", api::id(target)}, {"siteRole", "deputy"}}));
    BOOST_CHECK_EQUAL(siteRoleOf(owner, target), "deputy");
    const api::Response bad =
        call(owner, "user!setSiteRole", {{"userId", api::id(target)}, {"siteRole", "king"}});
    MMX_CHECK_FAILS_WITH(bad, "BAD_PARAM");
    BOOST_REQUIRE(bad.data("field") != nullptr);
    BOOST_CHECK_EQUAL(bad.data("field")->GetString(), "siteRole");
}

BOOST_AUTO_TEST_CASE(a_staff_session_ends_twelve_hours_after_login_while_a_users_lives_on) {
    const api::TestUser admin = api::newStaff("admin");
    const api::TestUser plain = api::newUser();
    const api::Response fresh = api::post(admin, "/user/user!readUser");
    MMX_REQUIRE_OK(fresh);
    const long long expire = std::stoll(fresh.header("expire"));
    BOOST_CHECK_LE(expire, api::nowMillis() + 12LL * 3600 * 1000 + 60'000);
    BOOST_CHECK_GE(expire, api::nowMillis() + 11LL * 3600 * 1000);

    // Both logged in 13 hours ago.
    for (const auto* user : {&admin, &plain}) {
        api::runSql("UPDATE sessions SET created_at = created_at - 46800000 WHERE user_id = " +
                    api::id(*user) + ";");
    }
    MMX_CHECK_FAILS_WITH(api::post(admin, "/user/user!readUser"), "TOKEN_EXPIRED");
    MMX_CHECK_OK(api::post(plain, "/user/user!readUser"));
}

BOOST_AUTO_TEST_CASE(an_admin_reads_only_their_own_audit_entries) {
    const api::TestUser owner = api::newStaff("owner");
    const api::TestUser admin = api::newStaff("admin");
    const api::Response city = call(owner, "city!add", {{"name", "审计城" + api::id(owner)}});
    MMX_REQUIRE_OK(city);
    const long long cityId = idIn(city, "city");
    // The owner sees the entry; the admin, asking for it by name, sees none of it.
    BOOST_CHECK_EQUAL(lastAudit(owner, "city", cityId)["staffId"].GetInt64(), owner.session.userId);
    const api::Response r =
        call(admin, "audit!list",
             {{"staffId", api::id(owner)}, {"objectType", "city"}, {"objectId", api::id(cityId)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(r.data("auditList")->Size(), 0u);
    BOOST_CHECK_EQUAL(r.data("total")->GetInt64(), 0);
    MMX_REQUIRE_OK(call(owner, "city!delete", {{"id", api::id(cityId)}}));
}

BOOST_AUTO_TEST_CASE(the_audit_log_filters_by_staff_action_object_and_time) {
    const api::TestUser owner = api::newStaff("owner");
    const long long before = api::nowMillis() - 1000;
    const api::Response city = call(owner, "city!add", {{"name", "筛选城" + api::id(owner)}});
    MMX_REQUIRE_OK(city);
    const long long cityId = idIn(city, "city");
    MMX_REQUIRE_OK(call(owner, "city!update", {{"id", api::id(cityId)}, {"sort", "7"}}));
    const api::Response mine =
        call(owner, "audit!list", {{"staffId", api::id(owner)}, {"from", api::id(before)}});
    MMX_REQUIRE_OK(mine);
    BOOST_CHECK_EQUAL(mine.data("total")->GetInt64(), 2);
    const api::Response updates =
        call(owner, "audit!list", {{"staffId", api::id(owner)}, {"action", "city.update"}});
    MMX_REQUIRE_OK(updates);
    BOOST_REQUIRE_EQUAL(updates.data("auditList")->Size(), 1u);
    const auto& entry = (*updates.data("auditList"))[0];
    BOOST_CHECK_EQUAL(entry["before"]["sort"].GetInt64(), 0);
    BOOST_CHECK_EQUAL(entry["after"]["sort"].GetInt64(), 7);
    const api::Response future =
        call(owner, "audit!list",
             {{"staffId", api::id(owner)}, {"from", api::id(api::nowMillis() + 3600000)}});
    BOOST_CHECK_EQUAL(future.data("total")->GetInt64(), 0);
    MMX_REQUIRE_OK(call(owner, "city!delete", {{"id", api::id(cityId)}}));
}

BOOST_AUTO_TEST_CASE(staff_list_and_view_groups_and_a_deputy_deletes_one) {
    const api::TestUser owner = api::newStaff("owner");
    const api::TestUser admin = api::newStaff("admin");
    const api::TestUser deputy = api::newStaff("deputy");
    const std::string name = api::uniqueGroupName("管理群");
    const long long groupId = api::newGroup(owner, {}, name);

    const api::Response list = call(admin, "group!list", {{"groupName", name}});
    MMX_REQUIRE_OK(list);
    BOOST_REQUIRE_EQUAL(list.data("groupList")->Size(), 1u);
    BOOST_CHECK_EQUAL((*list.data("groupList"))[0]["groupId"].GetInt64(), groupId);
    const api::Response info = call(admin, "group!info", {{"groupId", api::id(groupId)}});
    MMX_REQUIRE_OK(info);
    BOOST_CHECK_EQUAL((*info.data("group"))["memberCount"].GetInt64(), 1);
    BOOST_CHECK_EQUAL((*info.data("group"))["ownerId"].GetInt64(), owner.session.userId);

    MMX_CHECK_FAILS_WITH(call(admin, "group!delete", {{"groupId", api::id(groupId)}}), "FORBIDDEN");
    MMX_REQUIRE_OK(call(deputy, "group!delete", {{"groupId", api::id(groupId)}}));
    MMX_CHECK_FAILS_WITH(call(admin, "group!info", {{"groupId", api::id(groupId)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(api::post(owner, "/chat/group!info", {{"groupId", api::id(groupId)}}),
                         "NOT_FOUND");
    const auto entry = lastAudit(deputy, "group", groupId);
    BOOST_CHECK_EQUAL(entry["action"].GetString(), "group.delete");
    BOOST_CHECK_EQUAL(entry["before"]["groupName"].GetString(), name);
    BOOST_CHECK(entry["after"].IsNull());
}

BOOST_AUTO_TEST_CASE(the_overview_counts_users_new_today_and_shops) {
    const api::TestUser admin = api::newStaff("admin");
    const api::Response r = call(admin, "stats!overview");
    MMX_REQUIRE_OK(r);
    for (const char* key :
         {"users", "newUsersToday", "activeUsersToday", "messagesToday", "shops", "goods"}) {
        BOOST_REQUIRE_MESSAGE(r.data(key) != nullptr && r.data(key)->IsInt64(), key);
    }
    // This test's own admin registered and logged in today.
    BOOST_CHECK_GE(r.data("newUsersToday")->GetInt64(), 1);
    BOOST_CHECK_GE(r.data("activeUsersToday")->GetInt64(), 1);
    BOOST_CHECK_GE(r.data("users")->GetInt64(), r.data("newUsersToday")->GetInt64());
}

BOOST_AUTO_TEST_CASE(a_bad_parameter_names_its_field) {
    const api::TestUser owner = api::newStaff("owner");
    const api::Response r = call(owner, "user!info", {{"userId", "abc"}});
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_REQUIRE(r.data("field") != nullptr);
    BOOST_CHECK_EQUAL(r.data("field")->GetString(), "userId");
    const api::Response missing = call(owner, "user!info");
    BOOST_REQUIRE(missing.data("field") != nullptr);
    BOOST_CHECK_EQUAL(missing.data("field")->GetString(), "userId");
}
