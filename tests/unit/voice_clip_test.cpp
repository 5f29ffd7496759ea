#include "core/voice_clip.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>
#include <vector>

using namespace mmx;
using namespace std::string_literals;

namespace {

// An ADTS frame (AAC LC, 44.1 kHz, stereo, no CRC) of `length` bytes, header included.
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
    return frame;
}

// AMR frames: mode 7 (12.2 kbit/s, 32 bytes) narrow band, mode 8 (23.85, 61) wide band.
std::string amrNbFrame() {
    return "\x3C"s + std::string(31, '\x55');
}
std::string amrWbFrame() {
    return "\x44"s + std::string(60, '\x55');
}

std::string box(const std::string& type, const std::string& body) {
    const std::size_t size = body.size() + 8;
    std::string header(4, '\0');
    header[0] = static_cast<char>(size >> 24);
    header[1] = static_cast<char>(size >> 16);
    header[2] = static_cast<char>(size >> 8);
    header[3] = static_cast<char>(size);
    return header + type + body;
}

std::string ftyp(const std::string& brand = "M4A ") {
    return box("ftyp", brand + "\x00\x00\x02\x00"s + "M4A mp42isom");
}

std::string id3v2(std::size_t bodyBytes) {
    return "ID3\x03\x00\x00\x00\x00"s + static_cast<char>(bodyBytes >> 7) +
           static_cast<char>(bodyBytes & 0x7F) + std::string(bodyBytes, '\0');
}

std::string id3v1() {
    return "TAG"s + std::string(125, ' ');
}

const std::string kHtml = "<html><script>alert(1)</script></html>";

struct Case {
    std::string name;
    std::string bytes;
    std::string expected;  // the extension, or "none"
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    return out << c.name;
}

const std::vector<Case> kCases = {
    {"amr narrow band frames", "#!AMR\n"s + amrNbFrame() + amrNbFrame() + "\x7C"s, "amr"},
    {"amr wide band frames", "#!AMR-WB\n"s + amrWbFrame() + amrWbFrame(), "amr"},
    {"amr magic with no frame", "#!AMR\n"s, "none"},
    {"amr with html after its frames", "#!AMR\n"s + amrNbFrame() + kHtml, "none"},
    {"amr frame cut short", "#!AMR\n"s + amrNbFrame().substr(0, 20), "none"},
    {"amr reserved frame type", "#!AMR\n"s + "\x48"s + std::string(40, 'x'), "none"},
    {"amr padding bit set", "#!AMR\n"s + "\xBC"s + std::string(31, 'x'), "none"},
    {"adts frames", adtsFrame(200) + adtsFrame(180) + adtsFrame(190), "aac"},
    {"one adts frame", adtsFrame(40), "aac"},
    {"adts with html appended", adtsFrame(200) + adtsFrame(180) + kHtml, "none"},
    {"adts frame cut short", adtsFrame(200) + adtsFrame(180).substr(0, 100), "none"},
    {"adts header then text", adtsFrame(20) + std::string(100, 'x'), "none"},
    {"mp3 frames", mp3Frame() + mp3Frame() + mp3Frame(), "mp3"},
    {"mp3 after an id3v2 tag", id3v2(300) + mp3Frame() + mp3Frame(), "mp3"},
    {"mp3 with an id3v1 tag at the end", mp3Frame() + mp3Frame() + id3v1(), "mp3"},
    {"id3v2 tag with html after it", id3v2(20) + kHtml, "none"},
    {"id3v2 tag alone", id3v2(300), "none"},
    {"mp3 with html appended", mp3Frame() + mp3Frame() + kHtml, "none"},
    {"mp3 with html after its id3v1 tag", mp3Frame() + id3v1() + kHtml, "none"},
    {"mp3 last frame cut short", mp3Frame() + mp3Frame().substr(0, 300), "none"},
    {"id3v2 of no such version", "ID3\x09\x00\x00\x00\x00\x00\x10"s + std::string(16, '\0'),
     "none"},
    {"id3v2 size not sync-safe", "ID3\x03\x00\x00\x80\x00\x00\x10"s, "none"},
    {"mpeg-4 audio", ftyp() + box("moov", std::string(40, 'm')) + box("mdat", std::string(99, 'a')),
     "m4a"},
    {"mpeg-4 audio, mdat first, free box",
     ftyp("mp42") + box("mdat", "aaaa") + box("free", "") + box("moov", "mmmm"), "m4a"},
    {"mpeg-4 with html appended", ftyp() + box("moov", "m") + box("mdat", "a") + kHtml, "none"},
    {"mpeg-4 box larger than the file", ftyp() + box("moov", "m") + box("mdat", "a").substr(0, 8),
     "none"},
    {"mpeg-4 without mdat", ftyp() + box("moov", "mmmm"), "none"},
    {"mpeg-4 without moov", ftyp() + box("mdat", "aaaa"), "none"},
    {"mpeg-4 of a video brand", ftyp("qt  ") + box("moov", "m") + box("mdat", "a"), "none"},
    {"mpeg-4 ftyp not first", box("moov", "m") + ftyp() + box("mdat", "a"), "none"},
    {"impossible box size", "\x00\x00\x00\x03"s + "ftypM4A "s, "none"},
    {"png", "\x89PNG\r\n\x1A\n\x00\x00\x00\x0dIHDR"s, "none"},
    {"jpeg", "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"s, "none"},
    {"html", kHtml, "none"},
    {"nothing", ""s, "none"},
    {"one byte", "\xFF"s, "none"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(voice_clip)

BOOST_DATA_TEST_CASE(a_clip_is_accepted_only_when_its_frames_reach_its_end,
                     boost::unit_test::data::make(kCases), c) {
    const auto type = checkVoiceClip(c.bytes);
    BOOST_TEST((type ? std::string(type->extension) : "none"s) == c.expected);
}

BOOST_AUTO_TEST_CASE(each_format_has_its_mime_type) {
    BOOST_TEST(std::string(checkVoiceClip("#!AMR\n"s + amrNbFrame())->mime) == "audio/amr");
    BOOST_TEST(std::string(checkVoiceClip(adtsFrame(40))->mime) == "audio/aac");
    BOOST_TEST(std::string(checkVoiceClip(mp3Frame())->mime) == "audio/mpeg");
    BOOST_TEST(std::string(checkVoiceClip(ftyp() + box("moov", "") + box("mdat", ""))->mime) ==
               "audio/mp4");
}

BOOST_AUTO_TEST_SUITE_END()
