// The shop-discovery phone of the MMX user API, account side, as its API notes describe it
// (versions 1 and 2): /user/login, /user/logout, /user/register, /user/gencode,
// /user/vercode, /user/resetpw, /user/personal, /user/address (+ /default), /user/bindphone,
// /user/friend… , /user/info, /user/setting/private, /user/feedback, /user/version and the
// /userweb/… routes; the seed's methods, JSON bodies or query strings, answers
// {"err": 0 | a code of docs/userapi-codes.md, …}, and the house's identity headers (client,
// uid, accessToken). What the notes give no route for is set up and checked through the
// house's routes.
#define BOOST_TEST_MODULE api_dialect_userapi_account
#include <functional>
#include <set>

#include "userapi_phone.hpp"

using namespace userapitest;

namespace {

// A new account made the seed's way: gencode, vercode, then register with phone and password.
long long registerOnPhone(Phone& phone, const std::string& mobile, const std::string& password) {
    const std::string number = "{\"phone\":" + quoted(mobile);
    BOOST_REQUIRE_EQUAL(errOf(phone.send("POST", "/user/gencode", number + "}")), 0);
    const std::string code = api::lastSmsCode(mobile, "register");
    BOOST_REQUIRE_EQUAL(
        errOf(phone.send("POST", "/user/vercode", number + ",\"code\":" + quoted(code) + "}")), 0);
    const api::Response made =
        phone.send("POST", "/user/register", number + ",\"password\":" + quoted(password) + "}");
    BOOST_REQUIRE_EQUAL(errOf(made), 0);
    return member(made.json, "accID").GetInt64();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(userapi_account_phone)

BOOST_AUTO_TEST_CASE(a_code_proven_by_vercode_registers_once_and_the_account_logs_in) {
    Phone phone;
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    const std::string number = "{\"phone\":" + quoted(mobile);
    CHECK_ERR(phone.send("POST", "/user/gencode", number + "}"), 0);
    const std::string code = api::lastSmsCode(mobile, "register");
    // Not proven yet: no account.
    CHECK_ERR(
        phone.send("POST", "/user/register", number + ",\"password\":" + quoted(password) + "}"),
        kCodeExpired);
    CHECK_ERR(phone.send("POST", "/user/vercode",
                         number + ",\"code\":" + quoted(api::wrongCode(code)) + "}"),
              kBadCode);
    CHECK_ERR(phone.send("POST", "/user/vercode", number + ",\"code\":" + quoted(code) + "}"), 0);
    const api::Response made =
        phone.send("POST", "/user/register", number + ",\"password\":" + quoted(password) + "}");
    BOOST_REQUIRE_EQUAL(errOf(made), 0);
    const long long accID = member(made.json, "accID").GetInt64();
    // The proof was spent: the mobile is taken now, and a proof is never spent twice.
    CHECK_ERR(
        phone.send("POST", "/user/register", number + ",\"password\":" + quoted(password) + "}"),
        kConflict);

    // The house sees the account: its own login works with that password.
    const api::Session house = api::login(mobile, password, api::uniqueClient());
    BOOST_TEST(house.userId == accID);
}

BOOST_AUTO_TEST_CASE(a_code_sent_with_register_itself_is_accepted_too) {
    Phone phone;
    const std::string mobile = api::uniqueMobile();
    const std::string number = "{\"phone\":" + quoted(mobile);
    CHECK_ERR(phone.send("POST", "/user/gencode", number + "}"), 0);
    const std::string code = api::lastSmsCode(mobile, "register");
    const api::Response made =
        phone.send("POST", "/user/register",
                   number + ",\"password\":" + quoted(api::uniquePassword()) +
                       ",\"code\":" + quoted(code) + "}");
    BOOST_REQUIRE_EQUAL(errOf(made), 0);
    BOOST_TEST(member(made.json, "accID").GetInt64() > 0);
}

BOOST_AUTO_TEST_CASE(login_answers_the_account_and_the_device_of_the_login_before) {
    Phone first;
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    const long long accID = registerOnPhone(first, mobile, password);

    CHECK_ERR(first.login(mobile, "wrong-password-1", "imei-A"), kBadCredentials);
    BOOST_TEST(first.uid.empty());
    const api::Response in = first.login(mobile, password, "imei-A");
    BOOST_REQUIRE_EQUAL(errOf(in), 0);
    BOOST_TEST(member(in.json, "accID").GetInt64() == accID);
    BOOST_TEST(member(in.json, "dev").GetString() == std::string(""));
    BOOST_TEST(in.header("uid") == std::to_string(accID));
    BOOST_TEST(!in.header("accesstoken").empty());
    BOOST_TEST(in.header("client") == first.client);
    BOOST_TEST(!in.header("expire").empty());

    Phone second;
    const api::Response again = second.login(mobile, password, "imei-B");
    BOOST_REQUIRE_EQUAL(errOf(again), 0);
    BOOST_TEST(member(again.json, "dev").GetString() == std::string("imei-A"));
    // Both sessions work: another client keeps its own.
    CHECK_ERR(first.send("GET", "/user/personal"), 0);
    CHECK_ERR(second.send("GET", "/user/personal"), 0);

    // Logged out, the session opens nothing any more; the other phone's still does.
    CHECK_ERR(first.send("POST", "/user/logout"), 0);
    BOOST_TEST(errOf(first.send("GET", "/user/personal")) != 0);
    CHECK_ERR(second.send("GET", "/user/personal"), 0);
}

BOOST_AUTO_TEST_CASE(a_reset_needs_a_proven_code_and_spends_it_once) {
    const api::TestUser user = api::newUser();
    api::ageLastSms(user.mobile);
    Phone phone;
    const std::string number = "{\"phone\":" + quoted(user.mobile);
    const std::string fresh = api::uniquePassword();
    CHECK_ERR(phone.send("POST", "/user/gencode", number + "}"), 0);
    const std::string code = api::lastSmsCode(user.mobile, "reset");
    CHECK_ERR(phone.send("POST", "/user/resetpw", number + ",\"password\":" + quoted(fresh) + "}"),
              kCodeExpired);
    CHECK_ERR(phone.send("POST", "/user/vercode", number + ",\"code\":" + quoted(code) + "}"), 0);
    CHECK_ERR(phone.send("POST", "/user/resetpw", number + ",\"password\":" + quoted(fresh) + "}"),
              0);
    CHECK_ERR(phone.send("POST", "/user/resetpw",
                         number + ",\"password\":" + quoted(api::uniquePassword()) + "}"),
              kCodeExpired);

    CHECK_ERR(Phone().login(user.mobile, user.password, "imei-old"), kBadCredentials);
    CHECK_ERR(Phone().login(user.mobile, fresh, "imei-new"), 0);
    // The reset ended the house's session too.
    BOOST_TEST(!api::post(user, "/user/user!readUser").success());
}

BOOST_AUTO_TEST_CASE(one_proof_resets_the_password_once_under_concurrent_calls) {
    const api::TestUser user = api::newUser();
    api::ageLastSms(user.mobile);
    Phone phone;
    const std::string number = "{\"phone\":" + quoted(user.mobile);
    CHECK_ERR(phone.send("POST", "/user/gencode", number + "}"), 0);
    const std::string code = api::lastSmsCode(user.mobile, "reset");
    CHECK_ERR(phone.send("POST", "/user/vercode", number + ",\"code\":" + quoted(code) + "}"), 0);

    constexpr int kCalls = 4;
    std::vector<std::string> passwords;
    for (int i = 0; i < kCalls; ++i) passwords.push_back(api::uniquePassword());
    std::vector<int> errs(kCalls, -1);
    std::vector<std::function<void()>> calls;
    for (int i = 0; i < kCalls; ++i) {
        calls.emplace_back([&, i] {
            api::HttpClient client(api::stackEnv().baseUrl);
            const api::Response r = client.request(
                "POST", "/user/resetpw", number + ",\"password\":" + quoted(passwords[i]) + "}",
                {{"client", api::uniqueClient()}, {"Content-Type", "application/json"}});
            if (r.isJson() && r.json.HasMember("err")) errs[i] = r.json["err"].GetInt();
        });
    }
    api::runTogether(std::move(calls));
    int won = -1;
    for (int i = 0; i < kCalls; ++i) {
        if (errs[i] == 0) {
            BOOST_TEST(won == -1);
            won = i;
        } else {
            BOOST_TEST(errs[i] == kCodeExpired);
        }
    }
    BOOST_REQUIRE(won >= 0);
    for (int i = 0; i < kCalls; ++i) {
        CHECK_ERR(Phone().login(user.mobile, passwords[i], "imei"), i == won ? 0 : kBadCredentials);
    }
}

BOOST_AUTO_TEST_CASE(the_whole_flow_profile_addresses_friends_settings_feedback_and_v2) {
    Phone phone;
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    const long long me = registerOnPhone(phone, mobile, password);
    BOOST_REQUIRE_EQUAL(errOf(phone.login(mobile, password, "imei-1")), 0);

    // personal
    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":1,\"name\":\"小喵\"}"), 0);
    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":3,\"gender\":2}"), 0);
    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":3,\"gender\":7}"), kBadParam);
    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":9}"), kBadParam);
    const api::Response personal = phone.send("GET", "/user/personal");
    BOOST_REQUIRE_EQUAL(errOf(personal), 0);
    const auto& info = member(personal.json, "info");
    BOOST_TEST(member(info, "name").GetString() == std::string("小喵"));
    BOOST_TEST(member(info, "gender").GetInt() == 2);
    BOOST_TEST(member(info, "phone").GetString() == mobile);
    const std::string myMcode = member(info, "mcode").GetString();
    BOOST_TEST(!myMcode.empty());
    BOOST_TEST(member(info, "portrait").IsString());
    BOOST_TEST(member(info, "qcode").IsString());
    BOOST_TEST(info.HasMember("city"));

    // addresses: at most four, one default
    std::vector<long long> addrIDs;
    for (int i = 0; i < 4; ++i) {
        const api::Response added = phone.send(
            "PUT", "/user/address",
            "{\"name\":\"张三\",\"phone\":" + quoted(mobile) + ",\"address\":\"北京市朝阳区" +
                std::to_string(i) + "号\",\"postcode\":\"100020\"}");
        BOOST_REQUIRE_EQUAL(errOf(added), 0);
        addrIDs.push_back(member(added.json, "addrID").GetInt64());
    }
    CHECK_ERR(
        phone.send("PUT", "/user/address",
                   "{\"name\":\"李四\",\"phone\":" + quoted(mobile) + ",\"address\":\"上海\"}"),
        kConflict);
    CHECK_ERR(phone.send("PUT", "/user/address",
                         "{\"name\":\"李四\",\"phone\":\"12\",\"address\":\"上海\"}"),
              kBadParam);
    CHECK_ERR(
        phone.send("POST", "/user/address",
                   "{\"addrID\":" + std::to_string(addrIDs[1]) + ",\"address\":\"改过的地址\"}"),
        0);
    CHECK_ERR(phone.send("POST", "/user/address/default",
                         "{\"addrID\":" + std::to_string(addrIDs[2]) + "}"),
              0);
    CHECK_ERR(
        phone.send("DELETE", "/user/address", "{\"addrID\":" + std::to_string(addrIDs[3]) + "}"),
        0);
    const api::Response addresses = phone.send("GET", "/user/address");
    BOOST_REQUIRE_EQUAL(errOf(addresses), 0);
    const auto& list = member(addresses.json, "addressList");
    BOOST_TEST(list.Size() == 3u);
    for (const auto& address : list.GetArray()) {
        const long long id = member(address, "addrID").GetInt64();
        BOOST_TEST(member(address, "default").GetBool() == (id == addrIDs[2]));
        if (id == addrIDs[1])
            BOOST_TEST(member(address, "address").GetString() == std::string("改过的地址"));
        BOOST_TEST(member(address, "postcode").GetString() == std::string("100020"));
        BOOST_TEST(member(address, "name").GetString() == std::string("张三"));
        BOOST_TEST(member(address, "phone").GetString() == mobile);
    }

    // friends: invite by user id, the other accepts on their phone
    const api::TestUser bobUser = api::newUser();
    Phone bob = phoneOf(bobUser);
    const long long bobId = bobUser.session.userId;
    CHECK_ERR(
        phone.send("POST", "/user/friend/invite",
                   "{\"mode\":3,\"userID\":" + std::to_string(bobId) + ",\"remark\":\"我是小喵\"}"),
        0);
    CHECK_ERR(bob.send("POST", "/user/friend/accept?uid=" + std::to_string(me)), 0);
    const api::Response diff = phone.send("POST", "/user/friend/diff",
                                          "{\"frdIDs\":[" + std::to_string(me + 1000000) + "]}");
    BOOST_REQUIRE_EQUAL(errOf(diff), 0);
    BOOST_TEST(idsIn(member(diff.json, "addFrdIDs")) == std::set<long long>{bobId});
    BOOST_TEST(idsIn(member(diff.json, "delFrdIDs")) == std::set<long long>{me + 1000000});
    CHECK_ERR(phone.send("POST", "/user/friend/name",
                         "{\"frdID\":" + std::to_string(bobId) + ",\"rmkName\":\"老鲍\"}"),
              0);
    const api::Response friends = phone.send("GET", "/user/friend?uid=" + std::to_string(bobId));
    BOOST_REQUIRE_EQUAL(errOf(friends), 0);
    const auto& frdList = member(friends.json, "frdList");
    BOOST_REQUIRE_EQUAL(frdList.Size(), 1u);
    BOOST_TEST(member(frdList[0], "frdID").GetInt64() == bobId);
    BOOST_TEST(member(frdList[0], "rmkName").GetString() == std::string("老鲍"));
    BOOST_TEST(member(frdList[0], "nickName").IsString());
    const std::string bobMcode = member(frdList[0], "mcode").GetString();
    BOOST_TEST(!bobMcode.empty());
    BOOST_TEST(member(frdList[0], "portrait").IsString());

    // privacy: bob hides his favourites from friends; I read his setting
    CHECK_ERR(bob.send("POST", "/user/setting/private", "{\"favoriteEnable\":0}"), 0);
    const api::Response own = bob.send("GET", "/user/setting/private");
    BOOST_REQUIRE_EQUAL(errOf(own), 0);
    BOOST_TEST(member(member(own.json, "setting"), "favoriteEnable").GetInt() == 0);
    BOOST_TEST(member(member(own.json, "setting"), "fansEnable").GetInt() == 1);
    const api::Response his =
        phone.send("GET", "/user/friend/private?uid=" + std::to_string(bobId));
    BOOST_REQUIRE_EQUAL(errOf(his), 0);
    BOOST_TEST(member(member(his.json, "setting"), "favoriteEnable").GetInt() == 0);
    BOOST_TEST(member(member(his.json, "setting"), "visitEnable").GetInt() == 1);

    // other users' cards
    const api::Response users =
        phone.send("GET", "/user/info?uid=" + std::to_string(bobId) + "&uid=" + std::to_string(me));
    BOOST_REQUIRE_EQUAL(errOf(users), 0);
    BOOST_TEST(idsIn(member(users.json, "userList"), "userID") == (std::set<long long>{bobId, me}));
    for (const auto& card : member(users.json, "userList").GetArray()) {
        BOOST_TEST(member(card, "nickName").IsString());
        BOOST_TEST(member(card, "city").IsString());
        BOOST_TEST(member(card, "portrait").IsString());
    }

    // feedback and version
    CHECK_ERR(phone.send("POST", "/user/feedback", "{\"feedback\":\"希望多些店\"}"), 0);
    const api::Response feeds = phone.send("GET", "/user/feedback?offset=0&count=10");
    BOOST_REQUIRE_EQUAL(errOf(feeds), 0);
    const auto& feedList = member(feeds.json, "feedList");
    BOOST_REQUIRE_EQUAL(feedList.Size(), 1u);
    BOOST_TEST(member(feedList[0], "content").GetString() == std::string("希望多些店"));
    BOOST_TEST(member(feedList[0], "direction").GetInt() == 1);
    BOOST_TEST(member(feedList[0], "time").GetInt64() > 0);
    const api::Response version = phone.send("GET", "/user/version?sys=1");
    BOOST_REQUIRE_EQUAL(errOf(version), 0);
    BOOST_TEST(version.json.HasMember("version"));
    BOOST_TEST(version.json.HasMember("packet"));
    CHECK_ERR(phone.send("GET", "/user/version?sys=9"), kBadParam);

    // version 2: the A-Z friends, search, remark, contacts
    const std::string mine = "/userweb/" + std::to_string(me);
    const api::Response grouped = phone.send("GET", mine + "/friends");
    BOOST_REQUIRE_EQUAL(errOf(grouped), 0);
    BOOST_TEST(member(grouped.json, "total_num").GetInt() == 1);
    const auto& groups = member(grouped.json, "friends");
    BOOST_REQUIRE_EQUAL(groups.MemberCount(), 1u);
    const auto& entry = groups.MemberBegin()->value[0];
    BOOST_TEST(member(entry, "friend_id").GetInt64() == bobId);
    BOOST_TEST(member(entry, "friend_name").GetString() == std::string("老鲍"));
    BOOST_TEST(groups.MemberBegin()->name.GetString() == std::string("L"));  // 老 is lao
    BOOST_TEST(member(entry, "phone_no").GetString() == bobUser.mobile);
    BOOST_TEST(member(entry, "mcode").GetString() == bobMcode);
    for (const char* field : {"gender", "qrcode", "email", "portrait_url", "city_id", "city_name",
                              "name", "birthday"}) {
        BOOST_TEST(entry.HasMember(field), field);
    }
    CHECK_ERR(phone.send("POST", mine + "/friend/remark",
                         "{\"friend_id\":" + std::to_string(bobId) + ",\"remark\":\"鲍勃\"}"),
              0);
    const api::Response renamed =
        phone.send("POST", mine + "/friend/remark",
                   "{\"friend_id\":" + std::to_string(bobId) + ",\"remark\":\"Bob\"}");
    BOOST_REQUIRE_EQUAL(errOf(renamed), 0);
    BOOST_TEST(member(renamed.json, "is_success").GetBool());
    const api::Response house =
        api::post(bobUser, "/user/friend!read", {{"friendId", std::to_string(me)}});
    MMX_REQUIRE_OK(house);  // bob sees me as a friend through the house too
    const api::Response seen = phone.send("GET", "/user/friend?uid=" + std::to_string(bobId));
    BOOST_TEST(member(member(seen.json, "frdList")[0], "rmkName").GetString() ==
               std::string("Bob"));

    const api::Response found = phone.send("GET", "/userweb/search/" + bobMcode);
    BOOST_REQUIRE_EQUAL(errOf(found), 0);
    BOOST_TEST(member(found.json, "user_id").GetInt64() == bobId);
    BOOST_TEST(member(found.json, "mcode").GetString() == bobMcode);
    for (const char* field : {"name", "gender", "birthday", "qrcode", "phone_no", "email",
                              "portrait_url", "city_id", "city_name"}) {
        BOOST_TEST(found.json.HasMember(field), field);
    }

    const std::string stranger = api::uniqueMobile();
    const api::Response sorted =
        phone.send("POST", "/userweb/selectphones",
                   "{\"phone\":" + quoted(mobile) + ",\"phone_list\":[" + quoted(bobUser.mobile) +
                       "," + quoted(stranger) + "]}");
    BOOST_REQUIRE_EQUAL(errOf(sorted), 0);
    BOOST_REQUIRE_EQUAL(member(sorted.json, "platform_friend").Size(), 1u);
    BOOST_TEST(member(sorted.json, "platform_friend")[0].GetString() == bobUser.mobile);
    BOOST_TEST(member(sorted.json, "platform_notfriend").Size() == 0u);
    BOOST_REQUIRE_EQUAL(member(sorted.json, "notplatform").Size(), 1u);
    BOOST_TEST(member(sorted.json, "notplatform")[0].GetString() == stranger);

    CHECK_ERR(phone.send("POST", "/user/logout"), 0);
    CHECK_ERR(phone.send("GET", "/user/address"), kTokenInvalid);
}

BOOST_AUTO_TEST_CASE(someone_elses_id_no_session_and_bad_input_are_refused) {
    const api::TestUser aliceUser = api::newUser();
    const api::TestUser bobUser = api::newUser();
    Phone alice = phoneOf(aliceUser);
    const std::string bob = std::to_string(bobUser.session.userId);

    CHECK_ERR(alice.send("GET", "/userweb/" + bob + "/friends"), kForbidden);
    CHECK_ERR(alice.send("POST", "/userweb/" + bob + "/friend/remark",
                         "{\"friend_id\":" + std::to_string(aliceUser.session.userId) +
                             ",\"remark\":\"x\"}"),
              kForbidden);
    CHECK_ERR(alice.send("GET", "/userweb/quickmodifyimg?user_id=" + bob +
                                    "&url=http%3A%2F%2F127.0.0.1%2Fa.png"),
              kForbidden);
    // Another user's address is not found, and changes nothing.
    Phone bobPhone = phoneOf(bobUser);
    const api::Response added = bobPhone.send(
        "PUT", "/user/address",
        "{\"name\":\"鲍勃\",\"phone\":" + quoted(bobUser.mobile) + ",\"address\":\"广州\"}");
    BOOST_REQUIRE_EQUAL(errOf(added), 0);
    const std::string bobAddress = std::to_string(member(added.json, "addrID").GetInt64());
    CHECK_ERR(alice.send("DELETE", "/user/address", "{\"addrID\":" + bobAddress + "}"), kNotFound);
    const api::Response bobs = api::post(bobUser, "/user/address!list");
    MMX_REQUIRE_OK(bobs);
    BOOST_TEST((*bobs.data())["addressList"].Size() == 1u);

    // No session: the login-only routes refuse; no client header: a bad parameter.
    Phone nobody;
    CHECK_ERR(nobody.send("GET", "/user/personal"), kAuthRequired);
    CHECK_ERR(nobody.send("POST", "/user/friend/diff", "{\"frdIDs\":[]}"), kAuthRequired);
    const api::Response noClient = api::http().request("POST", "/user/login", "{\"mode\":2}",
                                                       {{"Content-Type", "application/json"}});
    CHECK_ERR(noClient, kBadParam);

    // Bad input, each with its code.
    CHECK_ERR(nobody.send("POST", "/user/gencode", "{\"phone\":\"123\"}"), kBadParam);
    CHECK_ERR(nobody.send("POST", "/user/login", "{\"mode\":9}"), kBadParam);
    CHECK_ERR(nobody.send("POST", "/user/login",
                          "{\"mode\":2,\"phone\":" + quoted(aliceUser.mobile) + "}"),
              kBadParam);
    CHECK_ERR(alice.send("POST", "/user/friend/invite", "{\"mode\":2,\"mcode\":\"abc\"}"),
              kBadParam);
    CHECK_ERR(alice.send("GET", "/userweb/search/not-a-number"), kBadParam);
    CHECK_ERR(
        alice.send("POST", "/user/bindphone", "{\"phone\":" + quoted(api::uniqueMobile()) + "}"),
        kBadParam);
    CHECK_ERR(alice.send("POST", "/user/setting/private", "{\"fansEnable\":5}"), kBadParam);
}

BOOST_AUTO_TEST_CASE(bindphone_moves_the_account_to_a_mobile_whose_bind_code_it_holds) {
    const api::TestUser user = api::newUser();
    Phone phone = phoneOf(user);
    const std::string fresh = api::uniqueMobile();
    CHECK_ERR(phone.send("POST", "/user/gencode",
                         "{\"phone\":" + quoted(fresh) + ",\"purpose\":\"bind\"}"),
              0);
    const std::string code = api::lastSmsCode(fresh, "bind");
    CHECK_ERR(phone.send("POST", "/user/bindphone",
                         "{\"phone\":" + quoted(fresh) +
                             ",\"code\":" + quoted(api::wrongCode(code)) + "}"),
              kBadCode);
    CHECK_ERR(phone.send("POST", "/user/bindphone",
                         "{\"phone\":" + quoted(fresh) + ",\"code\":" + quoted(code) + "}"),
              0);
    const api::Response personal = phone.send("GET", "/user/personal");
    BOOST_REQUIRE_EQUAL(errOf(personal), 0);
    BOOST_TEST(member(member(personal.json, "info"), "phone").GetString() == fresh);
    CHECK_ERR(Phone().login(fresh, user.password, "imei"), 0);
}

BOOST_AUTO_TEST_CASE(a_method_the_seed_does_not_give_a_path_is_a_405_with_allow) {
    Phone phone;
    const api::Response r = phone.send("GET", "/user/login");
    MMX_CHECK_ANSWER(r, 405, "METHOD_NOT_ALLOWED");
    BOOST_TEST(r.header("allow") == "POST");
    const api::Response address = phone.send("PATCH", "/user/address");
    BOOST_TEST(address.status == 405);
    BOOST_TEST(address.header("allow") == "GET, POST, PUT, DELETE");
    MMX_CHECK_ANSWER(phone.send("POST", "/userweb/search/13800000000"), 405, "METHOD_NOT_ALLOWED");
}

BOOST_AUTO_TEST_SUITE_END()
