// Profile photos: uploadPhoto accepts jpg, jpeg, bmp and png by content, at most
// 3 MB, stores them encoded again (jpg as jpg, the rest as png) where nginx serves
// them, and refuses everything else without leaving a file behind.
#define BOOST_TEST_MODULE api_photo
#include <algorithm>
#include <regex>
#include <set>

#include "api_test.hpp"
#include "sample_images.hpp"

namespace {

const std::string kUpload = "/user/user!uploadPhoto";
const std::string kReadUser = "/user/user!readUser";
constexpr size_t kMaxPhotoBytes = 3 * 1024 * 1024;

namespace images = mmx::apitest::images;

api::FilePart photo(std::string bytes, std::string filename = "avatar.png",
                    std::string contentType = "image/png") {
    return {"userPhoto", std::move(filename), std::move(bytes), std::move(contentType)};
}

api::Response upload(const api::Session& s, const api::FilePart& file) {
    return api::http().postMultipart(kUpload, {}, {file}, api::authHeaders(s));
}

std::string profilePhoto(const api::Session& s) {
    const api::Response r = api::http().post(kReadUser, {}, api::authHeaders(s));
    const rapidjson::Value* user = r.data("userVO");
    BOOST_REQUIRE_MESSAGE(r.success() && user != nullptr && user->IsObject(), r.describe());
    return user->HasMember("userPhoto") ? api::scalarText((*user)["userPhoto"]) : std::string{};
}

// The URL an upload answered with; checks its shape and its extension.
std::string photoUrl(const api::Response& r, const std::string& extensionPattern) {
    const rapidjson::Value* url = r.data("userPhoto");
    BOOST_REQUIRE_MESSAGE(url != nullptr && url->IsString(), "no data.userPhoto: " << r.describe());
    const std::string text = url->GetString();
    const std::regex shape(
        std::regex_replace(api::stackEnv().baseUrl, std::regex(R"([.])"), R"(\.)") +
        "/upload/images/userPhoto/[A-Za-z0-9_-]+\\.(" + extensionPattern + ")");
    BOOST_CHECK_MESSAGE(std::regex_match(text, shape), "photo URL '" << text << "'");
    return text;
}

const std::string kPngMagic("\x89PNG\r\n\x1A\n", 8);
const std::string kJpegMagic("\xFF\xD8\xFF", 3);

// GET of the stored photo gives back a picture of that format, typed and unsniffable.
void checkServedBack(const std::string& url, const std::string& magic,
                     const std::set<std::string>& contentTypes) {
    const api::Response r = api::http().request("GET", url, {}, {});
    BOOST_REQUIRE_MESSAGE(r.status == 200, "GET " << url << ": " << r.describe());
    BOOST_CHECK_MESSAGE(r.body.compare(0, magic.size(), magic) == 0,
                        "served bytes of another kind");
    BOOST_CHECK_MESSAGE(contentTypes.count(r.header("content-type")) == 1,
                        "Content-Type '" << r.header("content-type") << "'");
    BOOST_CHECK_EQUAL(r.header("x-content-type-options"), "nosniff");
}

void checkRefusedWithoutTrace(const api::Session& s, const api::FilePart& file) {
    const std::string before = profilePhoto(s);
    const std::set<std::string> filesBefore = api::uploadsOf(s.userId, "images/userPhoto");
    const api::Response r = upload(s, file);
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_CHECK_EQUAL(profilePhoto(s), before);
    BOOST_CHECK_MESSAGE(api::uploadsOf(s.userId, "images/userPhoto") == filesBefore,
                        "a refused upload left a file behind");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(accepted)

BOOST_AUTO_TEST_CASE(png_upload_is_served_back_as_png_and_shown_in_the_profile) {
    const api::TestUser u = api::newUser();
    const api::Response r = upload(u.session, photo(images::png()));
    MMX_REQUIRE_OK(r);
    const std::string url = photoUrl(r, "png");
    checkServedBack(url, kPngMagic, {"image/png"});
    BOOST_CHECK_EQUAL(profilePhoto(u.session), url);
}

BOOST_AUTO_TEST_CASE(jpeg_upload_is_served_as_jpeg) {
    const api::TestUser u = api::newUser();
    const api::Response r = upload(u.session, photo(images::jpeg(), "me.jpeg", "image/jpeg"));
    MMX_REQUIRE_OK(r);
    checkServedBack(photoUrl(r, "jpg|jpeg"), kJpegMagic, {"image/jpeg"});
}

BOOST_AUTO_TEST_CASE(bmp_upload_is_stored_as_png) {
    const api::TestUser u = api::newUser();
    const api::Response r = upload(u.session, photo(images::bmp(), "me.bmp", "image/bmp"));
    MMX_REQUIRE_OK(r);
    checkServedBack(photoUrl(r, "png"), kPngMagic, {"image/png"});
}

BOOST_AUTO_TEST_CASE(stored_type_follows_the_content_not_the_filename) {
    const api::TestUser u = api::newUser();
    const api::Response r =
        upload(u.session, photo(images::png(), "holiday.jpg", "application/octet-stream"));
    MMX_REQUIRE_OK(r);
    checkServedBack(photoUrl(r, "png"), kPngMagic, {"image/png"});
}

BOOST_AUTO_TEST_CASE(a_new_upload_replaces_the_profile_photo) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(upload(u.session, photo(images::png())));
    const api::Response second = upload(u.session, photo(images::jpeg(), "b.jpg", "image/jpeg"));
    MMX_REQUIRE_OK(second);
    BOOST_CHECK_EQUAL(profilePhoto(u.session), photoUrl(second, "jpg|jpeg"));
}

BOOST_AUTO_TEST_CASE(quoted_multipart_boundary_is_understood) {
    const api::TestUser u = api::newUser();
    const api::Multipart mp = api::buildMultipart({}, {photo(images::png())}, true);
    BOOST_REQUIRE(mp.contentType.find("boundary=\"") != std::string::npos);
    const api::Response r =
        api::http().postRaw(kUpload, mp.body, mp.contentType, api::authHeaders(u.session));
    MMX_REQUIRE_OK(r);
    checkServedBack(photoUrl(r, "png"), kPngMagic, {"image/png"});
}

BOOST_AUTO_TEST_CASE(path_in_the_filename_cannot_escape_the_photo_directory) {
    const api::TestUser u = api::newUser();
    const std::string var = api::stackEnv().varDir;
    const api::Response r = upload(u.session, photo(images::png(), "../../../escaped.png"));
    MMX_REQUIRE_OK(r);
    const std::string url = photoUrl(r, "png");
    BOOST_CHECK(url.find("..") == std::string::npos);
    for (const std::string& dir : {var, var + "/upload", var + "/upload/images"}) {
        const auto names = api::filesIn(dir);
        BOOST_CHECK_MESSAGE(std::find(names.begin(), names.end(), "escaped.png") == names.end(),
                            "escaped.png appeared in " << dir);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(refused)

BOOST_AUTO_TEST_CASE(text_file_named_png_is_bad_param_and_leaves_no_trace) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(upload(u.session, photo(images::png())));
    checkRefusedWithoutTrace(u.session, photo("just some text, not an image\n", "x.png"));
}

BOOST_AUTO_TEST_CASE(html_and_gif_are_not_accepted_photos) {
    static const char kGif[] = "GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    const api::TestUser u = api::newUser();
    checkRefusedWithoutTrace(u.session,
                             photo("<html><script>alert(1)</script></html>", "x.png", "image/png"));
    checkRefusedWithoutTrace(u.session,
                             photo(std::string(kGif, sizeof(kGif) - 1), "x.gif", "image/gif"));
    checkRefusedWithoutTrace(u.session, photo("", "empty.png"));
}

BOOST_AUTO_TEST_CASE(photo_over_three_megabytes_is_bad_param) {
    const api::TestUser u = api::newUser();
    std::string big = images::png();
    big.resize(kMaxPhotoBytes + 1, '\0');
    checkRefusedWithoutTrace(u.session, photo(big));
}

BOOST_AUTO_TEST_CASE(body_of_five_megabytes_is_413_body_too_large) {
    const api::TestUser u = api::newUser();
    std::string huge = images::png();
    huge.resize(5 * 1024 * 1024, '\0');
    MMX_CHECK_ANSWER(upload(u.session, photo(huge)), 413, "BODY_TOO_LARGE");
}

BOOST_AUTO_TEST_CASE(upload_without_a_file_is_bad_param) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(
        api::http().postMultipart(kUpload, {{"note", "no file"}}, {}, api::authHeaders(u.session)),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::http().post(kUpload, {}, api::authHeaders(u.session)), "BAD_PARAM");
    api::FilePart elsewhere = photo(images::png());
    elsewhere.name = "somethingElse";
    MMX_CHECK_FAILS_WITH(upload(u.session, elsewhere), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(upload_needs_a_session) {
    MMX_CHECK_FAILS_WITH(api::http().postMultipart(kUpload, {}, {photo(images::png())},
                                                   api::clientHeader(api::uniqueClient())),
                         "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_SUITE_END()
