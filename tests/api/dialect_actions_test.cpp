// The action phone, as its server notes describe it: every call a POST to /user with a JSON
// body whose "Action" is Login (by numeric id), Logon (a user name and a password; answers the
// new id), Update (data_type, old_data, new_data; "verifies session_id and changes
// session_id") or GetMessage (data_type; answers data_type and data); every answer
// {"StatusCode": 0, "Response": {"success": …, "mess": "…"}}; the session in the session_id
// cookie. What the notes give no call for (blocking, another user's view) is set up and
// checked through the house's routes.
#define BOOST_TEST_MODULE api_dialect_actions
#include <algorithm>
#include <cstdlib>
#include <random>

#include "api_test.hpp"
#include "cookie_phone.hpp"
#include "helpers.hpp"

using mmx::apitest::uniqueName;

namespace {

using api::houseSession;
using api::quoted;

std::string list(const std::vector<std::string>& texts) {
    std::string json = "[";
    for (const std::string& text : texts) json += (json.size() > 1 ? "," : "") + quoted(text);
    return json + "]";
}

// The phone: every call a POST /user, with the cookie the last answer set.
struct Phone : api::CookiePhone {
    api::Response send(const std::string& json, api::HttpClient& client = api::http()) {
        return CookiePhone::send("POST", "/user", json, client);
    }
};

// The answer's Response object, after checking the shape every answer has.
const rapidjson::Value& body(const api::Response& r) {
    BOOST_REQUIRE_MESSAGE(r.status == 200 && r.isJson(), r.describe());
    BOOST_REQUIRE_MESSAGE(r.json.HasMember("StatusCode") && r.json["StatusCode"].IsInt() &&
                              r.json["StatusCode"].GetInt() == 0,
                          r.describe());
    BOOST_REQUIRE_MESSAGE(r.json.HasMember("Response") && r.json["Response"].IsObject(),
                          r.describe());
    const rapidjson::Value& response = r.json["Response"];
    BOOST_REQUIRE_MESSAGE(response.HasMember("success") && response["success"].IsBool() &&
                              response.HasMember("mess") && response["mess"].IsString(),
                          r.describe());
    return response;
}

bool succeeded(const api::Response& r) {
    return body(r)["success"].GetBool();
}

std::string mess(const api::Response& r) {
    return body(r)["mess"].GetString();
}

std::vector<std::string> texts(const rapidjson::Value& array) {
    std::vector<std::string> out;
    BOOST_REQUIRE(array.IsArray());
    for (const auto& item : array.GetArray()) {
        BOOST_REQUIRE(item.IsString());
        out.emplace_back(item.GetString());
    }
    return out;
}

struct Account {
    std::string userName;
    std::string password;
    std::string id;  // as Logon answered it
};

std::string logonBody(const std::string& userName, const std::string& password) {
    return "{\"Action\":\"Logon\",\"username\":" + quoted(userName) +
           ",\"password\":" + quoted(password) + "}";
}

std::string loginBody(const std::string& id, const std::string& password) {
    return "{\"Action\":\"Login\",\"id\":" + quoted(id) + ",\"password\":" + quoted(password) + "}";
}

std::string updateBody(const std::string& id, const std::vector<std::string>& types,
                       const std::vector<std::string>& olds, const std::vector<std::string>& news) {
    return "{\"Action\":\"Update\",\"id\":" + quoted(id) + ",\"data_type\":" + list(types) +
           ",\"old_data\":" + list(olds) + ",\"new_data\":" + list(news) + "}";
}

std::string getBody(const std::string& id, const std::vector<std::string>& types) {
    return "{\"Action\":\"GetMessage\",\"id\":" + quoted(id) + ",\"data_type\":" + list(types) +
           "}";
}

Account logon() {
    Account account{uniqueName("act"), api::uniquePassword(), ""};
    Phone phone;
    const api::Response r = phone.send(logonBody(account.userName, account.password));
    BOOST_REQUIRE_MESSAGE(succeeded(r), r.describe());
    BOOST_REQUIRE_EQUAL(mess(r), "create user success");
    BOOST_REQUIRE(body(r)["id"].IsString());
    account.id = body(r)["id"].GetString();
    BOOST_REQUIRE(!account.id.empty() &&
                  std::all_of(account.id.begin(), account.id.end(), ::isdigit));
    return account;
}

Phone loggedIn(const Account& account) {
    Phone phone;
    const api::Response r = phone.send(loginBody(account.id, account.password));
    BOOST_REQUIRE_MESSAGE(succeeded(r) && mess(r) == "login success", r.describe());
    return phone;
}

std::string houseField(const Account& account, const char* field) {
    const api::Response self =
        api::post(houseSession(account.userName, account.password), "/user/user!readUser");
    MMX_REQUIRE_OK(self);
    return api::scalarText((*self.data("userVO"))[field]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(action_phone)

BOOST_AUTO_TEST_CASE(the_whole_flow_logs_on_logs_in_reads_updates_and_reads_back) {
    const Account me = logon();
    Phone phone;
    const api::Response in = phone.send(loginBody(me.id, me.password));
    BOOST_REQUIRE(succeeded(in));
    BOOST_TEST(mess(in) == "login success");
    const std::string setCookie = in.header("set-cookie");
    BOOST_TEST(setCookie.find("session_id=") == 0u);
    BOOST_TEST(setCookie.find("HttpOnly") != std::string::npos);
    BOOST_TEST(setCookie.find("SameSite=Strict") != std::string::npos);

    // A new account shows its user name as its nickname.
    const api::Response read = phone.send(getBody(me.id, {"nickname", "id", "username", "city"}));
    BOOST_REQUIRE(succeeded(read));
    BOOST_TEST(mess(read) == "get data success");
    BOOST_TEST(texts(body(read)["data_type"]) ==
                   (std::vector<std::string>{"nickname", "id", "username", "city"}),
               boost::test_tools::per_element());
    BOOST_TEST(texts(body(read)["data"]) ==
                   (std::vector<std::string>{me.userName, me.id, me.userName, ""}),
               boost::test_tools::per_element());

    const std::string before = phone.cookie;
    const api::Response updated = phone.send(updateBody(
        me.id, {"nickname", "city", "gender"}, {me.userName, "", ""}, {"老王", "深圳", "2"}));
    BOOST_REQUIRE_MESSAGE(succeeded(updated), updated.describe());
    BOOST_TEST(mess(updated) == "update success");
    BOOST_TEST(updated.header("set-cookie").find("session_id=") == 0u);
    BOOST_TEST(phone.cookie != before);  // a new session_id

    const api::Response again = phone.send(getBody(me.id, {"gender", "city", "nickname"}));
    BOOST_REQUIRE(succeeded(again));
    BOOST_TEST(texts(body(again)["data"]) == (std::vector<std::string>{"2", "深圳", "老王"}),
               boost::test_tools::per_element());
    BOOST_TEST(houseField(me, "nickName") == "老王");
    BOOST_TEST(houseField(me, "city") == "深圳");
    BOOST_TEST(houseField(me, "sex") == "2");

    // The session_id the Update replaced no longer opens anything.
    Phone stale{before};
    const api::Response refused = stale.send(getBody(me.id, {"nickname"}));
    BOOST_TEST(!succeeded(refused));
    BOOST_TEST(mess(refused) == "session invalid");
    BOOST_TEST(texts(body(refused)["data"]).empty());
}

BOOST_AUTO_TEST_CASE(put_user_still_reaches_the_first_social_app_and_post_user_this_phone) {
    Phone phone;
    const api::Response classic = api::http().request("PUT", "/user", "{\"nickname\":\"x\"}",
                                                      {{"Content-Type", "application/json"}});
    BOOST_REQUIRE_MESSAGE(classic.isJson() && classic.json.HasMember("state"), classic.describe());
    BOOST_TEST(classic.json["state"].GetInt() == 2);  // no mmx_session cookie
    const api::Response ours = phone.send("{\"Action\":\"Dance\"}");
    BOOST_TEST(!succeeded(ours));
    BOOST_TEST(mess(ours) == "unknown action");
    BOOST_TEST(mess(phone.send("{\"id\":\"1\"}")) == "unknown action");
    const api::Response other = api::http().request("DELETE", "/user", "{}", {});
    BOOST_TEST(other.status == 405);
    BOOST_TEST(other.header("allow").find("POST") != std::string::npos);
    BOOST_TEST(other.header("allow").find("PUT") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_wrong_password_or_a_malformed_id_does_not_log_in) {
    const Account me = logon();
    Phone phone;
    const api::Response wrong = phone.send(loginBody(me.id, "not-the-password"));
    BOOST_TEST(!succeeded(wrong));
    BOOST_TEST(mess(wrong) == "password error");
    BOOST_TEST(wrong.header("set-cookie").empty());
    BOOST_TEST(mess(phone.send(loginBody("10000x4", me.password))) == "id error");
    BOOST_TEST(mess(phone.send(loginBody("-3", me.password))) == "id error");
    BOOST_TEST(mess(phone.send("{\"Action\":\"Login\",\"password\":" + quoted(me.password) +
                               "}")) == "id error");
    // An id no account has is told as a wrong password: the answer never says which exist.
    // (A fresh one each run: wrong passwords count against the id tried, known or not.)
    const std::string nobody =
        "9" + std::to_string(std::random_device{}() % 1'000'000'000ULL) + "7";
    BOOST_TEST(mess(phone.send(loginBody(nobody, me.password))) == "password error");
    // The id may also come as a JSON number.
    BOOST_TEST(mess(phone.send("{\"Action\":\"Login\",\"id\":" + me.id +
                               ",\"password\":" + quoted(me.password) + "}")) == "login success");
}

BOOST_AUTO_TEST_CASE(logon_refuses_bad_lengths_a_bad_name_and_a_taken_one) {
    Phone phone;
    for (const std::string& json :
         {logonBody("abc", api::uniquePassword()), logonBody(uniqueName("n"), "short"),
          logonBody(std::string(21, 'a'), api::uniquePassword()),
          std::string("{\"Action\":\"Logon\",\"password\":\"long-enough-1\"}")}) {
        const api::Response r = phone.send(json);
        BOOST_TEST(!succeeded(r));
        BOOST_TEST(mess(r) == "username or password length error");
        BOOST_TEST(body(r)["id"].IsString());
        BOOST_TEST(std::string(body(r)["id"].GetString()).empty());
    }
    const api::Response badName = phone.send(logonBody("王小二二二", api::uniquePassword()));
    BOOST_TEST(mess(badName) == "username format error");
    const Account taken = logon();
    const api::Response twice = phone.send(logonBody(taken.userName, api::uniquePassword()));
    BOOST_TEST(!succeeded(twice));
    BOOST_TEST(mess(twice) == "username exists");
    BOOST_TEST(std::string(body(twice)["id"].GetString()).empty());
}

BOOST_AUTO_TEST_CASE(update_and_getmessage_need_the_session) {
    const Account me = logon();
    Phone phone;
    const api::Response update =
        phone.send(updateBody(me.id, {"nickname"}, {me.userName}, {"无会话"}));
    BOOST_TEST(!succeeded(update));
    BOOST_TEST(mess(update) == "session missing");
    BOOST_TEST(update.header("set-cookie").empty());
    const api::Response read = phone.send(getBody(me.id, {"nickname"}));
    BOOST_TEST(mess(read) == "session missing");
    BOOST_TEST(texts(body(read)["data_type"]).empty());
    Phone forged{"session_id=" + me.id + ".actions-0123456789abcdef.nottherightone"};
    BOOST_TEST(mess(forged.send(getBody(me.id, {"nickname"}))) == "session invalid");
    BOOST_TEST(houseField(me, "nickName") == me.userName);
}

BOOST_AUTO_TEST_CASE(update_of_another_users_id_changes_nothing) {
    const Account me = logon();
    const Account other = logon();
    Phone phone = loggedIn(me);
    const api::Response r =
        phone.send(updateBody(other.id, {"nickname"}, {other.userName}, {"冒名"}));
    BOOST_TEST(!succeeded(r));
    BOOST_TEST(mess(r) == "id error");
    BOOST_TEST(houseField(other, "nickName") == other.userName);
    // The session was still handed a new id: the phone goes on with it.
    BOOST_TEST(succeeded(phone.send(getBody(me.id, {"nickname"}))));
}

BOOST_AUTO_TEST_CASE(a_stale_old_value_changes_no_field_at_all) {
    const Account me = logon();
    Phone phone = loggedIn(me);
    const api::Response r = phone.send(updateBody(me.id, {"signature", "nickname"},
                                                  {"", "not-what-is-stored"}, {"新签名", "新名"}));
    BOOST_TEST(!succeeded(r));
    BOOST_TEST(mess(r) == "old data error");
    BOOST_TEST(houseField(me, "signature") == "");
    BOOST_TEST(houseField(me, "nickName") == me.userName);
}

BOOST_AUTO_TEST_CASE(unknown_names_unequal_lists_and_bad_values_are_data_format_errors) {
    const Account me = logon();
    Phone phone = loggedIn(me);
    for (const std::string& json :
         {updateBody(me.id, {"nickname", "shoe_size"}, {me.userName, ""}, {"甲", "42"}),
          updateBody(me.id, {"nickname", "city"}, {me.userName}, {"乙", "广州"}),
          updateBody(me.id, {"nickname"}, {me.userName, ""}, {"丙"}),
          updateBody(me.id, {"gender"}, {""}, {"7"}),
          updateBody(me.id, {"nickname"}, {me.userName}, {""}),
          updateBody(me.id, {"username"}, {me.userName}, {"another_name"}),
          updateBody(me.id, {"portrait"}, {""}, {"http://example.com/a.png"}),
          updateBody(me.id, {"nickname", "nickname"}, {me.userName, me.userName}, {"丁", "戊"}),
          std::string("{\"Action\":\"Update\",\"id\":\"" + me.id + "\"}")}) {
        const api::Response r = phone.send(json);
        BOOST_CHECK_MESSAGE(!succeeded(r), json);
        BOOST_CHECK_MESSAGE(mess(r) == "data format error", json + " -> " + r.body);
    }
    BOOST_TEST(houseField(me, "nickName") == me.userName);
    BOOST_TEST(houseField(me, "city") == "");
    const api::Response read = phone.send(getBody(me.id, {"nickname", "shoe_size"}));
    BOOST_TEST(!succeeded(read));
    BOOST_TEST(mess(read) == "data format error");
}

BOOST_AUTO_TEST_CASE(another_users_fields_are_what_the_house_shows_a_stranger) {
    const Account me = logon();
    const Account other = logon();
    Phone theirs = loggedIn(other);
    BOOST_REQUIRE(succeeded(theirs.send(
        updateBody(other.id, {"street", "signature"}, {"", ""}, {"幸福路1号", "你好"}))));
    Phone phone = loggedIn(me);
    const api::Response r =
        phone.send(getBody(other.id, {"signature", "street", "username", "nickname"}));
    BOOST_REQUIRE(succeeded(r));
    // The street and the user name are the owner's alone: left out of both lists.
    BOOST_TEST(texts(body(r)["data_type"]) == (std::vector<std::string>{"signature", "nickname"}),
               boost::test_tools::per_element());
    BOOST_TEST(texts(body(r)["data"]) == (std::vector<std::string>{"你好", other.userName}),
               boost::test_tools::per_element());

    MMX_REQUIRE_OK(api::post(houseSession(other.userName, other.password), "/user/friend!block",
                             {{"friendId", me.id}}));
    const api::Response blocked = phone.send(getBody(other.id, {"nickname"}));
    BOOST_TEST(!succeeded(blocked));
    BOOST_TEST(mess(blocked) == "id error");
    BOOST_TEST(mess(phone.send(getBody("999999999999", {"nickname"}))) == "id error");
}

BOOST_AUTO_TEST_CASE(of_two_updates_with_the_same_old_data_at_once_exactly_one_wins) {
    const Account me = logon();
    for (int round = 0; round < 5; ++round) {
        // Two phones of one account, each with its own session.
        Phone first = loggedIn(me), second = loggedIn(me);
        const std::string current = houseField(me, "nickName");
        const std::string names[2] = {"甲" + std::to_string(round), "乙" + std::to_string(round)};
        api::Response answers[2];
        api::runTogether({[&] {
                              api::HttpClient client(api::stackEnv().baseUrl);
                              answers[0] = first.send(
                                  updateBody(me.id, {"nickname"}, {current}, {names[0]}), client);
                          },
                          [&] {
                              api::HttpClient client(api::stackEnv().baseUrl);
                              answers[1] = second.send(
                                  updateBody(me.id, {"nickname"}, {current}, {names[1]}), client);
                          }});
        const std::string told[2] = {mess(answers[0]), mess(answers[1])};
        const int winners = static_cast<int>(std::count(told, told + 2, "update success"));
        BOOST_REQUIRE_EQUAL(winners, 1);
        const int loser = told[0] == "update success" ? 1 : 0;
        BOOST_TEST(told[loser] == "old data error");
        BOOST_TEST(houseField(me, "nickName") == names[1 - loser]);
    }
}

BOOST_AUTO_TEST_CASE(past_the_houses_wrong_password_limit_login_is_too_many_requests) {
    const Account me = logon();
    const int limit = std::stoi(std::getenv("MMX_TEST_ACCOUNT_FAIL_LIMIT"));
    Phone phone;
    int wrong = 0;
    std::string told = "password error";
    while (told == "password error" && wrong <= limit) {
        told = mess(phone.send(loginBody(me.id, "not-the-password")));
        ++wrong;
    }
    BOOST_TEST(told == "too many requests");
    BOOST_TEST(wrong <= limit + 1);
    // Even the right password now waits: the account's guesses are locked out.
    const api::Response locked = phone.send(loginBody(me.id, me.password));
    BOOST_TEST(!succeeded(locked));
    BOOST_TEST(mess(locked) == "too many requests");
    BOOST_REQUIRE(body(locked).HasMember("retry_after"));
    BOOST_TEST(body(locked)["retry_after"].GetInt() >= 1);
    BOOST_TEST(locked.header("set-cookie").empty());
}

BOOST_AUTO_TEST_CASE(a_session_past_its_time_is_session_expired_and_changes_nothing) {
    const Account me = logon();
    Phone phone = loggedIn(me);
    api::runSql("UPDATE sessions SET expires_at = 1 WHERE user_id = " + me.id +
                " AND client LIKE 'actions-%';");
    const api::Response r = phone.send(updateBody(me.id, {"nickname"}, {me.userName}, {"过期"}));
    BOOST_TEST(!succeeded(r));
    BOOST_TEST(mess(r) == "session expired");
    BOOST_TEST(r.header("set-cookie").empty());
    BOOST_TEST(mess(phone.send(getBody(me.id, {"nickname"}))) == "session expired");
    BOOST_TEST(houseField(me, "nickName") == me.userName);
}

BOOST_AUTO_TEST_SUITE_END()
