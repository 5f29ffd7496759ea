#pragma once

// What the manager suites share: calling a /manager route as a staff member, reading the
// object or list it answers, and the audit entries a write left.

#include <string>

#include "api_test.hpp"
#include "helpers.hpp"

namespace managertest {

inline api::Response call(const api::TestUser& u, const std::string& route,
                          const api::Params& params = {}) {
    return api::post(u, "/manager/" + route, params);
}

inline long long idIn(const api::Response& r, const char* object, const char* key = "id") {
    const rapidjson::Value* value = r.data(object);
    BOOST_REQUIRE_MESSAGE(value != nullptr && value->IsObject() && value->HasMember(key),
                          r.describe());
    return (*value)[key].GetInt64();
}

// The newest audit entry on (type, id), as `reader` sees the log.
inline rapidjson::Document lastAudit(const api::TestUser& reader, const std::string& type,
                                     long long id) {
    const api::Response r = call(reader, "audit!list",
                                 {{"objectType", type}, {"objectId", api::id(id)}, {"count", "1"}});
    BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
    const rapidjson::Value& list = *r.data("auditList");
    BOOST_REQUIRE_MESSAGE(list.IsArray() && list.Size() == 1, r.describe());
    rapidjson::Document entry;
    entry.CopyFrom(list[0], entry.GetAllocator());
    return entry;
}

}  // namespace managertest
