// Identity on every authenticated request: the headers a session needs, what
// makes a token invalid, and which sessions survive a login or a sign-out.
#define BOOST_TEST_MODULE api_session
#include <algorithm>

#include "api_test.hpp"

namespace {

const std::string kReadUser = "/user/user!readUser";
const std::string kSignOut = "/user/user!signOut";
constexpr long long kDayMs = 24LL * 60 * 60 * 1000;

api::Response readSelf(const api::Session& s) {
    return api::http().post(kReadUser, {}, api::authHeaders(s));
}

api::Response readSelfWith(const api::Headers& headers) {
    return api::http().post(kReadUser, {}, headers);
}

api::Headers without(api::Headers headers, const std::string& name) {
    headers.erase(std::remove_if(headers.begin(), headers.end(),
                                 [&](const auto& h) { return h.first == name; }),
                  headers.end());
    return headers;
}

api::Headers with(api::Headers headers, const std::string& name, const std::string& value) {
    for (auto& h : headers) {
        if (h.first == name) h.second = value;
    }
    return headers;
}

void checkExpireAboutThirtyDaysAhead(const std::string& expire) {
    BOOST_TEST_CONTEXT("expire header '" << expire << "'") {
        BOOST_REQUIRE(!expire.empty());
        BOOST_REQUIRE(expire.find_first_not_of("0123456789") == std::string::npos);
        const long long at = std::stoll(expire);
        BOOST_CHECK_GT(at, api::nowMillis() + 29 * kDayMs);
        BOOST_CHECK_LT(at, api::nowMillis() + 31 * kDayMs);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(identity_headers)

BOOST_AUTO_TEST_CASE(login_hands_out_identity_headers_with_expiry_thirty_days_ahead) {
    const api::TestUser u = api::newUser();
    BOOST_CHECK_GT(u.session.userId, 0);
    checkExpireAboutThirtyDaysAhead(u.session.expire);
}

BOOST_AUTO_TEST_CASE(authenticated_response_carries_identity_headers) {
    const api::TestUser u = api::newUser();
    const api::Response r = readSelf(u.session);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(r.header("uid"), u.session.uid);
    BOOST_CHECK_EQUAL(r.header("client"), u.session.client);
    BOOST_CHECK_EQUAL(r.header("accesstoken"), u.session.accessToken);
    checkExpireAboutThirtyDaysAhead(r.header("expire"));
}

BOOST_AUTO_TEST_CASE(access_token_carries_at_least_256_bits) {
    const api::TestUser u = api::newUser();
    // 256 bits are 43 characters of base64 or 64 of hex.
    BOOST_CHECK_GE(u.session.accessToken.size(), 43u);
    const api::Session other = api::login(u.mobile, u.password, api::uniqueClient());
    BOOST_CHECK_NE(other.accessToken, u.session.accessToken);
}

BOOST_AUTO_TEST_CASE(client_expire_header_is_informative_only) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_OK(readSelfWith(with(api::authHeaders(u.session), "expire", "1")));
    MMX_CHECK_OK(readSelfWith(without(api::authHeaders(u.session), "expire")));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(token_checks)

BOOST_AUTO_TEST_CASE(missing_uid_or_token_is_auth_required) {
    const api::TestUser u = api::newUser();
    const api::Headers full = api::authHeaders(u.session);
    MMX_CHECK_FAILS_WITH(readSelfWith(api::clientHeader(u.session.client)), "AUTH_REQUIRED");
    MMX_CHECK_FAILS_WITH(readSelfWith(without(full, "accessToken")), "AUTH_REQUIRED");
    MMX_CHECK_FAILS_WITH(readSelfWith(without(full, "uid")), "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_CASE(tampered_token_is_token_invalid) {
    const api::TestUser u = api::newUser();
    std::string token = u.session.accessToken;
    token.back() = token.back() == 'A' ? 'B' : 'A';
    MMX_CHECK_FAILS_WITH(readSelfWith(with(api::authHeaders(u.session), "accessToken", token)),
                         "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(
        readSelfWith(with(api::authHeaders(u.session), "accessToken", u.session.accessToken + "x")),
        "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(readSelfWith(with(api::authHeaders(u.session), "accessToken", "x")),
                         "TOKEN_INVALID");
}

BOOST_AUTO_TEST_CASE(token_used_from_another_client_is_token_invalid) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(
        readSelfWith(with(api::authHeaders(u.session), "client", api::uniqueClient())),
        "TOKEN_INVALID");
    MMX_CHECK_OK(readSelf(u.session));
}

BOOST_AUTO_TEST_CASE(token_presented_for_another_uid_is_token_invalid) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    MMX_CHECK_FAILS_WITH(readSelfWith(with(api::authHeaders(a.session), "uid", b.session.uid)),
                         "TOKEN_INVALID");
}

BOOST_AUTO_TEST_CASE(non_numeric_uid_is_token_invalid) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(readSelfWith(with(api::authHeaders(u.session), "uid", "12abc")),
                         "TOKEN_INVALID");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(session_lifetime)

BOOST_AUTO_TEST_CASE(new_login_from_the_same_client_replaces_the_old_token) {
    const api::TestUser u = api::newUser();
    const api::Session elsewhere = api::login(u.mobile, u.password, api::uniqueClient());
    const api::Session again = api::login(u.mobile, u.password, u.session.client);
    BOOST_CHECK_NE(again.accessToken, u.session.accessToken);
    MMX_CHECK_FAILS_WITH(readSelf(u.session), "TOKEN_INVALID");
    MMX_CHECK_OK(readSelf(again));
    MMX_CHECK_OK(readSelf(elsewhere));
}

BOOST_AUTO_TEST_CASE(sign_out_ends_only_the_current_session) {
    const api::TestUser u = api::newUser();
    const api::Session elsewhere = api::login(u.mobile, u.password, api::uniqueClient());
    MMX_REQUIRE_OK(api::http().post(kSignOut, {}, api::authHeaders(u.session)));
    MMX_CHECK_FAILS_WITH(readSelf(u.session), "TOKEN_INVALID");
    MMX_CHECK_FAILS_WITH(api::http().post(kSignOut, {}, api::authHeaders(u.session)),
                         "TOKEN_INVALID");
    MMX_CHECK_OK(readSelf(elsewhere));
}

BOOST_AUTO_TEST_CASE(signed_out_client_can_log_in_again) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(api::http().post(kSignOut, {}, api::authHeaders(u.session)));
    const api::Session again = api::login(u.mobile, u.password, u.session.client);
    MMX_CHECK_OK(readSelf(again));
}

BOOST_AUTO_TEST_CASE(sign_out_without_a_session_is_auth_required) {
    MMX_CHECK_FAILS_WITH(api::http().post(kSignOut, {}, api::clientHeader(api::uniqueClient())),
                         "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_SUITE_END()
