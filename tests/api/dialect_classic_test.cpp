// The first social app's phone, as its API notes describe it: /login, /register, /logout,
// /user (PUT), /group (POST, PUT, DELETE), /group_user (POST, DELETE), /friend (DELETE),
// JSON bodies, answers {"state": 1 success / 2 failure / 0 fault, "message": ...}, and the
// session in a cookie. What the notes give no route for (a staff role, a friendship, reading
// a group back) is set up and checked through the house's routes.
#define BOOST_TEST_MODULE api_dialect_classic

#include "api_test.hpp"
#include "cookie_phone.hpp"
#include "helpers.hpp"

using mmx::apitest::uniqueName;

namespace {

using Phone = api::CookiePhone;
using api::houseSession;
using api::quoted;

int stateOf(const api::Response& r) {
    BOOST_REQUIRE_MESSAGE(r.isJson() && r.json.HasMember("state") && r.json["state"].IsInt(),
                          r.describe());
    BOOST_CHECK_MESSAGE(r.json.HasMember("message") && r.json["message"].IsString(), r.describe());
    return r.json["state"].GetInt();
}

long long number(const api::Response& r, const char* member) {
    BOOST_REQUIRE_MESSAGE(r.json.HasMember(member) && r.json[member].IsInt64(), r.describe());
    return r.json[member].GetInt64();
}

long long registerOnPhone(const std::string& name, const std::string& password) {
    Phone phone;
    const api::Response r =
        phone.send("POST", "/register",
                   "{\"username\":" + quoted(name) + ",\"password\":" + quoted(password) + "}");
    BOOST_REQUIRE_MESSAGE(stateOf(r) == 1, r.describe());
    return number(r, "user_id");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(classic_phone)

BOOST_AUTO_TEST_CASE(the_whole_flow_registers_logs_in_acts_and_logs_out) {
    // A site admin (group creation is staff's) who also has a user name to log in with.
    const api::TestUser staff = api::newStaff("admin");
    const std::string staffName = uniqueName("adm");
    MMX_REQUIRE_ANSWER(api::post(staff, "/user/user!setUserName", {{"userName", staffName}}), 200,
                       "OK");
    const std::string bobName = uniqueName("bob");
    const std::string carolName = uniqueName("carol");
    const std::string password = api::uniquePassword();
    const long long bob = registerOnPhone(bobName, password);
    const long long carol = registerOnPhone(carolName, password);
    api::befriend(staff, houseSession(bobName, password));

    Phone phone;
    const api::Response in = phone.send(
        "POST", "/login",
        "{\"username\":" + quoted(staffName) + ",\"password\":" + quoted(staff.password) + "}");
    BOOST_REQUIRE_EQUAL(stateOf(in), 1);
    const std::string setCookie = in.header("set-cookie");
    BOOST_TEST(setCookie.find("mmx_session=") == 0u);
    BOOST_TEST(setCookie.find("HttpOnly") != std::string::npos);
    BOOST_TEST(setCookie.find("SameSite=Strict") != std::string::npos);
    const std::string me = std::to_string(staff.session.userId);

    const std::string groupName = api::uniqueGroupName("老手机群");
    const api::Response made = phone.send(
        "POST", "/group", "{\"user_id\":" + me + ",\"group_name\":" + quoted(groupName) + "}");
    BOOST_REQUIRE_EQUAL(stateOf(made), 1);
    const std::string group = std::to_string(number(made, "group_id"));

    const std::string renamed = groupName + "改";
    BOOST_TEST(stateOf(phone.send("PUT", "/group",
                                  "{\"group_id\":" + group + ",\"user_id\":" + me +
                                      ",\"group_name\":" + quoted(renamed) + "}")) == 1);
    BOOST_TEST(stateOf(phone.send("POST", "/group_user",
                                  "{\"group_id\":" + group + ",\"member_list\":[" +
                                      std::to_string(bob) + "," + std::to_string(carol) + "]}")) ==
               1);
    BOOST_TEST(stateOf(phone.send("DELETE", "/group_user",
                                  "{\"group_id\":" + group + ",\"user_id\":" + me +
                                      ",\"member_list\":[" + std::to_string(carol) + "]}")) == 1);
    const api::Response info = api::post(staff, "/chat/group!info", {{"groupId", group}});
    MMX_REQUIRE_ANSWER(info, 200, "OK");
    BOOST_TEST(api::scalarText((*info.data())["groupName"]) == renamed);
    BOOST_TEST(api::scalarText((*info.data())["memberCount"]) == "2");  // staff and bob

    BOOST_TEST(stateOf(phone.send(
                   "DELETE", "/friend",
                   "{\"user_id\":" + me + ",\"friend_name\":" + quoted(bobName) + "}")) == 1);
    MMX_CHECK_ANSWER(api::post(staff, "/user/friend!read", {{"friendId", std::to_string(bob)}}),
                     200, "NOT_FOUND");

    BOOST_TEST(stateOf(phone.send("PUT", "/user", "{\"nickname\":\"老王\"}")) == 1);
    const api::Response self = api::post(staff, "/user/user!readUser");
    BOOST_TEST(api::scalarText((*self.data("userVO"))["nickName"]) == "老王");

    BOOST_TEST(stateOf(phone.send("DELETE", "/group",
                                  "{\"group_id\":" + group + ",\"user_id\":" + me + "}")) == 1);
    MMX_CHECK_ANSWER(api::post(staff, "/chat/group!info", {{"groupId", group}}), 200, "NOT_FOUND");

    const std::string loggedInCookie = phone.cookie;
    const api::Response out =
        phone.send("POST", "/logout", "{\"username\":" + quoted(staffName) + "}");
    BOOST_TEST(stateOf(out) == 1);
    BOOST_TEST(out.header("set-cookie").find("Max-Age=0") != std::string::npos);
    phone.cookie = loggedInCookie;  // the old cookie no longer opens anything
    BOOST_TEST(stateOf(phone.send("PUT", "/user", "{\"nickname\":\"又改\"}")) == 2);
}

BOOST_AUTO_TEST_CASE(a_password_change_needs_the_old_one_and_then_the_new_one_logs_in) {
    const std::string name = uniqueName("pw");
    const std::string password = api::uniquePassword();
    registerOnPhone(name, password);
    Phone phone;
    BOOST_REQUIRE_EQUAL(stateOf(phone.send("POST", "/login",
                                           "{\"username\":" + quoted(name) +
                                               ",\"password\":" + quoted(password) + "}")),
                        1);
    const std::string fresh = api::uniquePassword();
    BOOST_TEST(stateOf(phone.send("PUT", "/user",
                                  "{\"name\":" + quoted(name) + ",\"old_password\":\"wrong-one\"" +
                                      ",\"new_password\":" + quoted(fresh) + "}")) == 2);
    BOOST_TEST(
        stateOf(phone.send("PUT", "/user",
                           "{\"name\":" + quoted(name) + ",\"old_password\":" + quoted(password) +
                               ",\"new_password\":" + quoted(fresh) + "}")) == 1);
    Phone again;
    BOOST_TEST(stateOf(again.send("POST", "/login",
                                  "{\"username\":" + quoted(name) +
                                      ",\"password\":" + quoted(password) + "}")) == 2);
    BOOST_TEST(stateOf(again.send(
                   "POST", "/login",
                   "{\"username\":" + quoted(name) + ",\"password\":" + quoted(fresh) + "}")) == 1);
}

BOOST_AUTO_TEST_CASE(another_users_id_no_cookie_and_no_staff_role_are_failures) {
    const std::string name = uniqueName("pl");
    const std::string password = api::uniquePassword();
    const long long self = registerOnPhone(name, password);
    const long long other = registerOnPhone(uniqueName("ot"), password);
    Phone phone;
    // Without a cookie: a failure, not a fault.
    BOOST_TEST(stateOf(phone.send("PUT", "/user", "{\"nickname\":\"x\"}")) == 2);
    BOOST_REQUIRE_EQUAL(stateOf(phone.send("POST", "/login",
                                           "{\"username\":" + quoted(name) +
                                               ",\"password\":" + quoted(password) + "}")),
                        1);
    // A plain user may not create groups, and may not act as another user.
    BOOST_TEST(stateOf(phone.send("POST", "/group",
                                  "{\"user_id\":" + std::to_string(self) + ",\"group_name\":" +
                                      quoted(api::uniqueGroupName()) + "}")) == 2);
    BOOST_TEST(stateOf(phone.send("DELETE", "/friend",
                                  "{\"user_id\":" + std::to_string(other) +
                                      ",\"friend_name\":\"whoever\"}")) == 2);
    BOOST_TEST(stateOf(phone.send("POST", "/logout", "{\"username\":\"someone_else\"}")) == 2);
    // A form body is read as well as JSON.
    const api::Response form = api::http().request(
        "PUT", "/user", "nickname=%E8%80%81%E6%9D%8E",
        {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", phone.cookie}});
    BOOST_TEST(stateOf(form) == 1);
}

BOOST_AUTO_TEST_CASE(a_method_the_path_does_not_take_is_a_405_protocol_fault) {
    Phone phone;
    const api::Response r = phone.send("PUT", "/login", "{}");
    MMX_CHECK_ANSWER(r, 405, "METHOD_NOT_ALLOWED");
    BOOST_TEST(r.header("allow") == "POST");
    MMX_CHECK_ANSWER(phone.send("GET", "/group", ""), 405, "METHOD_NOT_ALLOWED");
    BOOST_TEST(phone.send("GET", "/group", "").header("allow") == "POST, PUT, DELETE");
}

BOOST_AUTO_TEST_SUITE_END()
