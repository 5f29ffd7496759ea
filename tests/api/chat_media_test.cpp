// media!upload: chat images (jpg, png, bmp, gif, at most 3 MB; stored encoded again,
// jpg as jpg and the rest as png) and voice clips (amr, aac, m4a, mp3, at most 2 MB,
// stored as sent), recognised by their bytes, served by nginx under
// /upload/chat/<yyyymm>/, and nothing left behind by a refusal.
#define BOOST_TEST_MODULE api_chat_media
#include <regex>
#include <set>

#include "api_test.hpp"
#include "chat_test_support.hpp"

namespace {

namespace images = mmx::apitest::images;

// The upload succeeded with a URL of our shape and that extension, and nginx
// serves what the answer describes, with the type and nosniff; returns the body.
std::string checkServed(const api::Response& r, const std::string& extension,
                        const std::string& contentType) {
    MMX_REQUIRE_OK(r);
    const std::string url = api::scalarText(*r.data("url"));
    const std::regex shape(
        std::regex_replace(api::stackEnv().baseUrl, std::regex(R"([.])"), R"(\.)") +
        "/upload/chat/[0-9]{6}/[0-9]+_[0-9a-f]+\\." + extension);
    BOOST_CHECK_MESSAGE(std::regex_match(url, shape), "media URL '" << url << "'");
    const api::Response served = api::http().request("GET", url, {}, {});
    BOOST_REQUIRE_MESSAGE(served.status == 200, "GET " << url << ": " << served.describe());
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("size")), std::to_string(served.body.size()));
    BOOST_CHECK_EQUAL(api::scalarText(*r.data("mime")), contentType);
    BOOST_CHECK_EQUAL(served.header("content-type"), contentType);
    BOOST_CHECK_EQUAL(served.header("x-content-type-options"), "nosniff");
    return served.body;
}

// A voice clip is stored byte for byte.
void checkStoredAndServed(const api::Response& r, const std::string& bytes,
                          const std::string& extension, const std::string& contentType) {
    BOOST_CHECK_MESSAGE(checkServed(r, extension, contentType) == bytes,
                        "served bytes differ from the upload");
}

// A picture is stored encoded again, in the format its extension names.
void checkImageServed(const api::Response& r, const std::string& extension,
                      const std::string& contentType, const std::string& magic) {
    const std::string body = checkServed(r, extension, contentType);
    BOOST_CHECK_MESSAGE(body.compare(0, magic.size(), magic) == 0, "not a " << extension);
}

void checkRefusedWithoutTrace(const api::TestUser& u, const std::string& kind,
                              const std::string& bytes) {
    const std::set<std::string> before = api::uploadsOf(u.session.userId, "chat");
    MMX_CHECK_FAILS_WITH(chat::upload(u, kind, bytes), "BAD_PARAM");
    BOOST_CHECK_MESSAGE(api::uploadsOf(u.session.userId, "chat") == before,
                        "a refused upload left a file behind");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(accepted)

BOOST_AUTO_TEST_CASE(images_of_each_kind_are_stored_as_jpeg_or_png_by_their_content) {
    const api::TestUser u = api::newUser();
    const std::string png("\x89PNG\r\n\x1A\n", 8);
    checkImageServed(chat::upload(u, "image", images::png(), "a.jpg"), "png", "image/png", png);
    checkImageServed(chat::upload(u, "image", images::jpeg()), "jpg", "image/jpeg", "\xFF\xD8\xFF");
    checkImageServed(chat::upload(u, "image", images::bmp()), "png", "image/png", png);
    checkImageServed(chat::upload(u, "image", images::gif()), "png", "image/png", png);
}

BOOST_AUTO_TEST_CASE(voice_clips_of_each_kind_are_stored_by_their_content) {
    const api::TestUser u = api::newUser();
    checkStoredAndServed(chat::upload(u, "voice", chat::amrClip(), "x.mp3"), chat::amrClip(), "amr",
                         "audio/amr");
    checkStoredAndServed(chat::upload(u, "voice", chat::aacClip()), chat::aacClip(), "aac",
                         "audio/aac");
    checkStoredAndServed(chat::upload(u, "voice", chat::m4aClip()), chat::m4aClip(), "m4a",
                         "audio/mp4");
    checkStoredAndServed(chat::upload(u, "voice", chat::mp3Clip()), chat::mp3Clip(), "mp3",
                         "audio/mpeg");
}

BOOST_AUTO_TEST_CASE(a_voice_clip_of_two_megabytes_is_accepted) {
    const api::TestUser u = api::newUser();
    std::string clip = chat::amrClip();
    clip.resize(2 * 1024 * 1024, '\x7c');  // "no data" frames, one byte each
    MMX_CHECK_OK(chat::upload(u, "voice", clip));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(refused)

BOOST_AUTO_TEST_CASE(content_that_is_not_of_the_kind_is_bad_param_and_leaves_nothing) {
    const api::TestUser u = api::newUser();
    checkRefusedWithoutTrace(u, "image", chat::amrClip());
    checkRefusedWithoutTrace(u, "voice", images::png());
    checkRefusedWithoutTrace(u, "image", "<html><script>alert(1)</script></html>");
    checkRefusedWithoutTrace(u, "voice", "just text pretending to be audio");
}

BOOST_AUTO_TEST_CASE(files_over_the_limits_are_bad_param) {
    const api::TestUser u = api::newUser();
    std::string clip = chat::amrClip();
    clip.resize(2 * 1024 * 1024 + 1, '\x7c');
    checkRefusedWithoutTrace(u, "voice", clip);
    std::string image = images::png();
    image.resize(3 * 1024 * 1024 + 1, '\0');
    checkRefusedWithoutTrace(u, "image", image);
}

BOOST_AUTO_TEST_CASE(kind_and_file_are_required) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(chat::upload(u, "video", images::png()), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::http().postMultipart(chat::kUpload, {},
                                                   {{"file", "a.png", images::png(), "image/png"}},
                                                   api::authHeaders(u.session)),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::http().postMultipart(chat::kUpload, {{"kind", "image"}}, {},
                                                   api::authHeaders(u.session)),
                         "BAD_PARAM");
    checkRefusedWithoutTrace(u, "image", "");
}

BOOST_AUTO_TEST_CASE(uploading_needs_a_session) {
    MMX_CHECK_FAILS_WITH(api::http().postMultipart(chat::kUpload, {{"kind", "image"}},
                                                   {{"file", "a.png", images::png(), "image/png"}},
                                                   api::clientHeader(api::uniqueClient())),
                         "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_SUITE_END()
