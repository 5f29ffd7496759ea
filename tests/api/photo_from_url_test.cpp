// The avatar from a URL (user!photoFromUrl): fetched by the server from an allow-listed
// host (the test stack allows the literal 127.0.0.1, where this process serves pictures),
// and refused for any other loopback or private address, for `localhost`, for a redirect
// to one, for a body over the 3 MB cap and for what is no picture.
#define BOOST_TEST_MODULE api_photo_from_url
#include "friend_helpers.hpp"
#include "picture_server.hpp"

using namespace friendtest;
using picturetest::PictureServer;

namespace {

const std::string kPhotoFromUrl = "/user/user!photoFromUrl";

std::string photoOf(const api::TestUser& u) {
    const api::Response r = call(u, "/user/user!readUser");
    MMX_REQUIRE_OK(r);
    return field(*r.data("userVO"), "userPhoto");
}

// Refused as BAD_PARAM, and the avatar is as it was.
void checkRefused(const api::TestUser& u, const std::string& url, const std::string& infoPart) {
    const std::string before = photoOf(u);
    const api::Response r = call(u, kPhotoFromUrl, {{"url", url}});
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_CHECK_MESSAGE(r.info().find(infoPart) != std::string::npos, url << ": " << r.describe());
    BOOST_CHECK_EQUAL(photoOf(u), before);
}

const std::string kForbidden = "不允许访问";

}  // namespace

BOOST_AUTO_TEST_SUITE(photo_from_url)

BOOST_AUTO_TEST_CASE(a_picture_from_an_allow_listed_host_becomes_the_avatar) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    const api::Response r =
        call(u, kPhotoFromUrl, {{"url", server.url("127.0.0.1", "/avatar.png")}});
    MMX_REQUIRE_OK(r);
    const std::string stored = field(*r.data(), "userPhoto");
    BOOST_CHECK_EQUAL(photoOf(u), stored);
    // Stored as the upload check makes it: a PNG served by nginx from our own upload folder.
    const api::Response served = api::http().request("GET", stored, "", {});
    BOOST_CHECK_EQUAL(served.status, 200);
    BOOST_CHECK(served.body.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    // A redirect to an allowed host is followed; the shop app's quickmodifyimg names the user.
    const api::Response redirected = call(
        u, kPhotoFromUrl, {{"url", server.url("127.0.0.1", "/to-avatar")}, {"user_id", id(u)}});
    MMX_REQUIRE_OK(redirected);
    BOOST_CHECK_NE(photoOf(u), stored);
    const api::TestUser other = api::newUser();
    MMX_CHECK_FAILS_WITH(
        call(u, kPhotoFromUrl,
             {{"url", server.url("127.0.0.1", "/avatar.png")}, {"user_id", id(other)}}),
        "FORBIDDEN");
}

BOOST_AUTO_TEST_CASE(loopback_addresses_that_are_not_allow_listed_are_never_fetched) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    checkRefused(u, server.url("127.0.0.2", "/forbidden.png"), kForbidden);
    checkRefused(u, server.url("localhost", "/forbidden.png"), kForbidden);
    checkRefused(u, server.url("[::ffff:127.0.0.1]", "/forbidden.png"), kForbidden);
    checkRefused(u, "http://169.254.169.254/latest/meta-data/", kForbidden);
    checkRefused(u, "http://10.0.0.1/a.png", kForbidden);
    BOOST_CHECK(!server.wasAskedFor("/forbidden.png"));
}

BOOST_AUTO_TEST_CASE(redirects_to_a_forbidden_address_are_refused) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    checkRefused(u, server.url("127.0.0.1", "/to-localhost"), kForbidden);
    checkRefused(u, server.url("127.0.0.1", "/to-other-loopback"), kForbidden);
    BOOST_CHECK(server.wasAskedFor("/to-localhost"));
    BOOST_CHECK(!server.wasAskedFor("/forbidden.png"));
    checkRefused(u, server.url("127.0.0.1", "/loop"), "无法");
}

BOOST_AUTO_TEST_CASE(a_body_over_the_cap_and_a_page_are_refused) {
    PictureServer server;
    const api::TestUser u = api::newUser();
    checkRefused(u, server.url("127.0.0.1", "/huge.png"), "3M");
    checkRefused(u, server.url("127.0.0.1", "/huge-unsized.png"), "3M");
    checkRefused(u, server.url("127.0.0.1", "/page.png"), "格式");
    checkRefused(u, server.url("127.0.0.1", "/missing.png"), "无法");
}

BOOST_AUTO_TEST_CASE(only_http_and_https_urls_are_taken) {
    const api::TestUser u = api::newUser();
    checkRefused(u, "file:///etc/passwd", "http");
    checkRefused(u, "ftp://127.0.0.1/a.png", "http");
    checkRefused(u, "gopher://127.0.0.1:70/", "http");
    checkRefused(u, "not a url", "http");
    MMX_CHECK_FAILS_WITH(call(u, kPhotoFromUrl), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()
