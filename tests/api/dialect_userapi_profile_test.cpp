// The user-API phone's own profile and pictures, as its API notes and docs/api.md describe
// them: /user/personal (attr 2 the portrait from a URL, attr 4 the city; the owner's e-mail
// and the birthday the house does not keep), /userweb/search/{key} of oneself, and version
// 2's /userweb/imgupload and /userweb/quickmodifyimg, which fetch their picture from this
// process (picture_server.hpp: 127.0.0.1 is allow-listed in the test stack, 127.0.0.2 is not).
#define BOOST_TEST_MODULE api_dialect_userapi_profile
#include "picture_server.hpp"
#include "userapi_phone.hpp"

using namespace userapitest;
using picturetest::PictureServer;

namespace {

const std::string kPngSignature = "\x89PNG\r\n\x1a\n";

api::Response personal(Phone& phone) {
    api::Response r = phone.send("GET", "/user/personal");
    BOOST_REQUIRE_EQUAL(errOf(r), 0);
    return r;
}

std::string portraitOf(Phone& phone) {
    return text(member(personal(phone).json, "info"), "portrait");
}

// What nginx serves at `url`: a picture stored under /upload/.
std::string servedAt(const std::string& url) {
    BOOST_REQUIRE_MESSAGE(url.find("/upload/") != std::string::npos, url);
    const api::Response got = api::http().request("GET", url, "", {});
    BOOST_REQUIRE_MESSAGE(got.status == 200, "GET " << url << ": " << got.describe());
    return got.body;
}

bool isPng(const std::string& bytes) {
    return bytes.compare(0, kPngSignature.size(), kPngSignature) == 0;
}

// A city of the app's, added by site staff as the console does: its id.
long long newCity(const std::string& name) {
    const api::TestUser staff = api::newStaff("deputy");
    const api::Response r = api::post(staff, "/manager/city!add", {{"name", name}});
    BOOST_REQUIRE_MESSAGE(r.success() && r.data("city") != nullptr, r.describe());
    return std::stoll(api::scalarText((*r.data("city"))["id"]));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(userapi_profile)

BOOST_AUTO_TEST_CASE(attr_2_makes_a_fetched_picture_the_portrait_that_personal_then_shows) {
    PictureServer server;
    Phone phone = phoneOf(api::newUser());
    const api::Response changed = phone.send(
        "POST", "/user/personal",
        "{\"attr\":2,\"portrait\":" + quoted(server.url("127.0.0.1", "/avatar.png")) + "}");
    BOOST_REQUIRE_EQUAL(errOf(changed), 0);
    const std::string portrait = text(changed.json, "portrait");
    BOOST_TEST(portraitOf(phone) == portrait);
    BOOST_TEST(isPng(servedAt(portrait)));

    // A host that is not allow-listed is never fetched, and the portrait stays.
    CHECK_ERR(phone.send("POST", "/user/personal",
                         "{\"attr\":2,\"portrait\":" +
                             quoted(server.url("127.0.0.2", "/forbidden.png")) + "}"),
              kBadParam);
    BOOST_TEST(!server.wasAskedFor("/forbidden.png"));
    BOOST_TEST(portraitOf(phone) == portrait);
    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":2}"), kBadParam);
}

BOOST_AUTO_TEST_CASE(attr_4_sets_one_of_the_app_cities_by_id_and_refuses_an_unknown_one) {
    const std::string name = api::uniqueName("城");
    const long long city = newCity(name);
    const api::TestUser user = api::newUser();
    Phone phone = phoneOf(user);
    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":4,\"city\":" + api::id(city) + "}"),
              0);
    BOOST_TEST(member(member(personal(phone).json, "info"), "city").GetInt64() == city);
    // The city's name is what the user's card shows.
    const api::Response card = phone.get("/user/info", {{"uid", api::id(user)}});
    BOOST_REQUIRE_EQUAL(errOf(card), 0);
    BOOST_TEST(text(member(card.json, "userList")[0], "city") == name);

    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":4,\"city\":999999999}"), kBadParam);
    CHECK_ERR(phone.send("POST", "/user/personal", "{\"attr\":4}"), kBadParam);
    BOOST_TEST(member(member(personal(phone).json, "info"), "city").GetInt64() == city);
}

BOOST_AUTO_TEST_CASE(personal_shows_the_owner_their_e_mail_and_an_empty_birthday) {
    const std::string email = api::uniqueName("m") + "@qq.com";
    const std::string password = api::uniquePassword();
    const long long owner = openAccount({{"email", email}, {"password", password}});
    Phone phone;
    BOOST_REQUIRE_EQUAL(errOf(phone.signIn("{\"mode\":3,\"email\":" + quoted(email) +
                                           ",\"password\":" + quoted(password) + "}")),
                        0);
    const api::Response mine = personal(phone);
    const rapidjson::Value& info = member(mine.json, "info");
    BOOST_TEST(text(info, "email") == email);
    BOOST_TEST(text(info, "birthday") == "");

    // Found by its MMX code, the account shows its e-mail to its owner only.
    const std::string path = "/userweb/search/" + text(info, "mcode");
    const api::Response self = phone.send("GET", path);
    BOOST_REQUIRE_EQUAL(errOf(self), 0);
    BOOST_TEST(member(self.json, "user_id").GetInt64() == owner);
    BOOST_TEST(text(self.json, "email") == email);
    BOOST_TEST(text(self.json, "birthday") == "");
    Phone stranger = phoneOf(api::newUser());
    const api::Response seen = stranger.send("GET", path);
    BOOST_REQUIRE_EQUAL(errOf(seen), 0);
    BOOST_TEST(member(seen.json, "user_id").GetInt64() == owner);
    BOOST_TEST(text(seen.json, "email") == "");

    // An account by mobile has no e-mail.
    const api::Response byMobile = personal(stranger);
    BOOST_TEST(text(member(byMobile.json, "info"), "email") == "");
}

BOOST_AUTO_TEST_CASE(imgupload_stores_a_fetched_picture_whose_url_serves_it_re_encoded) {
    PictureServer server;
    const api::TestUser user = api::newUser();
    Phone phone = phoneOf(user);
    const std::set<std::string> before = api::uploadsOf(user.session.userId, "chat");
    const api::Response stored =
        phone.get("/userweb/imgupload", {{"url", server.url("127.0.0.1", "/picture.bmp")}});
    BOOST_REQUIRE_EQUAL(errOf(stored), 0);
    BOOST_TEST(member(stored.json, "is_success").GetBool());
    const std::string url = text(stored.json, "url");
    // A BMP was fetched: what is served is the picture encoded again, as a PNG.
    BOOST_TEST(isPng(servedAt(url)));
    // One of the caller's chat images.
    const std::set<std::string> after = api::uploadsOf(user.session.userId, "chat");
    BOOST_REQUIRE_EQUAL(after.size(), before.size() + 1);
    bool named = false;
    for (const std::string& file : after) {
        named = named || (!before.count(file) && url.size() > file.size() &&
                          url.compare(url.size() - file.size(), file.size(), file) == 0);
    }
    BOOST_CHECK_MESSAGE(named, url << " names none of the new files");

    // What may not be fetched stores nothing.
    CHECK_ERR(phone.get("/userweb/imgupload", {{"url", server.url("127.0.0.2", "/forbidden.png")}}),
              kBadParam);
    CHECK_ERR(phone.get("/userweb/imgupload", {{"url", server.url("127.0.0.1", "/page.png")}}),
              kBadParam);
    BOOST_TEST(api::uploadsOf(user.session.userId, "chat") == after);
}

BOOST_AUTO_TEST_CASE(quickmodifyimg_changes_the_avatar_personal_shows_and_only_ones_own) {
    PictureServer server;
    const api::TestUser user = api::newUser();
    const api::TestUser other = api::newUser();
    Phone phone = phoneOf(user);
    const std::string url = server.url("127.0.0.1", "/avatar.png");
    const std::string before = portraitOf(phone);

    // Someone else's user_id: refused before anything is fetched.
    CHECK_ERR(phone.get("/userweb/quickmodifyimg", {{"user_id", api::id(other)}, {"url", url}}),
              kForbidden);
    BOOST_TEST(!server.wasAskedFor("/avatar.png"));
    BOOST_TEST(portraitOf(phone) == before);

    const api::Response changed =
        phone.get("/userweb/quickmodifyimg", {{"user_id", api::id(user)}, {"url", url}});
    BOOST_REQUIRE_EQUAL(errOf(changed), 0);
    BOOST_TEST(member(changed.json, "is_success").GetBool());
    const std::string portrait = portraitOf(phone);
    BOOST_TEST(portrait != before);
    BOOST_TEST(isPng(servedAt(portrait)));
    // The other user's avatar is as it was.
    const api::Response theirs = phoneOf(other).send("GET", "/user/personal");
    BOOST_REQUIRE_EQUAL(errOf(theirs), 0);
    BOOST_TEST(text(member(theirs.json, "info"), "portrait") == "");
}

BOOST_AUTO_TEST_SUITE_END()
