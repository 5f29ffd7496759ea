// Wrong passwords close an account's login only to whoever sent them: per (account,
// client address) tightly, per account loosely, and never to a client that has logged
// in to the account before and brings the right password. Correct logins never count.
#define BOOST_TEST_MODULE api_lockout
#include <map>
#include <memory>
#include <thread>

#include "api_test.hpp"

namespace {

const std::string kLogin = "/user/user!login";
const std::string kUpdatePassword = "/user/user!updatePassword";

// The test stack's per-account limit of wrong passwords an hour (tests/api/CMakeLists.txt);
// the per-(account, address) limit is production's 5.
const int kAccountFailLimit = std::stoi(std::getenv("MMX_TEST_ACCOUNT_FAIL_LIMIT"));
const int kAddressFailLimit = 5;

// One client per source address: every 127/8 address reaches the stack on loopback, and
// nginx hands the worker each as a different REMOTE_ADDR.
api::HttpClient& from(const std::string& address) {
    static std::map<std::string, std::unique_ptr<api::HttpClient>> clients;
    auto& client = clients[address];
    if (!client) {
        client = std::make_unique<api::HttpClient>(api::stackEnv().baseUrl);
        client->setSourceAddress(address);
    }
    return *client;
}

api::Response loginFrom(const std::string& address, const std::string& mobile,
                        const std::string& password, const std::string& client) {
    return from(address).post(kLogin, {{"userVO.userName", mobile}, {"userVO.password", password}},
                              api::clientHeader(client));
}

// A stranger's guess: a fresh client, a wrong password.
api::Response guessFrom(const std::string& address, const std::string& mobile) {
    return loginFrom(address, mobile, api::uniquePassword(), api::uniqueClient());
}

void checkRateLimited(const api::Response& r) {
    MMX_CHECK_FAILS_WITH(r, "RATE_LIMITED");
    const rapidjson::Value* retryAfter = r.data("retryAfter");
    BOOST_CHECK_MESSAGE(
        retryAfter != nullptr && retryAfter->IsInt64() && retryAfter->GetInt64() >= 1,
        "RATE_LIMITED without a retryAfter of at least 1 s: " << r.describe());
}

struct Owner {
    std::string mobile;
    std::string password;
    std::string phone;  // the client the owner has logged in from
};

Owner ownerWithKnownPhone() {
    Owner owner{api::uniqueMobile(), api::uniquePassword(), api::uniqueClient()};
    api::registerUser(owner.mobile, owner.password);
    api::login(owner.mobile, owner.password, owner.phone);
    return owner;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(per_address)

BOOST_AUTO_TEST_CASE(a_strangers_wrong_passwords_close_the_account_only_to_the_strangers_address) {
    const Owner owner = ownerWithKnownPhone();
    for (int i = 0; i < kAddressFailLimit; ++i) {
        MMX_CHECK_FAILS_WITH(guessFrom("127.0.0.2", owner.mobile), "BAD_CREDENTIALS");
    }
    checkRateLimited(loginFrom("127.0.0.2", owner.mobile, owner.password, api::uniqueClient()));
    // The owner, elsewhere, even on a phone never used before, is not touched.
    MMX_CHECK_OK(loginFrom("127.0.0.3", owner.mobile, owner.password, api::uniqueClient()));
}

BOOST_AUTO_TEST_CASE(behind_the_strangers_address_the_owners_known_phone_still_gets_in) {
    const Owner owner = ownerWithKnownPhone();
    for (int i = 0; i < kAddressFailLimit; ++i) guessFrom("127.0.0.4", owner.mobile);
    checkRateLimited(loginFrom("127.0.0.4", owner.mobile, owner.password, api::uniqueClient()));
    MMX_CHECK_OK(loginFrom("127.0.0.4", owner.mobile, owner.password, owner.phone));
}

BOOST_AUTO_TEST_CASE(guesses_under_a_known_clients_name_are_limited_like_any_others) {
    const Owner owner = ownerWithKnownPhone();
    for (int i = 0; i < kAddressFailLimit; ++i) {
        MMX_CHECK_FAILS_WITH(
            loginFrom("127.0.0.5", owner.mobile, api::uniquePassword(), owner.phone),
            "BAD_CREDENTIALS");
    }
    checkRateLimited(loginFrom("127.0.0.5", owner.mobile, owner.password, owner.phone));
}

BOOST_AUTO_TEST_CASE(the_owners_login_elsewhere_gives_the_stranger_no_new_tries) {
    const Owner owner = ownerWithKnownPhone();
    for (int i = 0; i < kAddressFailLimit; ++i) guessFrom("127.0.0.7", owner.mobile);
    MMX_CHECK_OK(loginFrom("127.0.0.8", owner.mobile, owner.password, owner.phone));
    checkRateLimited(guessFrom("127.0.0.7", owner.mobile));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(per_account)

BOOST_AUTO_TEST_CASE(wrong_passwords_from_many_addresses_close_the_account_to_unknown_clients) {
    const Owner owner = ownerWithKnownPhone();
    // Spread so that no address reaches its own limit.
    for (int i = 0; i < kAccountFailLimit; ++i) {
        const std::string address = "127.0.1." + std::to_string(10 + i % 4);
        MMX_CHECK_FAILS_WITH(guessFrom(address, owner.mobile), "BAD_CREDENTIALS");
    }
    const api::Response accountClosed =
        loginFrom("127.0.1.20", owner.mobile, owner.password, api::uniqueClient());
    checkRateLimited(accountClosed);
    // Same answer as the per-address limit: nothing tells which limit fired.
    const std::string other = api::uniqueMobile();
    for (int i = 0; i < kAddressFailLimit; ++i) guessFrom("127.0.1.21", other);
    const api::Response addressClosed = guessFrom("127.0.1.21", other);
    checkRateLimited(addressClosed);
    BOOST_CHECK_EQUAL(accountClosed.code(), addressClosed.code());
    BOOST_CHECK_EQUAL(accountClosed.info(), addressClosed.info());
}

BOOST_AUTO_TEST_CASE(the_owners_known_phone_gets_in_past_the_account_limit) {
    const Owner owner = ownerWithKnownPhone();
    for (int i = 0; i < kAccountFailLimit; ++i) {
        guessFrom("127.0.2." + std::to_string(10 + i % 4), owner.mobile);
    }
    checkRateLimited(loginFrom("127.0.2.20", owner.mobile, owner.password, api::uniqueClient()));
    MMX_CHECK_OK(loginFrom("127.0.2.20", owner.mobile, owner.password, owner.phone));
}

BOOST_AUTO_TEST_CASE(wrong_old_passwords_in_update_password_share_the_counters) {
    const api::TestUser user = api::newUser();
    for (int i = 0; i < kAddressFailLimit; ++i) {
        MMX_CHECK_FAILS_WITH(api::http().post(kUpdatePassword,
                                              {{"oldPassword", api::uniquePassword()},
                                               {"userVO.password", api::uniquePassword()}},
                                              api::authHeaders(user.session)),
                             "BAD_CREDENTIALS");
    }
    checkRateLimited(loginFrom("127.0.0.1", user.mobile, user.password, api::uniqueClient()));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(concurrency)

BOOST_AUTO_TEST_CASE(eight_correct_logins_at_once_from_eight_phones_all_get_in) {
    const std::string mobile = api::uniqueMobile();
    const std::string password = api::uniquePassword();
    api::registerUser(mobile, password);
    constexpr int kPhones = 8;
    std::vector<std::string> codes(kPhones);
    std::vector<std::thread> phones;
    for (int i = 0; i < kPhones; ++i) {
        phones.emplace_back([&, i] {
            api::HttpClient client(api::stackEnv().baseUrl);
            client.setSourceAddress("127.0.3." + std::to_string(10 + i));
            codes[i] =
                client
                    .post(kLogin, {{"userVO.userName", mobile}, {"userVO.password", password}},
                          api::clientHeader("APITEST-phone-" + std::to_string(i) + mobile))
                    .code();
        });
    }
    for (auto& phone : phones) phone.join();
    for (int i = 0; i < kPhones; ++i)
        BOOST_CHECK_MESSAGE(codes[i] == "OK", "phone " << i << ": " << codes[i]);
}

BOOST_AUTO_TEST_SUITE_END()
