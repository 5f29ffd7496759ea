// Uploads are what they claim to be: a file that only starts like a picture or a
// voice clip is refused, a real picture is stored without what rode along after
// it and without its EXIF (fetched back through nginx to check), a picture that
// declares more pixels than allowed is refused from its header, and only the
// uploader can attach an upload to a picture or a message.
#define BOOST_TEST_MODULE api_upload_safety
#include <chrono>
#include <set>

#include "api_test.hpp"
#include "chat_test_support.hpp"
#include "crafted_images.hpp"

namespace {

namespace crafted = mmx::testimages;
using chat::id;
using chat::post;

const std::string kPhotoUpload = "/user/user!uploadPhoto";
const std::string kPhp = "<?php system($_GET['c']); ?>";
const std::string kHtml = "<html><script>alert(document.cookie)</script></html>";

void checkRefusedWithoutTrace(const api::TestUser& u, const std::string& kind,
                              const std::string& bytes) {
    const std::set<std::string> before = api::uploadsOf(u.session.userId, "chat");
    MMX_CHECK_FAILS_WITH(chat::upload(u, kind, bytes), "BAD_PARAM");
    BOOST_CHECK_MESSAGE(api::uploadsOf(u.session.userId, "chat") == before,
                        "a refused upload left a file behind");
}

// What nginx serves at the URL the upload answered with (under data.<field>).
std::string served(const api::Response& r, const char* field) {
    MMX_REQUIRE_OK(r);
    const std::string url = api::scalarText(*r.data(field));
    const api::Response got = api::http().request("GET", url, {}, {});
    BOOST_REQUIRE_MESSAGE(got.status == 200, "GET " << url << ": " << got.describe());
    return got.body;
}

// A PNG's last chunk is IEND: 4 bytes of length 0, the type, its CRC.
bool endsWithIend(const std::string& png) {
    const std::string iend = std::string(4, '\0') + "IEND\xAE\x42\x60\x82";
    return png.size() > iend.size() &&
           png.compare(png.size() - iend.size(), iend.size(), iend) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(polyglots)

BOOST_AUTO_TEST_CASE(a_gif_header_followed_by_a_script_is_refused) {
    const api::TestUser u = api::newUser();
    checkRefusedWithoutTrace(u, "image", "GIF89a" + kHtml);
    MMX_CHECK_FAILS_WITH(
        api::http().postMultipart(kPhotoUpload, {},
                                  {{"userPhoto", "a.png", "GIF89a" + kHtml, "image/gif"}},
                                  api::authHeaders(u.session)),
        "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(a_png_signature_followed_by_php_is_refused) {
    const api::TestUser u = api::newUser();
    checkRefusedWithoutTrace(u, "image", std::string("\x89PNG\r\n\x1A\n", 8) + kPhp);
    checkRefusedWithoutTrace(u, "image", std::string("\xFF\xD8\xFF\xE0", 4) + kHtml);
}

BOOST_AUTO_TEST_CASE(php_after_a_real_png_is_not_stored) {
    const api::TestUser u = api::newUser();
    const std::string body =
        served(chat::upload(u, "image", crafted::encoded(32, 24, "png") + kPhp), "url");
    BOOST_CHECK(!crafted::contains(body, "<?php"));
    BOOST_CHECK_MESSAGE(endsWithIend(body), "the stored PNG goes on after IEND");
    BOOST_CHECK_EQUAL(crafted::decodedSize(body).width, 32);
}

BOOST_AUTO_TEST_CASE(html_after_a_real_jpeg_photo_is_not_stored) {
    const api::TestUser u = api::newUser();
    const api::Response r = api::http().postMultipart(
        kPhotoUpload, {},
        {{"userPhoto", "me.jpg", crafted::encoded(32, 24, "jpg") + kHtml, "image/jpeg"}},
        api::authHeaders(u.session));
    const std::string body = served(r, "userPhoto");
    BOOST_CHECK(!crafted::contains(body, "<html>"));
    BOOST_CHECK_MESSAGE(body.size() > 2 && body.compare(body.size() - 2, 2, "\xFF\xD9") == 0,
                        "the stored JPEG goes on after its end marker");
}

BOOST_AUTO_TEST_CASE(an_id3_tag_followed_by_html_is_refused) {
    const api::TestUser u = api::newUser();
    const std::string tag =
        std::string("ID3\x03\x00\x00\x00\x00\x00\x0a", 10) + std::string(10, '\0');
    checkRefusedWithoutTrace(u, "voice", tag + kHtml);
}

BOOST_AUTO_TEST_CASE(a_voice_clip_with_html_appended_is_refused) {
    const api::TestUser u = api::newUser();
    checkRefusedWithoutTrace(u, "voice", chat::amrClip() + kHtml);
    checkRefusedWithoutTrace(u, "voice", chat::mp3Clip() + kHtml);
    checkRefusedWithoutTrace(u, "voice", chat::aacClip() + kHtml);
    checkRefusedWithoutTrace(u, "voice", chat::m4aClip() + kHtml);
    MMX_CHECK_OK(chat::upload(u, "voice", chat::amrClip()));  // the same clip, alone, is fine
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(metadata)

BOOST_AUTO_TEST_CASE(a_chat_photo_comes_back_upright_without_its_exif_gps) {
    const api::TestUser u = api::newUser();
    const std::string sent = crafted::jpegWithExif(40, 20);
    BOOST_REQUIRE(crafted::contains(sent, "Exif"));
    const std::string body = served(chat::upload(u, "image", sent), "url");
    BOOST_CHECK(!crafted::contains(body, "Exif"));
    const crafted::Size size = crafted::decodedSize(body);
    BOOST_CHECK_EQUAL(size.width, 20);
    BOOST_CHECK_EQUAL(size.height, 40);
}

BOOST_AUTO_TEST_CASE(a_profile_photo_comes_back_without_its_exif_gps) {
    const api::TestUser u = api::newUser();
    const api::Response r = api::http().postMultipart(
        kPhotoUpload, {}, {{"userPhoto", "me.jpg", crafted::jpegWithExif(40, 20), "image/jpeg"}},
        api::authHeaders(u.session));
    const std::string body = served(r, "userPhoto");
    BOOST_CHECK(!crafted::contains(body, "Exif"));
    BOOST_CHECK_EQUAL(crafted::decodedSize(body).width, 20);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bombs)

BOOST_AUTO_TEST_CASE(a_png_declaring_thirty_thousand_squared_pixels_is_refused_at_once) {
    const api::TestUser u = api::newUser();
    const std::string bomb = crafted::pngDeclaring(30000, 30000);
    BOOST_REQUIRE(bomb.size() < 100);
    const auto start = std::chrono::steady_clock::now();
    const api::Response r = chat::upload(u, "image", bomb);
    const auto took = std::chrono::steady_clock::now() - start;
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_CHECK_MESSAGE(r.info().find("像素") != std::string::npos, r.describe());
    // Decoding 900 million pixels would take many seconds and gigabytes.
    BOOST_CHECK_MESSAGE(took < std::chrono::seconds(2), "the refusal took too long");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ownership)

BOOST_AUTO_TEST_CASE(a_message_may_carry_only_the_senders_own_upload) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    const std::string image = chat::uploadedUrl(a, "image", mmx::apitest::images::png());
    const std::string voice = chat::uploadedUrl(a, "voice", chat::amrClip());
    MMX_CHECK_FAILS_WITH(
        post(b, chat::kSend, {{"toUserId", id(a)}, {"msgType", "image"}, {"url", image}}),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        post(b, chat::kSend,
             {{"toUserId", id(a)}, {"msgType", "voice"}, {"url", voice}, {"duration", "3"}}),
        "BAD_PARAM");
    MMX_CHECK_OK(post(a, chat::kSend, {{"toUserId", id(b)}, {"msgType", "image"}, {"url", image}}));
    MMX_CHECK_OK(
        post(a, chat::kSend,
             {{"toUserId", id(b)}, {"msgType", "voice"}, {"url", voice}, {"duration", "3"}}));
}

BOOST_AUTO_TEST_CASE(a_picture_may_be_made_only_of_ones_own_upload) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const std::string image = chat::uploadedUrl(a, "image", mmx::apitest::images::png());
    MMX_CHECK_FAILS_WITH(post(b, chat::kPictureCreate, {{"picUrl", image}}), "BAD_PARAM");
    MMX_CHECK_OK(post(a, chat::kPictureCreate, {{"picUrl", image}}));
}

BOOST_AUTO_TEST_SUITE_END()
