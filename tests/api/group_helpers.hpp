#pragma once

// What the group suites share: site roles through scripts/admin, and the group
// routes as small functions. Included after api_test.hpp.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "helpers.hpp"

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

using mmx::apitest::newStaff;
using mmx::apitest::setSiteRole;
using mmx::apitest::uniqueGroupName;

// The group suites name the route first.
inline api::Response call(const std::string& route, const api::TestUser& actor,
                          const api::Params& params) {
    return api::post(actor, route, params);
}

inline std::string uid(const api::TestUser& user) {
    return api::id(user);
}

// Creates a group as `creator` with `members`; returns its id as text.
inline std::string createGroup(const api::TestUser& creator,
                               const std::vector<const api::TestUser*>& members = {},
                               const std::string& name = uniqueGroupName()) {
    return api::id(api::newGroup(creator, members, name));
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
