// The picture-chat app's phone, as its API notes describe it: /users/…, /friends/…, /chats/…
// and /pics/… with their methods, JSON bodies (GET ones too), users named by e-mail address,
// answers {"err": null, …} on success and {"err": {"code", "message"}} on refusal, "ack" on
// the chats and pics routes, and the session in a cookie. What the notes do not show (a
// picture's file, what another user sees) is set up or checked through the house's routes.
#define BOOST_TEST_MODULE api_dialect_picchat

#include "api_test.hpp"
#include "chat_test_support.hpp"
#include "helpers.hpp"
#include "picture_server.hpp"

namespace {

using mmx::apitest::id;
using picturetest::PictureServer;

std::string uniqueEmail(const std::string& prefix) {
    return api::uniqueName(prefix) + "@example.com";
}

// A JSON string literal (the texts here are ASCII and CJK only).
std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

// The phone: it keeps the cookie user-login set and sends it back, as its HTTP library would.
struct Phone {
    std::string cookie;

    api::Response send(const std::string& method, const std::string& path,
                       const std::string& json) {
        api::Headers headers = {{"Content-Type", "application/json"}};
        if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
        api::Response r = api::http().request(method, path, json, headers);
        const std::string setCookie = r.header("set-cookie");
        if (!setCookie.empty()) cookie = setCookie.substr(0, setCookie.find(';'));
        return r;
    }
};

// The answer succeeded: "err" is null (and "ack" true where the route answers one).
bool succeeded(const api::Response& r) {
    BOOST_REQUIRE_MESSAGE(r.status == 200 && r.isJson() && r.json.HasMember("err"), r.describe());
    const bool ok = r.json["err"].IsNull();
    if (r.json.HasMember("ack")) BOOST_CHECK_EQUAL(r.json["ack"].GetBool(), ok);
    BOOST_CHECK_MESSAGE(ok, r.describe());
    return ok;
}

// The refusal's house code ("" for a success), checking its shape.
std::string refusal(const api::Response& r) {
    BOOST_REQUIRE_MESSAGE(r.status == 200 && r.isJson() && r.json.HasMember("err"), r.describe());
    if (r.json["err"].IsNull()) return "";
    const rapidjson::Value& err = r.json["err"];
    BOOST_REQUIRE_MESSAGE(err.IsObject() && err.HasMember("code") && err.HasMember("message"),
                          r.describe());
    BOOST_CHECK(std::string(err["message"].GetString()).size() > 0);
    if (r.json.HasMember("ack")) BOOST_CHECK(!r.json["ack"].GetBool());
    return err["code"].GetString();
}

long long number(const rapidjson::Value& object, const char* member) {
    BOOST_REQUIRE_MESSAGE(object.HasMember(member) && object[member].IsInt64(), member);
    return object[member].GetInt64();
}

std::string text(const rapidjson::Value& object, const char* member) {
    BOOST_REQUIRE_MESSAGE(object.HasMember(member) && object[member].IsString(), member);
    return object[member].GetString();
}

std::string credentials(const std::string& email, const std::string& password) {
    return "{\"email\":" + quoted(email) + ",\"password\":" + quoted(password) + "}";
}

// A house session for an account, to check what the phone changed.
api::TestUser houseUser(const std::string& loginName, const std::string& password) {
    const std::string client = api::uniqueClient();
    const api::Response r = api::http().post(
        "/user/user!login", {{"userVO.userName", loginName}, {"userVO.password", password}},
        api::clientHeader(client));
    BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
    api::TestUser user;
    user.password = password;
    user.session.userId = std::stoll(r.header("uid"));
    user.session.uid = r.header("uid");
    user.session.accessToken = r.header("accesstoken");
    user.session.client = client;
    return user;
}

// An account made on the phone and logged in there.
struct PhoneUser {
    std::string email;
    std::string password;
    long long userId = 0;
    Phone phone;
};

PhoneUser signUp(const std::string& prefix) {
    PhoneUser user;
    user.email = uniqueEmail(prefix);
    user.password = api::uniquePassword();
    BOOST_REQUIRE(succeeded(
        user.phone.send("POST", "/users/user-register", credentials(user.email, user.password))));
    const api::Response in =
        user.phone.send("POST", "/users/user-login", credentials(user.email, user.password));
    BOOST_REQUIRE(succeeded(in));
    user.userId = number(in.json, "userId");
    return user;
}

void befriendOnPhones(PhoneUser& a, PhoneUser& b) {
    const api::Response asked =
        a.phone.send("POST", "/friends/create-friend",
                     "{\"userId\":" + quoted(a.email) + ",\"friendId\":" + quoted(b.email) +
                         ",\"nickName\":\"\"}");
    BOOST_REQUIRE(succeeded(asked));
    const api::Response answered =
        b.phone.send("POST", "/friends/create-friend",
                     "{\"userId\":" + quoted(b.email) + ",\"friendId\":" + quoted(a.email) + "}");
    BOOST_REQUIRE(succeeded(answered));
    BOOST_TEST(text(answered.json, "state") == "added");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(picchat_phone)

BOOST_AUTO_TEST_CASE(the_whole_flow_registers_logs_in_acts_and_logs_out) {
    PictureServer server;
    PhoneUser alice = signUp("alice");
    PhoneUser bob = signUp("bob");
    const api::Response in =
        alice.phone.send("POST", "/users/user-login", credentials(alice.email, alice.password));
    const std::string setCookie = in.header("set-cookie");
    BOOST_TEST(setCookie.find("picchat_session=") == 0u);
    BOOST_TEST(setCookie.find("HttpOnly") != std::string::npos);
    BOOST_TEST(setCookie.find("SameSite=Strict") != std::string::npos);
    const api::TestUser aliceHouse = houseUser(alice.email, alice.password);
    const api::TestUser bobHouse = houseUser(bob.email, bob.password);

    // Friends: asked, accepted by asking back, renamed, read one and all.
    befriendOnPhones(alice, bob);
    BOOST_TEST(succeeded(alice.phone.send("POST", "/friends/update-friend-nick-name",
                                          "{\"userId\":" + quoted(alice.email) + ",\"friendId\":" +
                                              quoted(bob.email) + ",\"nickName\":\"小博\"}")));
    const api::Response houseFriend =
        api::post(aliceHouse, "/user/friend!read", {{"friendId", id(bob.userId)}});
    MMX_REQUIRE_ANSWER(houseFriend, 200, "OK");
    BOOST_TEST(houseFriend.describe().find("小博") != std::string::npos);
    const api::Response info = alice.phone.send(
        "GET", "/friends/read-friend-info",
        "{\"userId\":" + quoted(alice.email) + ",\"friendId\":" + quoted(bob.email) + "}");
    BOOST_REQUIRE(succeeded(info));
    BOOST_TEST(number(info.json["friend"], "userId") == bob.userId);
    BOOST_TEST(text(info.json["friend"], "email") == bob.email);
    BOOST_TEST(text(info.json["friend"], "nickName") == "小博");
    // A GET's parameters may come in the query string as well.
    const api::Response list =
        alice.phone.send("GET", "/friends/read-friend-list?userId=" + id(alice.userId), "");
    BOOST_REQUIRE(succeeded(list));
    BOOST_REQUIRE_EQUAL(list.json["friends"].Size(), 1u);
    BOOST_TEST(text(list.json["friends"][0], "email") == bob.email);

    // A picture by its address: fetched, stored as alice's upload, read back.
    const api::Response made =
        alice.phone.send("POST", "/pics/create-picture",
                         "{\"userId\":" + id(alice.userId) +
                             ",\"picUrl\":" + quoted(server.url("127.0.0.1", "/avatar.png")) + "}");
    BOOST_REQUIRE(succeeded(made));
    const long long picId = number(made.json, "picId");
    const std::string picUrl = text(made.json, "picUrl");
    BOOST_TEST(picUrl.find("/upload/chat/") != std::string::npos);
    BOOST_TEST(api::http().get(picUrl.substr(picUrl.find("/upload/"))).status == 200);
    const api::Response read =
        alice.phone.send("GET", "/pics/read-picture",
                         "{\"userId\":" + id(alice.userId) + ",\"picId\":" + id(picId) + "}");
    BOOST_REQUIRE(succeeded(read));
    BOOST_TEST(text(read.json, "picUrl") == picUrl);
    const api::Response byUser = alice.phone.send("GET", "/pics/read-pictures-by-user",
                                                  "{\"userId\":" + id(alice.userId) + "}");
    BOOST_REQUIRE(succeeded(byUser));
    BOOST_REQUIRE_EQUAL(byUser.json["picsInfo"].Size(), 1u);
    BOOST_TEST(number(byUser.json["picsInfo"][0], "picId") == picId);

    // A chat about the picture, read by its receiver, listed by the picture's owner.
    const api::Response sent = alice.phone.send(
        "POST", "/chats/create-chat",
        "{\"picId\":" + id(picId) + ",\"fromUserId\":" + id(alice.userId) +
            ",\"toUserId\":" + id(bob.userId) + ",\"msgType\":\"text\",\"content\":\"哈哈\"}");
    BOOST_REQUIRE(succeeded(sent));
    BOOST_TEST(text(sent.json, "content") == "哈哈");
    const long long chatId = number(sent.json, "chatId");
    const api::Response chat =
        bob.phone.send("GET", "/chats/read-chat", "{\"chatId\":" + id(chatId) + "}");
    BOOST_REQUIRE(succeeded(chat));
    BOOST_TEST(number(chat.json, "picId") == picId);
    BOOST_TEST(number(chat.json, "fromUserId") == alice.userId);
    BOOST_TEST(number(chat.json, "toUserId") == bob.userId);
    BOOST_TEST(text(chat.json, "content") == "哈哈");
    const api::Response several =
        alice.phone.send("GET", "/chats/read-several-chat", "{\"picId\":" + id(picId) + "}");
    BOOST_REQUIRE(succeeded(several));
    BOOST_REQUIRE_EQUAL(several.json["chats"].Size(), 1u);
    BOOST_TEST(number(several.json["chats"][0], "chatId") == chatId);
    const api::Response onPicture =
        api::post(bobHouse, "/chat/message!listByPicture", {{"picId", id(picId)}});
    MMX_REQUIRE_ANSWER(onPicture, 200, "OK");
    BOOST_TEST((*onPicture.data("chats")).Size() == 1u);

    // The sender takes a second chat back.
    const api::Response second = alice.phone.send(
        "POST", "/chats/create-chat",
        "{\"picId\":" + id(picId) + ",\"fromUserId\":" + quoted(alice.email) +
            ",\"toUserId\":" + quoted(bob.email) + ",\"msgType\":\"text\",\"content\":\"发错了\"}");
    BOOST_REQUIRE(succeeded(second));
    const long long secondId = number(second.json, "chatId");
    BOOST_TEST(succeeded(
        alice.phone.send("DELETE", "/chats/delete-chat", "{\"chatId\":" + id(secondId) + "}")));
    const api::Response recalled =
        api::post(bobHouse, "/chat/message!read", {{"messageId", id(secondId)}});
    MMX_REQUIRE_ANSWER(recalled, 200, "OK");
    BOOST_TEST(api::scalarText((*recalled.data())["recalled"]) == "true");

    // The profile: an avatar by its address, read back; the mobile binds only with a code.
    BOOST_TEST(succeeded(alice.phone.send(
        "POST", "/users/user-info-update",
        "{\"userId\":" + quoted(alice.email) +
            ",\"avatar\":" + quoted(server.url("127.0.0.1", "/avatar.png")) + "}")));
    const api::Response me = alice.phone.send("GET", "/users/user-info-read",
                                              "{\"userId\":" + quoted(alice.email) + "}");
    BOOST_REQUIRE(succeeded(me));
    BOOST_TEST(text(me.json["user"], "email") == alice.email);
    BOOST_TEST(number(me.json["user"], "userId") == alice.userId);
    BOOST_TEST(text(me.json["user"], "avatar").find("/upload/") != std::string::npos);
    BOOST_TEST(text(me.json["user"], "mobile") == "");
    const api::Response houseMe = api::post(aliceHouse, "/user/user!readUser");
    BOOST_TEST(api::scalarText((*houseMe.data("userVO"))["userPhoto"]) ==
               text(me.json["user"], "avatar"));
    BOOST_TEST(refusal(alice.phone.send("POST", "/users/user-info-update",
                                        "{\"userId\":" + quoted(alice.email) +
                                            ",\"mobile\":\"15902094760\"}")) == "BAD_PARAM");

    // The picture goes with its chats; the friendship ends.
    const api::Response gone =
        alice.phone.send("DELETE", "/pics/delete-picture",
                         "{\"userId\":" + id(alice.userId) + ",\"picId\":" + id(picId) + "}");
    BOOST_REQUIRE(succeeded(gone));
    BOOST_TEST(number(gone.json, "deletedChats") == 2);
    MMX_CHECK_ANSWER(api::post(aliceHouse, "/chat/picture!read", {{"picId", id(picId)}}), 200,
                     "NOT_FOUND");
    BOOST_TEST(succeeded(alice.phone.send(
        "DELETE", "/friends/delete-friend",
        "{\"userId\":" + quoted(alice.email) + ",\"friendId\":" + quoted(bob.email) + "}")));
    MMX_CHECK_ANSWER(api::post(aliceHouse, "/user/friend!read", {{"friendId", id(bob.userId)}}),
                     200, "NOT_FOUND");

    // A new password ends every session, the cookie's too; the new one logs in.
    const std::string fresh = api::uniquePassword();
    const api::Response changed = alice.phone.send(
        "POST", "/users/user-password-update",
        "{\"userId\":" + quoted(alice.email) + ",\"oldPassword\":" + quoted(alice.password) +
            ",\"newPassword\":" + quoted(fresh) + "}");
    BOOST_REQUIRE(succeeded(changed));
    BOOST_TEST(changed.header("set-cookie").find("Max-Age=0") != std::string::npos);
    MMX_CHECK_ANSWER(api::post(aliceHouse, "/user/user!readUser"), 200, "TOKEN_INVALID");
    Phone again;
    BOOST_TEST(refusal(again.send("POST", "/users/user-login",
                                  credentials(alice.email, alice.password))) == "BAD_CREDENTIALS");
    BOOST_REQUIRE(
        succeeded(again.send("POST", "/users/user-login", credentials(alice.email, fresh))));

    const std::string loggedIn = again.cookie;
    const api::Response out = again.send("POST", "/users/user-logout", "{}");
    BOOST_REQUIRE(succeeded(out));
    BOOST_TEST(out.header("set-cookie").find("Max-Age=0") != std::string::npos);
    again.cookie = loggedIn;  // the old cookie no longer opens anything
    BOOST_TEST(refusal(again.send("GET", "/users/user-info-read", "{}")) == "TOKEN_INVALID");
}

BOOST_AUTO_TEST_CASE(another_users_id_no_session_and_bad_input_are_refused_with_the_house_code) {
    PhoneUser alice = signUp("al");
    PhoneUser bob = signUp("bo");
    Phone stranger;
    BOOST_TEST(refusal(stranger.send("GET", "/users/user-info-read", "{}")) == "AUTH_REQUIRED");
    BOOST_TEST(refusal(stranger.send("GET", "/chats/read-chat", "{\"chatId\":1}")) ==
               "AUTH_REQUIRED");
    BOOST_TEST(refusal(stranger.send("POST", "/users/user-login",
                                     credentials(alice.email, api::uniquePassword()))) ==
               "BAD_CREDENTIALS");

    // Another user's address or id where the body names the actor.
    BOOST_TEST(refusal(alice.phone.send("GET", "/users/user-info-read",
                                        "{\"userId\":" + quoted(bob.email) + "}")) == "FORBIDDEN");
    BOOST_TEST(refusal(alice.phone.send("POST", "/friends/create-friend",
                                        "{\"userId\":" + id(bob.userId) + ",\"friendId\":" +
                                            quoted(alice.email) + "}")) == "FORBIDDEN");
    BOOST_TEST(refusal(alice.phone.send(
                   "POST", "/chats/create-chat",
                   "{\"fromUserId\":" + id(bob.userId) + ",\"toUserId\":" + id(alice.userId) +
                       ",\"msgType\":\"text\",\"content\":\"冒充\"}")) == "FORBIDDEN");
    BOOST_TEST(refusal(alice.phone.send("POST", "/users/user-password-update",
                                        "{\"userId\":" + quoted(uniqueEmail("nobody")) +
                                            ",\"oldPassword\":" + quoted(alice.password) +
                                            ",\"newPassword\":" + quoted(api::uniquePassword()) +
                                            "}")) == "FORBIDDEN");
    // A stranger is no friend: no chat, no pictures.
    BOOST_TEST(refusal(alice.phone.send("POST", "/chats/create-chat",
                                        "{\"toUserId\":" + quoted(bob.email) +
                                            ",\"msgType\":\"text\",\"content\":\"你好\"}")) ==
               "FORBIDDEN");
    BOOST_TEST(refusal(alice.phone.send("GET", "/pics/read-pictures-by-user",
                                        "{\"userId\":" + quoted(bob.email) + "}")) == "FORBIDDEN");

    // Bad input.
    BOOST_TEST(refusal(alice.phone.send("POST", "/users/user-register",
                                        credentials("not-an-address", api::uniquePassword()))) ==
               "BAD_PARAM");
    BOOST_TEST(refusal(alice.phone.send("POST", "/users/user-register",
                                        credentials(alice.email, api::uniquePassword()))) ==
               "CONFLICT");
    BOOST_TEST(refusal(alice.phone.send("POST", "/chats/create-chat",
                                        "{\"toUserId\":" + id(bob.userId) +
                                            ",\"msgType\":\"video\",\"content\":\"x\"}")) ==
               "BAD_PARAM");
    BOOST_TEST(refusal(alice.phone.send("POST", "/chats/create-chat",
                                        "{\"toUserId\":\"bob\",\"msgType\":\"text\","
                                        "\"content\":\"x\"}")) == "BAD_PARAM");
    BOOST_TEST(refusal(alice.phone.send("POST", "/pics/create-picture",
                                        "{\"picUrl\":\"ftp://example.com/a.png\"}")) ==
               "BAD_PARAM");
    BOOST_TEST(refusal(alice.phone.send("GET", "/chats/read-chat", "{\"chatId\":\"ten\"}")) ==
               "BAD_PARAM");
    BOOST_TEST(refusal(alice.phone.send("GET", "/friends/read-friend-info",
                                        "{\"friendId\":" + quoted(uniqueEmail("ghost")) + "}")) ==
               "NOT_FOUND");
    // A method the path does not take is the house's protocol fault.
    const api::Response wrongMethod = alice.phone.send("POST", "/chats/read-chat", "{}");
    MMX_CHECK_ANSWER(wrongMethod, 405, "METHOD_NOT_ALLOWED");
    BOOST_TEST(wrongMethod.header("allow") == "GET");
}

BOOST_AUTO_TEST_CASE(closing_an_account_takes_its_password_and_a_code_sent_to_its_own_mobile) {
    // An account made by e-mail has no mobile to send the code to: the answer says so.
    PhoneUser byEmail = signUp("cl");
    const api::Response bare = byEmail.phone.send("DELETE", "/users/user-destroy",
                                                  "{\"userId\":" + quoted(byEmail.email) + "}");
    BOOST_TEST(refusal(bare) == "BAD_PARAM");
    BOOST_TEST(text(bare.json["err"], "message").find("code") != std::string::npos);
    BOOST_TEST(refusal(byEmail.phone.send("DELETE", "/users/user-destroy",
                                          "{\"userId\":" + quoted(byEmail.email) +
                                              ",\"password\":" + quoted(byEmail.password) +
                                              ",\"code\":\"123456\"}")) == "CONFLICT");

    // An account with its own mobile logs in by it, gets the code, and is closed.
    const api::AgedUser aged = api::newAgedUser();
    Phone phone;
    BOOST_REQUIRE(succeeded(phone.send("POST", "/users/user-login",
                                       credentials(aged.user.mobile, aged.user.password))));
    MMX_REQUIRE_ANSWER(api::post(aged.user, "/user/user!sendDestroyCode"), 200, "OK");
    const std::string code = api::lastSmsCode(aged.user.mobile, "destroy");
    BOOST_TEST(refusal(phone.send("DELETE", "/users/user-destroy",
                                  "{\"password\":" + quoted(aged.user.password) + ",\"code\":" +
                                      quoted(api::wrongCode(code)) + "}")) == "BAD_CODE");
    const api::Response closed = phone.send("DELETE", "/users/user-destroy",
                                            "{\"userId\":" + id(aged.user.session.userId) +
                                                ",\"password\":" + quoted(aged.user.password) +
                                                ",\"code\":" + quoted(code) + "}");
    BOOST_REQUIRE(succeeded(closed));
    BOOST_TEST(closed.header("set-cookie").find("Max-Age=0") != std::string::npos);
    Phone later;
    BOOST_TEST(refusal(later.send("POST", "/users/user-login",
                                  credentials(aged.user.mobile, aged.user.password))) ==
               "BAD_CREDENTIALS");
}

BOOST_AUTO_TEST_CASE(a_voice_chat_carries_the_senders_own_upload_and_a_picture_only_its_owners) {
    PhoneUser alice = signUp("vo");
    PhoneUser bob = signUp("vb");
    befriendOnPhones(alice, bob);
    const api::TestUser aliceHouse = houseUser(alice.email, alice.password);
    const api::TestUser bobHouse = houseUser(bob.email, bob.password);
    const std::string voiceUrl = chat::uploadedUrl(aliceHouse, "voice", chat::amrClip());
    const std::string imageUrl = chat::uploadedUrl(aliceHouse, "image", api::images::png());

    // A picture from one's own upload keeps its URL; someone else's upload is refused.
    const api::Response made =
        alice.phone.send("POST", "/pics/create-picture", "{\"picUrl\":" + quoted(imageUrl) + "}");
    BOOST_REQUIRE(succeeded(made));
    BOOST_TEST(text(made.json, "picUrl") == imageUrl);
    const long long picId = number(made.json, "picId");
    BOOST_TEST(refusal(bob.phone.send("POST", "/pics/create-picture",
                                      "{\"picUrl\":" + quoted(imageUrl) + "}")) == "BAD_PARAM");
    // A friend reads the picture and the owner's list; the owner alone deletes it.
    BOOST_TEST(
        succeeded(bob.phone.send("GET", "/pics/read-picture", "{\"picId\":" + id(picId) + "}")));
    const api::Response friendsPictures = bob.phone.send(
        "GET", "/pics/read-pictures-by-user", "{\"userId\":" + quoted(alice.email) + "}");
    BOOST_REQUIRE(succeeded(friendsPictures));
    BOOST_TEST(friendsPictures.json["picsInfo"].Size() == 1u);
    BOOST_TEST(refusal(bob.phone.send("DELETE", "/pics/delete-picture",
                                      "{\"picId\":" + id(picId) + "}")) == "FORBIDDEN");

    // A voice needs its length, as the house's; the text may come as `text`.
    const std::string voice = "{\"picId\":" + id(picId) + ",\"toUserId\":" + quoted(bob.email) +
                              ",\"msgType\":\"voice\",\"voiceUrl\":" + quoted(voiceUrl);
    BOOST_TEST(refusal(alice.phone.send("POST", "/chats/create-chat", voice + "}")) == "BAD_PARAM");
    const api::Response sent =
        alice.phone.send("POST", "/chats/create-chat", voice + ",\"duration\":3}");
    BOOST_REQUIRE(succeeded(sent));
    BOOST_TEST(text(sent.json, "voiceUrl") == voiceUrl);
    const long long voiceId = number(sent.json, "chatId");
    const api::Response heard =
        api::post(bobHouse, "/chat/message!read", {{"messageId", id(voiceId)}});
    MMX_REQUIRE_ANSWER(heard, 200, "OK");
    BOOST_TEST(api::scalarText((*heard.data())["url"]) == voiceUrl);
    BOOST_TEST(api::scalarText((*heard.data())["duration"]) == "3");
    BOOST_REQUIRE(
        succeeded(bob.phone.send("POST", "/chats/create-chat",
                                 "{\"picId\":" + id(picId) + ",\"toUserId\":" + id(alice.userId) +
                                     ",\"msgType\":\"text\",\"text\":\"听到了\"}")));
    const api::Response several =
        bob.phone.send("GET", "/chats/read-several-chat", "{\"picId\":" + id(picId) + "}");
    BOOST_REQUIRE(succeeded(several));
    BOOST_REQUIRE_EQUAL(several.json["chats"].Size(), 2u);
    BOOST_TEST(text(several.json["chats"][1], "content") == "听到了");
    // Only the sender takes a chat back.
    BOOST_TEST(refusal(bob.phone.send("DELETE", "/chats/delete-chat",
                                      "{\"chatId\":" + id(voiceId) + "}")) == "FORBIDDEN");
}

BOOST_AUTO_TEST_CASE(pictures_fetched_by_address_are_limited_per_user) {
    PictureServer server;
    PhoneUser alice = signUp("lim");
    const std::string body = "{\"picUrl\":" + quoted(server.url("127.0.0.1", "/avatar.png")) + "}";
    for (int i = 0; i < 30; ++i) {
        BOOST_REQUIRE(succeeded(alice.phone.send("POST", "/pics/create-picture", body)));
    }
    const api::Response refused = alice.phone.send("POST", "/pics/create-picture", body);
    BOOST_TEST(refusal(refused) == "RATE_LIMITED");
    BOOST_TEST(refused.json["retryAfter"].GetInt64() > 0);
    // Pages of the house's size: 20 by default, at most 100.
    const api::Response page = alice.phone.send("GET", "/pics/read-pictures-by-user", "{}");
    BOOST_REQUIRE(succeeded(page));
    BOOST_TEST(page.json["picsInfo"].Size() == 20u);
    const api::Response rest =
        alice.phone.send("GET", "/pics/read-pictures-by-user", "{\"offset\":20,\"count\":100}");
    BOOST_REQUIRE(succeeded(rest));
    BOOST_TEST(rest.json["picsInfo"].Size() == 10u);
}

BOOST_AUTO_TEST_SUITE_END()
