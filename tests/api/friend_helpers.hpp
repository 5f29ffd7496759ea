#pragma once

// Steps the friend and search suites share: calling a route as a user, naming a
// user, making two users friends, and reading ids and cards out of answers.

#include <set>
#include <string>
#include <vector>

#include "api_test.hpp"
#include "helpers.hpp"

namespace friendtest {

using mmx::apitest::befriend;
using mmx::apitest::id;

inline api::Response call(const api::TestUser& u, const std::string& route,
                          const api::Params& params = {}) {
    return api::post(u, route, params);
}

inline api::Response callGet(const api::TestUser& u, const std::string& route,
                             const api::Params& params = {}) {
    return api::get(u, route, params);
}

inline void rename(const api::TestUser& u, const std::string& nickName) {
    MMX_REQUIRE_OK(call(u, "/user/user!updateUser", {{"userExtendVO.nickName", nickName}}));
}

inline std::string field(const rapidjson::Value& object, const char* name) {
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() ? std::string("<absent>") : api::scalarText(it->value);
}

inline std::string mcodeOf(const api::TestUser& u) {
    const api::Response r = call(u, "/user/user!readUser");
    MMX_REQUIRE_OK(r);
    return field(*r.data("userVO"), "mcode");
}

// Invites by user id; the answer is returned unchecked.
inline api::Response invite(const api::TestUser& from, const api::TestUser& to,
                            const std::string& remark = "") {
    api::Params params{{"mode", "3"}, {"friendId", id(to)}};
    if (!remark.empty()) params.emplace_back("remark", remark);
    return call(from, "/user/friend!invite", params);
}

// The ids of data.<member>, an array of numbers.
inline std::set<std::string> idArray(const api::Response& r, const char* member) {
    std::set<std::string> ids;
    const rapidjson::Value* list = r.data(member);
    BOOST_REQUIRE_MESSAGE(list != nullptr && list->IsArray(),
                          "no data." << member << ": " << r.describe());
    for (const auto& v : list->GetArray()) ids.insert(api::scalarText(v));
    return ids;
}

// The friend ids the server holds for `u`, from a diff against an empty phone.
inline std::set<std::string> friendsOf(const api::TestUser& u) {
    const api::Response r = call(u, "/user/friend!diff");
    MMX_REQUIRE_OK(r);
    return idArray(r, "addFrdIDs");
}

// data.requests of listRequests, as (direction, other user id, state, remark).
struct RequestRow {
    std::string direction, userId, state, remark;
};

inline std::vector<RequestRow> requestsOf(const api::TestUser& u, const api::Params& page = {}) {
    const api::Response r = call(u, "/user/friend!listRequests", page);
    MMX_REQUIRE_OK(r);
    std::vector<RequestRow> rows;
    const rapidjson::Value* list = r.data("requests");
    BOOST_REQUIRE(list != nullptr && list->IsArray());
    for (const auto& item : list->GetArray()) {
        BOOST_REQUIRE(item.HasMember("user") && item["user"].IsObject());
        rows.push_back(RequestRow{field(item, "direction"), field(item["user"], "userID"),
                                  field(item, "state"), field(item, "remark")});
    }
    return rows;
}

inline std::string repeat(const std::string& s, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace friendtest
