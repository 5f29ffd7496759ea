// Accounts by user name or e-mail with no SMS code, login by e-mail and by numeric id, and
// updateUser's compare-and-set (expect.<field>).
#define BOOST_TEST_MODULE api_account_kinds
#include <functional>
#include <thread>

#include "api_test.hpp"
#include "helpers.hpp"

namespace {

const std::string kRegisterByName = "/user/user!registerByName";

// A user name no other run has used: letters first, so it is never all digits.
std::string uniqueUserName() {
    return api::uniqueName("u");
}

api::Response registerByName(const api::Params& params) {
    return api::http().post(kRegisterByName, params, api::clientHeader(api::uniqueClient()));
}

api::Response login(const api::Params& params, const std::string& client) {
    return api::http().post("/user/user!login", params, api::clientHeader(client));
}

long long userIdOf(const api::Response& r) {
    const rapidjson::Value* user = r.data("userVO");
    BOOST_REQUIRE_MESSAGE(user != nullptr && user->IsObject() && (*user)["userId"].IsInt64(),
                          r.describe());
    return (*user)["userId"].GetInt64();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(registration)

BOOST_AUTO_TEST_CASE(an_account_by_user_name_logs_in_by_name_and_by_its_numeric_id) {
    const std::string name = uniqueUserName();
    const std::string password = api::uniquePassword();
    const api::Response made =
        registerByName({{"userName", name}, {"password", password}, {"nickname", "老王"}});
    MMX_REQUIRE_ANSWER(made, 200, "OK");
    const long long userId = userIdOf(made);

    const std::string client = api::uniqueClient();
    const api::Response byName =
        login({{"userVO.userName", name}, {"userVO.password", password}}, client);
    MMX_REQUIRE_ANSWER(byName, 200, "OK");
    BOOST_TEST(userIdOf(byName) == userId);
    BOOST_TEST(api::scalarText((*byName.data("userVO"))["nickName"]) == "老王");

    const api::Response byId =
        login({{"userVO.userId", std::to_string(userId)}, {"userVO.password", password}}, client);
    MMX_REQUIRE_ANSWER(byId, 200, "OK");
    BOOST_TEST(userIdOf(byId) == userId);

    const api::Response wrong =
        login({{"userVO.userId", std::to_string(userId)}, {"userVO.password", "not-" + password}},
              client);
    MMX_CHECK_ANSWER(wrong, 200, "BAD_CREDENTIALS");
}

BOOST_AUTO_TEST_CASE(an_account_by_e_mail_logs_in_by_its_address_in_any_case) {
    const std::string local = uniqueUserName();
    const std::string password = api::uniquePassword();
    const api::Response made =
        registerByName({{"email", local + "@qq.com"}, {"password", password}});
    MMX_REQUIRE_ANSWER(made, 200, "OK");
    const long long userId = userIdOf(made);

    const std::string client = api::uniqueClient();
    const api::Response in =
        login({{"mode", "3"}, {"email", local + "@QQ.com"}, {"password", password}}, client);
    MMX_REQUIRE_ANSWER(in, 200, "OK");
    BOOST_TEST(userIdOf(in) == userId);
    // Shown by the address's local part until a nickname is chosen.
    BOOST_TEST(api::scalarText((*in.data("userVO"))["nickName"]) == local);
}

BOOST_AUTO_TEST_CASE(a_taken_name_or_address_is_a_conflict_and_makes_no_second_account) {
    const std::string name = uniqueUserName();
    MMX_REQUIRE_ANSWER(registerByName({{"userName", name}, {"password", api::uniquePassword()}}),
                       200, "OK");
    MMX_CHECK_ANSWER(registerByName({{"userName", name}, {"password", api::uniquePassword()}}), 200,
                     "CONFLICT");
    const std::string email = uniqueUserName() + "@163.com";
    MMX_REQUIRE_ANSWER(registerByName({{"email", email}, {"password", api::uniquePassword()}}), 200,
                       "OK");
    MMX_CHECK_ANSWER(registerByName({{"email", email}, {"password", api::uniquePassword()}}), 200,
                     "CONFLICT");
}

BOOST_AUTO_TEST_CASE(two_registrations_of_one_name_at_once_make_one_account) {
    const std::string name = uniqueUserName();
    std::vector<std::string> codes(6);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        threads.emplace_back([&, i] {
            api::HttpClient client(api::stackEnv().baseUrl);
            codes[i] = client
                           .post(kRegisterByName,
                                 {{"userName", name}, {"password", api::uniquePassword()}},
                                 api::clientHeader(api::uniqueClient()))
                           .code();
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(std::count(codes.begin(), codes.end(), "OK") == 1);
    BOOST_TEST(std::count(codes.begin(), codes.end(), "CONFLICT") == 5);
}

BOOST_AUTO_TEST_CASE(malformed_names_addresses_and_passwords_are_bad_params) {
    for (const api::Params& params : std::vector<api::Params>{
             {{"userName", "ab"}, {"password", api::uniquePassword()}},
             {{"userName", "1234567"}, {"password", api::uniquePassword()}},
             {{"userName", "王小二二"}, {"password", api::uniquePassword()}},
             {{"email", "not-an-address"}, {"password", api::uniquePassword()}},
             {{"userName", uniqueUserName()},
              {"email", uniqueUserName() + "@qq.com"},
              {"password", api::uniquePassword()}},
             {{"password", api::uniquePassword()}},
             {{"userName", uniqueUserName()}, {"password", "12"}},
         }) {
        MMX_CHECK_ANSWER(registerByName(params), 200, "BAD_PARAM");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(field_filter)

BOOST_AUTO_TEST_CASE(read_user_with_fields_answers_only_those_fields) {
    const api::TestUser user = api::newUser();
    MMX_REQUIRE_ANSWER(
        api::post(user, "/user/user!updateUser",
                  {{"userExtendVO.nickName", "只读"}, {"userExtendVO.city", "深圳"}}),
        200, "OK");
    const api::Response r =
        api::post(user, "/user/user!readUser", {{"fields", "nickName,city"}, {"fields", "city"}});
    MMX_REQUIRE_ANSWER(r, 200, "OK");
    const rapidjson::Value* selected = r.data("selected");
    BOOST_REQUIRE_MESSAGE(selected != nullptr && selected->IsObject(), r.describe());
    BOOST_TEST(selected->MemberCount() == 3u);
    BOOST_TEST(api::scalarText((*selected)["userId"]) == std::to_string(user.session.userId));
    BOOST_TEST(api::scalarText((*selected)["nickName"]) == "只读");
    BOOST_TEST(api::scalarText((*selected)["city"]) == "深圳");
    BOOST_TEST(r.data("userVO") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_stranger_asking_for_an_owner_only_field_gets_nothing_of_it) {
    const api::TestUser owner = api::newUser();
    const api::TestUser stranger = api::newUser();
    MMX_REQUIRE_ANSWER(
        api::post(owner, "/user/user!updateUser", {{"userExtendVO.street", "私密街1号"}}), 200,
        "OK");
    const api::Response r = api::post(
        stranger, "/user/user!readUser",
        {{"userId", std::to_string(owner.session.userId)}, {"fields", "street,nickName"}});
    MMX_REQUIRE_ANSWER(r, 200, "OK");
    const rapidjson::Value* selected = r.data("selected");
    BOOST_REQUIRE(selected != nullptr);
    BOOST_TEST(!selected->HasMember("street"));
    BOOST_TEST(selected->HasMember("nickName"));
    BOOST_TEST(r.body.find("私密街") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_field_is_bad_param) {
    const api::TestUser user = api::newUser();
    MMX_CHECK_ANSWER(api::post(user, "/user/user!readUser", {{"fields", "nickName,password"}}), 200,
                     "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(compare_and_set)

BOOST_AUTO_TEST_CASE(an_update_expecting_a_stale_value_changes_nothing) {
    const api::TestUser user = api::newUser();
    MMX_REQUIRE_ANSWER(api::post(user, "/user/user!updateUser", {{"userExtendVO.nickName", "甲"}}),
                       200, "OK");
    MMX_CHECK_ANSWER(api::post(user, "/user/user!updateUser",
                               {{"expect.nickName", "乙"},
                                {"userExtendVO.nickName", "丙"},
                                {"userExtendVO.signature", "不该写入"}}),
                     200, "CONFLICT");
    const api::Response read = api::post(user, "/user/user!readUser");
    MMX_REQUIRE_ANSWER(read, 200, "OK");
    BOOST_TEST(api::scalarText((*read.data("userVO"))["nickName"]) == "甲");
    BOOST_TEST(api::scalarText((*read.data("userVO"))["signature"]) == "");

    MMX_CHECK_ANSWER(
        api::post(
            user, "/user/user!updateUser",
            {{"expect.nickName", "甲"}, {"expect.signature", ""}, {"userExtendVO.nickName", "丙"}}),
        200, "OK");
    const api::Response after = api::post(user, "/user/user!readUser");
    BOOST_TEST(api::scalarText((*after.data("userVO"))["nickName"]) == "丙");
}

BOOST_AUTO_TEST_CASE(of_concurrent_updates_expecting_one_value_exactly_one_wins) {
    const api::TestUser user = api::newUser();
    MMX_REQUIRE_ANSWER(
        api::post(user, "/user/user!updateUser", {{"userExtendVO.nickName", "起点"}}), 200, "OK");
    constexpr int kWriters = 6;
    std::vector<std::string> codes(kWriters);
    std::vector<std::thread> threads;
    for (int i = 0; i < kWriters; ++i) {
        threads.emplace_back([&, i] {
            api::HttpClient client(api::stackEnv().baseUrl);
            codes[i] = client
                           .post("/user/user!updateUser",
                                 {{"expect.nickName", "起点"},
                                  {"userExtendVO.nickName", "写者" + std::to_string(i)}},
                                 api::authHeaders(user.session))
                           .code();
        });
    }
    for (auto& thread : threads) thread.join();
    BOOST_TEST(std::count(codes.begin(), codes.end(), "OK") == 1);
    BOOST_TEST(std::count(codes.begin(), codes.end(), "CONFLICT") == kWriters - 1);
    const int winner =
        static_cast<int>(std::find(codes.begin(), codes.end(), "OK") - codes.begin());
    const api::Response read = api::post(user, "/user/user!readUser");
    BOOST_TEST(api::scalarText((*read.data("userVO"))["nickName"]) ==
               "写者" + std::to_string(winner));
}

BOOST_AUTO_TEST_SUITE_END()
