#include "core/media_type.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace mmx;
using namespace std::string_literals;

namespace {

// An ADTS frame (AAC LC, 44.1 kHz, stereo) of `length` bytes, header included.
std::string adtsFrame(std::size_t length) {
    std::string frame(length, '\x21');
    frame[0] = '\xFF';
    frame[1] = '\xF1';
    frame[2] = '\x50';
    frame[3] = static_cast<char>(0x80 | ((length >> 11) & 0x03));
    frame[4] = static_cast<char>((length >> 3) & 0xFF);
    frame[5] = static_cast<char>(((length & 0x07) << 5) | 0x1F);
    frame[6] = '\xFC';
    return frame;
}

// An MPEG-1 Layer III frame at 128 kbit/s, 44.1 kHz, no padding: 417 bytes.
std::string mp3Frame() {
    std::string frame(417, '\0');
    frame[0] = '\xFF';
    frame[1] = '\xFB';
    frame[2] = '\x90';
    frame[3] = '\x00';
    return frame;
}

std::string extensionOf(const std::string& bytes) {
    const auto type = sniffAudio(bytes);
    return type ? std::string(type->extension) : "none";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(media_type)

BOOST_AUTO_TEST_CASE(amr_narrow_and_wide_band_are_amr) {
    BOOST_TEST(extensionOf("#!AMR\n\x3c\x48\xf5\x1f"s) == "amr");
    BOOST_TEST(extensionOf("#!AMR-WB\n\x04\x10"s) == "amr");
    BOOST_TEST(std::string(sniffAudio("#!AMR\n"s)->mime) == "audio/amr");
}

BOOST_AUTO_TEST_CASE(adts_frames_are_aac) {
    BOOST_TEST(extensionOf(adtsFrame(200) + adtsFrame(180) + adtsFrame(190)) == "aac");
    BOOST_TEST(extensionOf(adtsFrame(40)) == "aac");  // one short frame, nothing after it
    BOOST_TEST(std::string(sniffAudio(adtsFrame(40))->mime) == "audio/aac");
}

BOOST_AUTO_TEST_CASE(adts_header_followed_by_something_else_is_refused) {
    BOOST_TEST(extensionOf(adtsFrame(20) + std::string(100, 'x')) == "none");
}

BOOST_AUTO_TEST_CASE(mpeg4_audio_by_its_ftyp_box_is_m4a) {
    const std::string m4a =
        "\x00\x00\x00\x20"
        "ftypM4A \x00\x00\x02\x00"
        "M4A mp42isom\x00\x00\x00\x00"s;
    BOOST_TEST(extensionOf(m4a) == "m4a");
    BOOST_TEST(std::string(sniffAudio(m4a)->mime) == "audio/mp4");
    BOOST_TEST(extensionOf("\x00\x00\x00\x18"
                           "ftypqt  \x00\x00\x02\x00qt  "s) == "none");
    BOOST_TEST(extensionOf("\x00\x00\x00\x03"
                           "ftypM4A "s) == "none");  // impossible box size
}

BOOST_AUTO_TEST_CASE(mp3_by_id3_tag_or_by_frames) {
    BOOST_TEST(extensionOf("ID3\x03\x00\x00\x00\x00\x01\x7f"s + std::string(300, '\0')) == "mp3");
    BOOST_TEST(extensionOf(mp3Frame() + mp3Frame()) == "mp3");
    BOOST_TEST(extensionOf(mp3Frame()) == "mp3");
    BOOST_TEST(std::string(sniffAudio(mp3Frame())->mime) == "audio/mpeg");
}

BOOST_AUTO_TEST_CASE(bad_id3_and_broken_frames_are_refused) {
    BOOST_TEST(extensionOf("ID3\x09\x00\x00\x00\x00\x00\x10"s) == "none");  // no such version
    BOOST_TEST(extensionOf("ID3\x03\x00\x00\x80\x00\x00\x10"s) == "none");  // size not sync-safe
    BOOST_TEST(extensionOf(mp3Frame() + "not another frame"s + std::string(10, 'x')) == "none");
    std::string reservedRate = mp3Frame();
    reservedRate[2] = '\x9C';
    BOOST_TEST(extensionOf(reservedRate) == "none");
}

BOOST_AUTO_TEST_CASE(images_text_and_nothing_are_not_audio) {
    BOOST_TEST(extensionOf("\x89PNG\r\n\x1A\n\x00\x00\x00\x0dIHDR"s) == "none");
    BOOST_TEST(extensionOf("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"s) == "none");
    BOOST_TEST(extensionOf("GIF89a\x01\x00\x01\x00"s) == "none");
    BOOST_TEST(extensionOf("<html><body>hello</body></html>"s) == "none");
    BOOST_TEST(extensionOf(""s) == "none");
    BOOST_TEST(extensionOf("\xFF"s) == "none");
}

BOOST_AUTO_TEST_CASE(audio_is_not_an_image) {
    BOOST_TEST(!sniffImage("#!AMR\n\x3c"s));
    BOOST_TEST(!sniffImage(mp3Frame()));
    BOOST_TEST(!sniffImage(adtsFrame(64)));
}

BOOST_AUTO_TEST_SUITE_END()
