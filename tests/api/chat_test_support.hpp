#pragma once

// What the chat suites share: friends and groups made through their own routes,
// sending, syncing to the end, uploads, and small real media files. Included
// once per suite after api_test.hpp.

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "api_test.hpp"
#include "helpers.hpp"
#include "sample_images.hpp"

namespace chat {

const std::string kSend = "/chat/message!send";
const std::string kRead = "/chat/message!read";
const std::string kHistory = "/chat/message!history";
const std::string kSync = "/chat/message!sync";
const std::string kConversations = "/chat/message!conversations";
const std::string kMarkRead = "/chat/message!markRead";
const std::string kRecall = "/chat/message!recall";
const std::string kListByPicture = "/chat/message!listByPicture";
const std::string kUpload = "/chat/media!upload";
const std::string kPictureCreate = "/chat/picture!create";
const std::string kPictureRead = "/chat/picture!read";
const std::string kPictureList = "/chat/picture!listByUser";
const std::string kPictureDelete = "/chat/picture!delete";

using mmx::apitest::id;
using mmx::apitest::post;

// The conversation between two users: "u<smaller id>_<larger id>".
inline std::string userConversationId(const api::TestUser& a, const api::TestUser& b) {
    const long long one = a.session.userId;
    const long long other = b.session.userId;
    return "u" + id(std::min(one, other)) + "_" + id(std::max(one, other));
}

// Two friends, made through the friend routes.
inline void makeFriends(const api::TestUser& a, const api::TestUser& b) {
    api::befriend(a, b);
}

// Groups need a site role that creates them: the owner is made a site admin first.
inline long long createGroup(const api::TestUser& owner,
                             const std::vector<const api::TestUser*>& members) {
    BOOST_REQUIRE_MESSAGE(api::setSiteRole(owner.mobile, "admin"), "scripts/admin failed");
    return api::newGroup(owner, members, api::uniqueGroupName("群"));
}

inline api::Response sendText(const api::TestUser& from, const std::string& targetParam,
                              long long target, const std::string& content,
                              const std::string& clientMsgId = "") {
    api::Params params{{targetParam, id(target)}, {"msgType", "text"}, {"content", content}};
    if (!clientMsgId.empty()) params.emplace_back("clientMsgId", clientMsgId);
    return post(from, kSend, params);
}

inline api::Response toFriend(const api::TestUser& from, const api::TestUser& to,
                              const std::string& content) {
    return sendText(from, "toUserId", to.session.userId, content);
}

inline api::Response toGroup(const api::TestUser& from, long long groupId,
                             const std::string& content) {
    return sendText(from, "groupId", groupId, content);
}

// A successful send's messageId.
inline long long sentId(const api::Response& r) {
    BOOST_REQUIRE_MESSAGE(r.success(), "send: " << r.describe());
    return std::stoll(api::scalarText(*r.data("messageId")));
}

inline long long number(const rapidjson::Value& object, const char* field) {
    BOOST_REQUIRE_MESSAGE(object.IsObject() && object.HasMember(field), "no field " << field);
    return std::stoll(api::scalarText(object[field]));
}

inline std::string text(const rapidjson::Value& object, const char* field) {
    if (!object.IsObject() || !object.HasMember(field)) return {};
    return api::scalarText(object[field]);
}

struct SyncItem {
    std::string kind;         // message | recall | delete | groupDeleted
    long long messageId = 0;  // 0 for groupDeleted
    std::string conversationId;
    long long seq = 0;
    std::string content;
    bool recalled = false;
    long long groupId = 0;  // groupDeleted only
};

struct SyncPage {
    std::vector<SyncItem> items;
    std::string cursor;
    bool hasMore = false;
};

inline SyncPage syncOnce(api::HttpClient& client, const api::TestUser& u, const std::string& cursor,
                         int count = 200) {
    const api::Response r = client.post(
        kSync, {{"cursor", cursor}, {"count", std::to_string(count)}}, api::authHeaders(u.session));
    BOOST_REQUIRE_MESSAGE(r.success(), "sync: " << r.describe());
    SyncPage page;
    page.cursor = api::scalarText(*r.data("cursor"));
    page.hasMore = r.data("hasMore")->GetBool();
    for (const auto& item : r.data("items")->GetArray()) {
        const std::string kind = item["kind"].GetString();
        if (kind == "delete") {  // no message left: what went, by id
            page.items.push_back({kind, number(item, "messageId"), text(item, "conversationId"),
                                  number(item, "seq"), "", false, 0});
        } else if (kind == "groupDeleted") {
            page.items.push_back(
                {kind, 0, text(item, "conversationId"), 0, "", false, number(item, "groupId")});
        } else {
            const rapidjson::Value& m = item["message"];
            page.items.push_back({kind, number(m, "messageId"), text(m, "conversationId"),
                                  number(m, "seq"), text(m, "content"), m["recalled"].GetBool(),
                                  0});
        }
    }
    return page;
}

// Everything after `cursor` (which moves to the end), following hasMore.
inline std::vector<SyncItem> syncAll(const api::TestUser& u, std::string& cursor, int count = 200) {
    std::vector<SyncItem> all;
    for (int page = 0; page < 1000; ++page) {
        SyncPage p = syncOnce(api::http(), u, cursor, count);
        all.insert(all.end(), p.items.begin(), p.items.end());
        cursor = p.cursor;
        if (!p.hasMore) return all;
    }
    BOOST_FAIL("sync never ended");
    return all;
}

// The conversation line of `conversationId` in the user's chat list; Null when absent.
inline rapidjson::Value conversationLine(const api::TestUser& u, const std::string& conversationId,
                                         rapidjson::Document& holder) {
    const api::Response r = post(u, kConversations);
    BOOST_REQUIRE_MESSAGE(r.success(), "conversations: " << r.describe());
    for (const auto& line : r.data("conversations")->GetArray()) {
        if (text(line, "conversationId") == conversationId) {
            return rapidjson::Value(line, holder.GetAllocator());
        }
    }
    return rapidjson::Value();
}

inline long long unread(const api::TestUser& u, const std::string& conversationId) {
    rapidjson::Document holder;
    const rapidjson::Value line = conversationLine(u, conversationId, holder);
    return line.IsObject() ? number(line, "unread") : -1;
}

// ---- media ------------------------------------------------------------------

// One 12.2 kbit/s frame (a header byte, 31 bytes of speech) and one "no data" frame.
inline std::string amrClip() {
    return std::string("#!AMR\n\x3c", 7) + std::string(31, '\x55') + "\x7c";
}

inline std::string mp3Clip() {
    std::string frame(417, '\0');
    frame[0] = '\xFF';
    frame[1] = '\xFB';
    frame[2] = '\x90';
    return frame + frame;
}

inline std::string aacClip() {
    std::string frame(64, '\x21');
    const unsigned char header[] = {0xFF, 0xF1, 0x50, 0x80, 0x08, 0x1F, 0xFC};  // 64-byte frames
    for (std::size_t i = 0; i < sizeof(header); ++i) frame[i] = static_cast<char>(header[i]);
    return frame + frame + frame;
}

// An `ftyp` box of an audio brand, then `moov` and `mdat` (empty).
inline std::string m4aClip() {
    return std::string(
        "\x00\x00\x00\x18"
        "ftypM4A \x00\x00\x02\x00"
        "M4A isom"
        "\x00\x00\x00\x08"
        "moov"
        "\x00\x00\x00\x08"
        "mdat",
        40);
}

inline api::Response upload(const api::TestUser& u, const std::string& kind,
                            const std::string& bytes, const std::string& filename = "clip.bin") {
    return api::http().postMultipart(kUpload, {{"kind", kind}},
                                     {{"file", filename, bytes, "application/octet-stream"}},
                                     api::authHeaders(u.session));
}

inline std::string uploadedUrl(const api::TestUser& u, const std::string& kind,
                               const std::string& bytes) {
    const api::Response r = upload(u, kind, bytes);
    BOOST_REQUIRE_MESSAGE(r.success(), "media!upload: " << r.describe());
    return api::scalarText(*r.data("url"));
}

}  // namespace chat
