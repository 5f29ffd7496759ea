// Moving an account to a new mobile: sendBindCode sends a code to the new mobile,
// bindPhone spends it; the new mobile logs in, the old one no longer does, and every
// other session of the account ends.
#define BOOST_TEST_MODULE api_bind_phone
#include <functional>
#include <thread>

#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

const std::string kSendBindCode = "/user/user!sendBindCode";
const std::string kBindPhone = "/user/user!bindPhone";
const std::string kReadUser = "/user/user!readUser";

api::Response loginWith(const std::string& mobile, const std::string& password) {
    return api::http().post("/user/user!login",
                            {{"userVO.userName", mobile}, {"userVO.password", password}},
                            api::clientHeader(api::uniqueClient()));
}

std::string bindCodeFor(const api::TestUser& u, const std::string& mobile) {
    MMX_REQUIRE_OK(call(u, kSendBindCode, {{"phone", mobile}}));
    return api::lastSmsCode(mobile, "bind");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bind_phone)

BOOST_AUTO_TEST_CASE(a_right_code_moves_the_account_and_ends_the_other_sessions) {
    const api::TestUser u = api::newUser();
    const api::Session elsewhere = api::login(u.mobile, u.password, api::uniqueClient());
    const std::string fresh = api::uniqueMobile();
    const std::string code = bindCodeFor(u, fresh);
    MMX_REQUIRE_OK(call(u, kBindPhone, {{"phone", fresh}, {"code", code}}));
    // The caller's session stays; the other one ended.
    const api::Response self = call(u, kReadUser);
    MMX_REQUIRE_OK(self);
    BOOST_CHECK_EQUAL(field(*self.data("userVO"), "phoneNumber"), fresh);
    MMX_CHECK_FAILS_WITH(api::http().post(kReadUser, {}, api::authHeaders(elsewhere)),
                         "TOKEN_INVALID");
    MMX_CHECK_OK(loginWith(fresh, u.password));
    MMX_CHECK_FAILS_WITH(loginWith(u.mobile, u.password), "BAD_CREDENTIALS");
    // The code is spent.
    MMX_CHECK_FAILS_WITH(call(u, kBindPhone, {{"phone", fresh}, {"code", code}}), "CONFLICT");
}

BOOST_AUTO_TEST_CASE(a_wrong_code_is_bad_code_and_changes_nothing) {
    const api::TestUser u = api::newUser();
    const api::Session elsewhere = api::login(u.mobile, u.password, api::uniqueClient());
    const std::string fresh = api::uniqueMobile();
    const std::string code = bindCodeFor(u, fresh);
    MMX_CHECK_FAILS_WITH(call(u, kBindPhone, {{"phone", fresh}, {"code", api::wrongCode(code)}}),
                         "BAD_CODE");
    MMX_CHECK_OK(api::http().post(kReadUser, {}, api::authHeaders(elsewhere)));
    MMX_CHECK_OK(loginWith(u.mobile, u.password));
    MMX_CHECK_FAILS_WITH(loginWith(fresh, u.password), "BAD_CREDENTIALS");
    // A code sent to another mobile does not bind this one.
    MMX_CHECK_FAILS_WITH(call(u, kBindPhone, {{"phone", api::uniqueMobile()}, {"code", code}}),
                         "CODE_EXPIRED");
    // The shop app's and the house's names are both taken.
    MMX_CHECK_OK(call(u, kBindPhone, {{"userVO.userMobile", fresh}, {"validateCode", code}}));
}

BOOST_AUTO_TEST_CASE(a_mobile_of_another_account_is_conflict_at_send_and_at_bind) {
    const api::TestUser u = api::newUser();
    const api::TestUser other = api::newAgedUser().user;
    MMX_CHECK_FAILS_WITH(call(u, kSendBindCode, {{"phone", other.mobile}}), "CONFLICT");
    BOOST_CHECK(api::smsMessages(other.mobile, "bind").empty());
    MMX_CHECK_FAILS_WITH(call(u, kSendBindCode, {{"phone", u.mobile}}), "CONFLICT");
    // Taken between the code and the bind: still CONFLICT, and nothing moved.
    const api::TestUser late = api::newUser();
    const std::string target = api::uniqueMobile();
    const std::string code = bindCodeFor(u, target);
    api::ageLastSms(target);
    const std::string lateCode = bindCodeFor(late, target);
    MMX_REQUIRE_OK(call(late, kBindPhone, {{"phone", target}, {"code", lateCode}}));
    MMX_CHECK_FAILS_WITH(call(u, kBindPhone, {{"phone", target}, {"code", code}}), "CONFLICT");
    MMX_CHECK_OK(loginWith(u.mobile, u.password));
}

BOOST_AUTO_TEST_CASE(two_accounts_binding_one_mobile_at_once_end_with_one_owner) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string target = api::uniqueMobile();
    // The code proves the mobile, whoever asked for it: both accounts race to spend it.
    const std::string code = bindCodeFor(a, target);
    std::vector<api::Response> answers(2);
    std::vector<std::thread> threads;
    const api::TestUser* users[] = {&a, &b};
    for (int i = 0; i < 2; ++i) {
        threads.emplace_back([&, i] {
            api::HttpClient http(api::stackEnv().baseUrl);
            answers[i] = http.post(kBindPhone, {{"phone", target}, {"code", code}},
                                   api::authHeaders(users[i]->session));
        });
    }
    for (auto& thread : threads) thread.join();
    const int won = (answers[0].success() ? 1 : 0) + (answers[1].success() ? 1 : 0);
    BOOST_CHECK_EQUAL(won, 1);
    const api::Response login = loginWith(target, a.password);
    const api::Response loginB = loginWith(target, b.password);
    BOOST_CHECK_EQUAL((login.success() ? 1 : 0) + (loginB.success() ? 1 : 0), 1);
}

BOOST_AUTO_TEST_CASE(bind_needs_a_session_and_a_mobile) {
    MMX_CHECK_FAILS_WITH(api::http().post(kSendBindCode, {{"phone", api::uniqueMobile()}},
                                          api::clientHeader(api::uniqueClient())),
                         "AUTH_REQUIRED");
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(call(u, kSendBindCode, {{"phone", "12345"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(u, kBindPhone, {{"phone", api::uniqueMobile()}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()
