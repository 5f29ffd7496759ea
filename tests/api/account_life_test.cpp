// The short profile (user!personal), checking a code without spending it (verifyCode),
// the user name chosen once (setUserName) and the login by it, and the device of each
// login (dev / lastDev).
#define BOOST_TEST_MODULE api_account_life
#include <thread>

#include "friend_helpers.hpp"
#include "picture_server.hpp"

using namespace friendtest;

namespace {

const std::string kPersonal = "/user/user!personal";
const std::string kVerifyCode = "/user/user!verifyCode";
const std::string kSetUserName = "/user/user!setUserName";
const std::string kLogin = "/user/user!login";
const std::string kRegister = "/user/user!register";

api::Response asClient(const std::string& route, const api::Params& params) {
    return api::http().post(route, params, api::clientHeader(api::uniqueClient()));
}

api::Response verify(const std::string& mobile, const std::string& code,
                     const std::string& purpose = "register") {
    return asClient(kVerifyCode, {{"phone", mobile}, {"code", code}, {"purpose", purpose}});
}

api::Response registerWith(const std::string& mobile, const std::string& password,
                           const std::string& code) {
    return asClient(
        kRegister,
        {{"userVO.userMobile", mobile}, {"userVO.password", password}, {"telSecurityCode", code}});
}

const rapidjson::Value& infoOf(const api::Response& r) {
    const rapidjson::Value* info = r.data("info");
    BOOST_REQUIRE_MESSAGE(info != nullptr && info->IsObject(), r.describe());
    return *info;
}

// A city of the app's own for this test (as the manager console will add them), its id
// read from shop/city!list.
std::string newCityId(const api::TestUser& u) {
    const std::string name = "常居" + u.mobile.substr(5);
    api::runSql("INSERT INTO city (name, sort) VALUES ('" + name + "', 1000);");
    const api::Response r = callGet(u, "/shop/city!list");
    MMX_REQUIRE_OK(r);
    for (const auto& city : r.data("cityList")->GetArray()) {
        if (api::scalarText(city["name"]) == name) return api::scalarText(city["id"]);
    }
    BOOST_FAIL("the new city is not listed");
    return {};
}

api::Response loginAs(const api::Params& params, const std::string& client) {
    return api::http().post(kLogin, params, api::clientHeader(client));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(personal)

BOOST_AUTO_TEST_CASE(personal_reads_the_short_profile_of_the_caller) {
    const api::TestUser u = api::newUser();
    const api::Response r = callGet(u, kPersonal);
    MMX_REQUIRE_OK(r);
    const rapidjson::Value& info = infoOf(r);
    BOOST_CHECK_EQUAL(field(info, "phone"), u.mobile);
    BOOST_CHECK_EQUAL(field(info, "mcode"), mcodeOf(u));
    BOOST_CHECK_EQUAL(field(info, "name"), u.mobile.substr(0, 3) + "****" + u.mobile.substr(7));
    for (const char* name : {"portrait", "gender", "city", "qcode"}) {
        BOOST_CHECK_MESSAGE(info.HasMember(name), name);
    }
    // An account made by mobile has no e-mail; the house keeps no birthday.
    BOOST_CHECK_EQUAL(field(info, "email"), "");
    BOOST_CHECK_EQUAL(field(info, "birthday"), "");
}

BOOST_AUTO_TEST_CASE(each_attr_changes_its_one_field_and_reads_back) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(call(u, kPersonal, {{"attr", "1"}, {"name", "小明"}}));
    MMX_REQUIRE_OK(call(u, kPersonal, {{"attr", "3"}, {"gender", "2"}}));
    const std::string city = newCityId(u);
    MMX_REQUIRE_OK(call(u, kPersonal, {{"attr", "4"}, {"city", city}}));
    const api::Response r = call(u, kPersonal);
    MMX_REQUIRE_OK(r);
    const rapidjson::Value& info = infoOf(r);
    BOOST_CHECK_EQUAL(field(info, "name"), "小明");
    BOOST_CHECK_EQUAL(field(info, "gender"), "2");
    BOOST_CHECK_EQUAL(field(info, "city"), city);
    // The same data as readUser's.
    const api::Response full = call(u, "/user/user!readUser");
    MMX_REQUIRE_OK(full);
    BOOST_CHECK_EQUAL(field(*full.data("userVO"), "nickName"), "小明");
    BOOST_CHECK_EQUAL(field(*full.data("userVO"), "sex"), "2");
    BOOST_CHECK_EQUAL(field(*full.data("userVO"), "cityId"), city);
}

BOOST_AUTO_TEST_CASE(attr_2_sets_the_portrait_from_a_url) {
    picturetest::PictureServer server;
    const api::TestUser u = api::newUser();
    const api::Response set =
        call(u, kPersonal, {{"attr", "2"}, {"portrait", server.url("127.0.0.1", "/avatar.png")}});
    MMX_REQUIRE_OK(set);
    const std::string portrait = field(*set.data(), "portrait");
    BOOST_CHECK(portrait.find("/upload/images/userPhoto/" + id(u) + "_") != std::string::npos);
    BOOST_CHECK_EQUAL(field(infoOf(call(u, kPersonal)), "portrait"), portrait);
    // A URL on a host that is not allow-listed is refused, and the portrait stays.
    MMX_CHECK_FAILS_WITH(
        call(u, kPersonal, {{"attr", "2"}, {"portrait", server.url("localhost", "/avatar.png")}}),
        "BAD_PARAM");
    BOOST_CHECK_EQUAL(field(infoOf(call(u, kPersonal)), "portrait"), portrait);
}

BOOST_AUTO_TEST_CASE(bad_attr_values_are_bad_param_and_change_nothing) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(call(u, kPersonal, {{"attr", "5"}, {"name", "x"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(u, kPersonal, {{"attr", "1"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(u, kPersonal, {{"attr", "3"}, {"gender", "3"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(u, kPersonal, {{"attr", "4"}, {"city", "987654"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(callGet(u, kPersonal, {{"attr", "1"}, {"name", "x"}}), "BAD_PARAM");
    const api::Response after = call(u, kPersonal);  // the answer outlives what is read of it
    BOOST_CHECK_EQUAL(field(infoOf(after), "name"),
                      u.mobile.substr(0, 3) + "****" + u.mobile.substr(7));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(verify_code)

BOOST_AUTO_TEST_CASE(a_right_code_is_confirmed_and_not_spent) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    MMX_CHECK_OK(verify(mobile, code));
    MMX_CHECK_OK(verify(mobile, code));
    // The shop app's call sends no purpose: registering is meant.
    MMX_CHECK_OK(asClient(kVerifyCode, {{"phone", mobile}, {"code", code}}));
    MMX_CHECK_OK(registerWith(mobile, api::uniquePassword(), code));
}

BOOST_AUTO_TEST_CASE(a_code_is_checked_only_for_its_own_purpose) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    MMX_CHECK_FAILS_WITH(verify(mobile, code, "reset"), "CODE_EXPIRED");
    MMX_CHECK_FAILS_WITH(verify(mobile, code, "nonsense"), "BAD_PARAM");
    MMX_CHECK_OK(verify(mobile, code, "register"));
}

BOOST_AUTO_TEST_CASE(wrong_codes_count_as_tries_and_burn_the_code_at_the_limit) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    MMX_CHECK_FAILS_WITH(verify(mobile, api::wrongCode(code)), "BAD_CODE");
    MMX_CHECK_OK(verify(mobile, code));
    // Four more wrong tries make five: the code is burnt for checks and for registering.
    for (int i = 0; i < 4; ++i)
        MMX_CHECK_FAILS_WITH(verify(mobile, api::wrongCode(code)), "BAD_CODE");
    MMX_CHECK_FAILS_WITH(verify(mobile, code), "CODE_EXPIRED");
    MMX_CHECK_FAILS_WITH(registerWith(mobile, api::uniquePassword(), code), "CODE_EXPIRED");
}

BOOST_AUTO_TEST_CASE(wrong_codes_sent_at_once_are_each_counted) {
    const std::string mobile = api::uniqueMobile();
    const std::string code = api::sendRegisterCode(mobile);
    constexpr int kTries = 5;  // the stack's MMX_SMS_MAX_WRONG_TRIES
    std::vector<api::Response> answers(kTries);
    std::vector<std::thread> threads;
    for (int i = 0; i < kTries; ++i) {
        threads.emplace_back([&, i] {
            api::HttpClient http(api::stackEnv().baseUrl);
            answers[i] = http.post(kVerifyCode, {{"phone", mobile}, {"code", api::wrongCode(code)}},
                                   api::clientHeader(api::uniqueClient()));
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& answer : answers) MMX_CHECK_FAILS_WITH(answer, "BAD_CODE");
    MMX_CHECK_FAILS_WITH(verify(mobile, code), "CODE_EXPIRED");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(user_name)

BOOST_AUTO_TEST_CASE(a_user_name_is_set_once_and_logs_in_as_the_account) {
    const api::TestUser u = api::newUser();
    const std::string name = "u" + u.mobile.substr(3) + "_Ab";
    MMX_REQUIRE_OK(call(u, kSetUserName, {{"userName", name}}));
    MMX_CHECK_FAILS_WITH(call(u, kSetUserName, {{"userName", name + "x"}}), "CONFLICT");
    // The shop app's account login, any case of the name.
    const api::Response byAccount =
        loginAs({{"mode", "1"}, {"account", name}, {"password", u.password}}, api::uniqueClient());
    MMX_REQUIRE_OK(byAccount);
    BOOST_CHECK_EQUAL(field(*byAccount.data("userVO"), "userId"), id(u));
    MMX_CHECK_OK(
        loginAs({{"userVO.userName", name}, {"userVO.password", u.password}}, api::uniqueClient()));
    MMX_CHECK_FAILS_WITH(
        loginAs({{"mode", "1"}, {"account", name}, {"password", api::uniquePassword()}},
                api::uniqueClient()),
        "BAD_CREDENTIALS");
    // The mobile login is as it was.
    MMX_CHECK_OK(loginAs({{"userVO.userName", u.mobile}, {"userVO.password", u.password}},
                         api::uniqueClient()));
    MMX_CHECK_OK(loginAs({{"mode", "2"}, {"phone", u.mobile}, {"password", u.password}},
                         api::uniqueClient()));
}

BOOST_AUTO_TEST_CASE(a_name_taken_in_any_case_is_conflict) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string name = "Taken" + a.mobile.substr(3);
    MMX_REQUIRE_OK(call(a, kSetUserName, {{"account", name}}));
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    MMX_CHECK_FAILS_WITH(call(b, kSetUserName, {{"userName", upper}}), "CONFLICT");
    MMX_CHECK_OK(call(b, kSetUserName, {{"userName", "Free" + b.mobile.substr(3)}}));
}

BOOST_AUTO_TEST_CASE(one_name_claimed_by_several_accounts_at_once_goes_to_one) {
    constexpr int kClaims = 6;
    std::vector<api::TestUser> users;
    for (int i = 0; i < kClaims; ++i) users.push_back(api::newUser());
    const std::string name = "race" + users[0].mobile.substr(3);
    std::vector<api::Response> answers(kClaims);
    std::vector<std::thread> threads;
    for (int i = 0; i < kClaims; ++i) {
        threads.emplace_back([&, i] {
            api::HttpClient http(api::stackEnv().baseUrl);
            answers[i] =
                http.post(kSetUserName, {{"userName", name}}, api::authHeaders(users[i].session));
        });
    }
    for (auto& thread : threads) thread.join();
    int won = 0;
    std::string winner;
    for (int i = 0; i < kClaims; ++i) {
        if (answers[i].success()) {
            ++won;
            winner = id(users[i]);
        } else {
            MMX_CHECK_FAILS_WITH(answers[i], "CONFLICT");
        }
    }
    BOOST_REQUIRE_EQUAL(won, 1);
    // The name logs in as the one account that got it (the winner first: the others'
    // passwords are wrong passwords for it, and count against it).
    std::vector<const api::TestUser*> order;
    for (const auto& u : users) {
        if (id(u) == winner)
            order.insert(order.begin(), &u);
        else
            order.push_back(&u);
    }
    for (const api::TestUser* u : order) {
        const api::Response r = loginAs(
            {{"mode", "1"}, {"account", name}, {"password", u->password}}, api::uniqueClient());
        if (id(*u) == winner) {
            MMX_CHECK_OK(r);
        } else {
            MMX_CHECK_FAILS_WITH(r, "BAD_CREDENTIALS");
        }
    }
}

BOOST_AUTO_TEST_CASE(malformed_names_are_bad_param_and_leave_the_name_unset) {
    const api::TestUser u = api::newUser();
    for (const char* bad :
         {"abc", "has space", "名字名字", "12345678", "a-b-c-d", "abcdefghijklmnopqrstu"}) {
        MMX_CHECK_FAILS_WITH(call(u, kSetUserName, {{"userName", bad}}), "BAD_PARAM");
    }
    MMX_CHECK_FAILS_WITH(call(u, kSetUserName), "BAD_PARAM");
    MMX_CHECK_OK(call(u, kSetUserName, {{"userName", "ok_" + u.mobile.substr(3)}}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(login_device)

BOOST_AUTO_TEST_CASE(login_answers_the_device_of_the_login_before) {
    const api::TestUser u = api::newUser();  // logged in once, without a device
    const api::Response first =
        loginAs({{"userVO.userName", u.mobile}, {"userVO.password", u.password}, {"dev", "IMEI-A"}},
                api::uniqueClient());
    MMX_REQUIRE_OK(first);
    BOOST_CHECK(first.data("lastDev") == nullptr);
    const api::Response second =
        loginAs({{"mode", "2"}, {"phone", u.mobile}, {"password", u.password}, {"dev", "IMEI-B"}},
                api::uniqueClient());
    MMX_REQUIRE_OK(second);
    BOOST_REQUIRE(second.data("lastDev") != nullptr);
    BOOST_CHECK_EQUAL(api::scalarText(*second.data("lastDev")), "IMEI-A");
    const api::Response third =
        loginAs({{"userVO.userName", u.mobile}, {"userVO.password", u.password}, {"dev", "IMEI-B"}},
                api::uniqueClient());
    BOOST_REQUIRE(third.data("lastDev") != nullptr);
    BOOST_CHECK_EQUAL(api::scalarText(*third.data("lastDev")), "IMEI-B");
}

BOOST_AUTO_TEST_CASE(a_failed_login_does_not_move_the_device) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(loginAs(
        {{"userVO.userName", u.mobile}, {"userVO.password", u.password}, {"dev", "PHONE-1"}},
        api::uniqueClient()));
    MMX_CHECK_FAILS_WITH(loginAs({{"userVO.userName", u.mobile},
                                  {"userVO.password", api::uniquePassword()},
                                  {"dev", "THIEF"}},
                                 api::uniqueClient()),
                         "BAD_CREDENTIALS");
    const api::Response next = loginAs(
        {{"userVO.userName", u.mobile}, {"userVO.password", u.password}, {"dev", "PHONE-1"}},
        api::uniqueClient());
    BOOST_REQUIRE(next.data("lastDev") != nullptr);
    BOOST_CHECK_EQUAL(api::scalarText(*next.data("lastDev")), "PHONE-1");
}

BOOST_AUTO_TEST_SUITE_END()
