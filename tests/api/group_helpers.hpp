#pragma once

// What the group suites share: site roles through scripts/admin, and the group
// routes as small functions. Included after api_test.hpp.

#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace grouptest {

namespace api = mmx::apitest;

inline const std::string kCreate = "/chat/group!create";
inline const std::string kUpdate = "/chat/group!update";
inline const std::string kDelete = "/chat/group!delete";
inline const std::string kInfo = "/chat/group!info";
inline const std::string kMembers = "/chat/group!members";
inline const std::string kMine = "/chat/group!mine";
inline const std::string kAddMembers = "/chat/group!addMembers";
inline const std::string kRemoveMembers = "/chat/group!removeMembers";
inline const std::string kSetAdmin = "/chat/group!setAdmin";
inline const std::string kTransfer = "/chat/group!transfer";
inline const std::string kQuit = "/chat/group!quit";
inline const std::string kSeting = "/chat/group!setingGroup";

// `scripts/admin site-role <mobile> <role>` against the test stack; true on success.
inline bool setSiteRole(const std::string& mobile, const std::string& role) {
    const api::StackEnv& env = api::stackEnv();
    std::string port = "80";
    const auto colon = env.baseUrl.rfind(':');
    if (colon != std::string::npos && colon > 5) port = env.baseUrl.substr(colon + 1);
    const std::string line = "MMX_VAR='" + env.varDir + "' MMX_PORT='" + port + "' '" +
                             env.repoRoot + "/scripts/admin' site-role '" + mobile + "' '" + role +
                             "' >/dev/null";
    const int rc = std::system(line.c_str());
    return WIFEXITED(rc) && WEXITSTATUS(rc) == 0;
}

// A fresh user holding a site role ("owner", "deputy", "admin"; "none" for none).
inline api::TestUser newStaff(const std::string& role) {
    api::TestUser user = api::newUser();
    if (role != "none")
        BOOST_REQUIRE_MESSAGE(setSiteRole(user.mobile, role), "scripts/admin failed");
    return user;
}

// Unique within a run and across runs on one stack; at most 30 characters.
inline std::string uniqueGroupName(const std::string& prefix = "测试群") {
    static std::atomic<int> counter{0};
    return prefix + std::to_string(api::nowMillis() % 100000000000LL) + "-" +
           std::to_string(counter++);
}

inline api::Response call(const std::string& route, const api::TestUser& actor,
                          const api::Params& params) {
    return api::http().post(route, params, api::authHeaders(actor.session));
}

inline std::string uid(const api::TestUser& user) {
    return user.session.uid;
}

// Creates a group as `creator` with `members`; returns its id as text.
inline std::string createGroup(const api::TestUser& creator,
                               const std::vector<const api::TestUser*>& members = {},
                               const std::string& name = uniqueGroupName()) {
    api::Params params{{"groupName", name}};
    for (const api::TestUser* m : members) params.emplace_back("memberId", uid(*m));
    const api::Response r = call(kCreate, creator, params);
    BOOST_REQUIRE_MESSAGE(r.success() && r.data("groupId") != nullptr, r.describe());
    return api::scalarText(*r.data("groupId"));
}

inline api::Response info(const api::TestUser& actor, const std::string& groupId) {
    return call(kInfo, actor, {{"groupId", groupId}});
}

inline std::string infoField(const api::TestUser& actor, const std::string& groupId,
                             const char* field) {
    const api::Response r = info(actor, groupId);
    BOOST_REQUIRE_MESSAGE(r.success() && r.data(field) != nullptr, r.describe());
    return api::scalarText(*r.data(field));
}

// The ids in data.<field> of an answer.
inline std::set<std::string> idsIn(const api::Response& r, const char* field) {
    std::set<std::string> ids;
    const rapidjson::Value* list = r.data(field);
    if (list != nullptr && list->IsArray()) {
        for (const auto& v : list->GetArray()) ids.insert(api::scalarText(v));
    }
    return ids;
}

// The ids of the groups group!mine lists for `user`.
inline std::set<std::string> mineIds(const api::TestUser& user) {
    const api::Response r = call(kMine, user, {});
    BOOST_REQUIRE_MESSAGE(r.success() && r.data("groups") != nullptr, r.describe());
    std::set<std::string> ids;
    for (const auto& g : r.data("groups")->GetArray()) ids.insert(api::scalarText(g["id"]));
    return ids;
}

// userId -> role of every member, read by `reader` (who must be a member).
inline std::map<std::string, std::string> rolesOf(const api::TestUser& reader,
                                                  const std::string& groupId) {
    const api::Response r = call(kMembers, reader, {{"groupId", groupId}, {"count", "200"}});
    BOOST_REQUIRE_MESSAGE(r.success() && r.data("members") != nullptr, r.describe());
    std::map<std::string, std::string> roles;
    for (const auto& m : r.data("members")->GetArray()) {
        roles[api::scalarText(m["userId"])] = api::scalarText(m["role"]);
    }
    return roles;
}

inline void promote(const api::TestUser& owner, const std::string& groupId,
                    const api::TestUser& member) {
    const api::Response r =
        call(kSetAdmin, owner, {{"groupId", groupId}, {"memberId", uid(member)}, {"admin", "1"}});
    BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
}

inline void transferTo(const api::TestUser& owner, const std::string& groupId,
                       const api::TestUser& member) {
    const api::Response r =
        call(kTransfer, owner, {{"groupId", groupId}, {"memberId", uid(member)}});
    BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
}

}  // namespace grouptest
