#pragma once

// The user-API phone as its suites drive it: its install id in `client`, and after a login
// the uid and accessToken the answer's headers carried, sent back on every request; its
// answers {"err": 0 | a code of docs/userapi-codes.md, …} read and checked.

#include <set>
#include <string>

#include "api_test.hpp"
#include "helpers.hpp"

namespace userapitest {

using mmx::apitest::quoted;

constexpr int kBadParam = 1001;
constexpr int kAuthRequired = 1002;
constexpr int kTokenInvalid = 1003;
constexpr int kBadCredentials = 1005;
constexpr int kForbidden = 1006;
constexpr int kNotFound = 1007;
constexpr int kConflict = 1009;
constexpr int kBadCode = 1010;
constexpr int kCodeExpired = 1011;

inline int errOf(const api::Response& r) {
    BOOST_REQUIRE_MESSAGE(
        r.status == 200 && r.isJson() && r.json.HasMember("err") && r.json["err"].IsInt(),
        r.describe());
    return r.json["err"].GetInt();
}

inline const rapidjson::Value& member(const rapidjson::Value& object, const char* name) {
    BOOST_REQUIRE_MESSAGE(object.IsObject() && object.HasMember(name), "no member " << name);
    return object[name];
}

inline std::string text(const rapidjson::Value& object, const char* name) {
    const rapidjson::Value& value = member(object, name);
    BOOST_REQUIRE_MESSAGE(value.IsString(), name << " is not a string");
    return value.GetString();
}

inline std::set<long long> idsIn(const rapidjson::Value& array, const char* field = nullptr) {
    std::set<long long> ids;
    for (const auto& item : array.GetArray()) {
        ids.insert(field ? item[field].GetInt64() : item.GetInt64());
    }
    return ids;
}

struct Phone {
    std::string client = api::uniqueClient();
    std::string uid;
    std::string token;
    // Where it sends from: the provider logins come from an address of their own.
    api::HttpClient* http = &api::http();

    api::Response send(const std::string& method, const std::string& path,
                       const std::string& json = "") {
        api::Headers headers = {{"client", client}};
        if (!json.empty()) headers.emplace_back("Content-Type", "application/json");
        if (!uid.empty()) {
            headers.emplace_back("uid", uid);
            headers.emplace_back("accessToken", token);
        }
        return http->request(method, path, json, headers);
    }

    // A GET with the parameters in the query string, as the phone sends its GETs.
    api::Response get(const std::string& path, const api::Params& query) {
        return send("GET", path + "?" + http->formEncode(query));
    }

    // POST /user/login with `json`; a success's session is kept for the calls after it.
    api::Response signIn(const std::string& json) {
        api::Response r = send("POST", "/user/login", json);
        if (!r.header("uid").empty()) {
            uid = r.header("uid");
            token = r.header("accesstoken");
        }
        return r;
    }

    api::Response login(const std::string& mobile, const std::string& password,
                        const std::string& dev) {
        return signIn("{\"mode\":2,\"type\":4,\"phone\":" + quoted(mobile) +
                      ",\"password\":" + quoted(password) + ",\"dev\":" + quoted(dev) + "}");
    }
};

// A house user on the phone: logged in through /user/login.
inline Phone phoneOf(const api::TestUser& user) {
    Phone phone;
    BOOST_REQUIRE_EQUAL(errOf(phone.login(user.mobile, user.password, "imei-house")), 0);
    return phone;
}

// An account without a mobile, by `userName` or `email` (and `password`), made by the house's
// user!registerByName (the test stack allows it): its user id.
inline long long openAccount(const api::Params& params) {
    const api::Response r = api::http().post("/user/user!registerByName", params,
                                             api::clientHeader(api::uniqueClient()));
    BOOST_REQUIRE_MESSAGE(r.success() && r.data("userVO") != nullptr, r.describe());
    return std::stoll(api::scalarText((*r.data("userVO"))["userId"]));
}

}  // namespace userapitest

#define CHECK_ERR(response, expected)                                                       \
    do {                                                                                    \
        const api::Response& answer_ = (response);                                          \
        BOOST_CHECK_MESSAGE(userapitest::errOf(answer_) == (expected), answer_.describe()); \
    } while (0)
