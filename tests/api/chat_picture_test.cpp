// Pictures: created from an uploaded chat image, seen by the owner
// and friends, listed by user, chats attached with picId, and deleted by the
// owner together with their chats in one go.
#define BOOST_TEST_MODULE api_chat_picture
#include <map>
#include <utility>

#include "api_test.hpp"
#include "chat_test_support.hpp"

namespace {

using chat::id;
using chat::post;

long long createPicture(const api::TestUser& u) {
    const std::string url = chat::uploadedUrl(u, "image", mmx::apitest::images::png());
    const api::Response r = post(u, chat::kPictureCreate, {{"picUrl", url}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(chat::text(*r.data(), "picUrl"), url);
    return chat::number(*r.data(), "picId");
}

long long sendOnPicture(const api::TestUser& from, const api::TestUser& to, long long picId,
                        const std::string& content) {
    return chat::sentId(post(
        from, chat::kSend,
        {{"toUserId", id(to)}, {"msgType", "text"}, {"content", content}, {"picId", id(picId)}}));
}

std::vector<long long> chatsOnPicture(const api::TestUser& u, long long picId) {
    const api::Response r = post(u, chat::kListByPicture, {{"picId", id(picId)}});
    BOOST_REQUIRE_MESSAGE(r.success(), "listByPicture: " << r.describe());
    std::vector<long long> ids;
    for (const auto& c : r.data("chats")->GetArray()) ids.push_back(chat::number(c, "chatId"));
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pictures)

BOOST_AUTO_TEST_CASE(the_owner_and_friends_read_a_picture_others_do_not) {
    const api::TestUser owner = api::newUser();
    const api::TestUser buddy = api::newUser();
    const api::TestUser stranger = api::newUser();
    chat::makeFriends(owner, buddy);
    const long long picId = createPicture(owner);
    for (const api::TestUser* reader : {&owner, &buddy}) {
        const api::Response r = post(*reader, chat::kPictureRead, {{"picId", id(picId)}});
        MMX_CHECK_OK(r);
        BOOST_CHECK_EQUAL(chat::number(*r.data(), "picId"), picId);
        BOOST_CHECK_EQUAL(chat::number(*r.data(), "userId"), owner.session.userId);
    }
    MMX_CHECK_FAILS_WITH(post(stranger, chat::kPictureRead, {{"picId", id(picId)}}), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(post(owner, chat::kPictureRead, {{"picId", "999999999"}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(a_picture_needs_an_uploaded_chat_image) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(post(u, chat::kPictureCreate, {{"picUrl", "http://evil.example/x.png"}}),
                         "BAD_PARAM");
    const std::string voice = chat::uploadedUrl(u, "voice", chat::amrClip());
    MMX_CHECK_FAILS_WITH(post(u, chat::kPictureCreate, {{"picUrl", voice}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(post(u, chat::kPictureCreate), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(a_picture_of_someone_elses_upload_is_refused_as_a_missing_one) {
    const api::TestUser owner = api::newUser();
    const api::TestUser other = api::newUser();
    chat::makeFriends(owner, other);
    const std::string url = chat::uploadedUrl(owner, "image", mmx::apitest::images::png());
    const api::Response theirs = post(other, chat::kPictureCreate, {{"picUrl", url}});
    MMX_CHECK_FAILS_WITH(theirs, "BAD_PARAM");
    std::string missing = url;
    missing.replace(missing.rfind('/') + 1, 4, "zzzz");
    const api::Response nothing = post(other, chat::kPictureCreate, {{"picUrl", missing}});
    BOOST_CHECK_EQUAL(theirs.info(), nothing.info());  // tells nothing of the file
    MMX_CHECK_OK(post(owner, chat::kPictureCreate, {{"picUrl", url}}));
}

BOOST_AUTO_TEST_CASE(pictures_are_listed_by_user_newest_first_for_the_owner_and_friends) {
    const api::TestUser owner = api::newUser();
    const api::TestUser buddy = api::newUser();
    const api::TestUser stranger = api::newUser();
    chat::makeFriends(owner, buddy);
    const long long first = createPicture(owner);
    const long long second = createPicture(owner);
    const long long third = createPicture(owner);
    const auto list = [&](const api::TestUser& viewer, const api::Params& params) {
        const api::Response r = post(viewer, chat::kPictureList, params);
        BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
        std::vector<long long> ids;
        for (const auto& p : r.data("picsInfo")->GetArray())
            ids.push_back(chat::number(p, "picId"));
        return ids;
    };
    BOOST_CHECK((list(owner, {}) == std::vector<long long>{third, second, first}));
    BOOST_CHECK((list(buddy, {{"userId", id(owner)}, {"offset", "1"}, {"count", "1"}}) ==
                 std::vector<long long>{second}));
    MMX_CHECK_FAILS_WITH(post(stranger, chat::kPictureList, {{"userId", id(owner)}}), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(post(owner, chat::kPictureList, {{"count", "101"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(chats_on_pictures)

BOOST_AUTO_TEST_CASE(chats_attached_to_a_picture_are_listed_for_the_owner_and_their_participants) {
    const api::TestUser owner = api::newUser();
    const api::TestUser x = api::newUser();
    const api::TestUser y = api::newUser();
    chat::makeFriends(owner, x);
    chat::makeFriends(owner, y);
    chat::makeFriends(x, y);
    const long long picId = createPicture(owner);
    const long long c1 = sendOnPicture(x, owner, picId, "这张图真好看");
    const long long c2 = sendOnPicture(owner, y, picId, "你看这张");
    const long long c3 = sendOnPicture(y, owner, picId, "回你这张");
    BOOST_CHECK((chatsOnPicture(owner, picId) == std::vector<long long>{c1, c2, c3}));
    BOOST_CHECK((chatsOnPicture(x, picId) == std::vector<long long>{c1}));
    BOOST_CHECK((chatsOnPicture(y, picId) == std::vector<long long>{c2, c3}));
    const api::Response read = post(owner, chat::kRead, {{"messageId", id(c1)}});
    BOOST_CHECK_EQUAL(chat::number(*read.data(), "picId"), picId);
    MMX_CHECK_FAILS_WITH(post(owner, chat::kListByPicture, {{"picId", "999999999"}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(a_chat_on_a_picture_the_sender_cannot_see_is_refused) {
    const api::TestUser owner = api::newUser();
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    const long long picId = createPicture(owner);  // a is not the owner's friend
    MMX_CHECK_FAILS_WITH(
        post(a, chat::kSend,
             {{"toUserId", id(b)}, {"msgType", "text"}, {"content", "x"}, {"picId", id(picId)}}),
        "NOT_FOUND");
}

// The owner reads every chat on their picture, so a friend of the owner may not
// hang it on a conversation the owner is not in: that would show the owner a
// private chat between two others, or a group's chat from outside the group.
BOOST_AUTO_TEST_CASE(a_picture_goes_only_on_chats_its_owner_takes_part_in) {
    const api::TestUser owner = api::newUser();
    const api::TestUser x = api::newUser();
    const api::TestUser y = api::newUser();
    chat::makeFriends(owner, x);
    chat::makeFriends(x, y);
    const long long picId = createPicture(owner);
    const auto onGroup = [&](const api::TestUser& from, long long groupId) {
        return post(from, chat::kSend,
                    {{"groupId", id(groupId)},
                     {"msgType", "text"},
                     {"content", "群里这张"},
                     {"picId", id(picId)}});
    };

    // Between two friends of whom neither is the owner: refused, nothing stored.
    MMX_CHECK_FAILS_WITH(
        post(x, chat::kSend,
             {{"toUserId", id(y)}, {"msgType", "text"}, {"content", "私聊"}, {"picId", id(picId)}}),
        "FORBIDDEN");
    std::string cursor;
    BOOST_CHECK(chat::syncAll(y, cursor).empty());

    // A group without the owner: refused; with the owner a member: accepted.
    const long long without = chat::createGroup(x, {&y});
    MMX_CHECK_FAILS_WITH(onGroup(x, without), "FORBIDDEN");
    const long long with = chat::createGroup(x, {&y, &owner});
    const long long inGroup = chat::sentId(onGroup(x, with));
    BOOST_CHECK((chatsOnPicture(owner, picId) == std::vector<long long>{inGroup}));

    // Once the owner has left the group, the group is closed to the picture again.
    MMX_REQUIRE_OK(post(owner, "/chat/group!quit", {{"groupId", id(with)}}));
    MMX_CHECK_FAILS_WITH(onGroup(x, with), "FORBIDDEN");
    BOOST_CHECK((chatsOnPicture(owner, picId) == std::vector<long long>{inGroup}));
}

BOOST_AUTO_TEST_CASE(deleting_a_picture_takes_its_chats_and_only_the_owner_may) {
    const api::TestUser owner = api::newUser();
    const api::TestUser friendOfOwner = api::newUser();
    chat::makeFriends(owner, friendOfOwner);
    const long long picId = createPicture(owner);
    const long long onPicture1 = sendOnPicture(friendOfOwner, owner, picId, "图上的话一");
    const long long plain = chat::sentId(chat::toFriend(owner, friendOfOwner, "与图无关"));
    const long long onPicture2 = sendOnPicture(owner, friendOfOwner, picId, "图上的话二");

    MMX_CHECK_FAILS_WITH(post(friendOfOwner, chat::kPictureDelete, {{"picId", id(picId)}}),
                         "FORBIDDEN");
    const api::Response deleted = post(owner, chat::kPictureDelete, {{"picId", id(picId)}});
    MMX_REQUIRE_OK(deleted);
    BOOST_CHECK_EQUAL(chat::number(*deleted.data(), "deletedChats"), 2);

    MMX_CHECK_FAILS_WITH(post(owner, chat::kPictureRead, {{"picId", id(picId)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(post(owner, chat::kListByPicture, {{"picId", id(picId)}}), "NOT_FOUND");
    for (const long long gone : {onPicture1, onPicture2}) {
        MMX_CHECK_FAILS_WITH(post(owner, chat::kRead, {{"messageId", id(gone)}}), "NOT_FOUND");
        MMX_CHECK_FAILS_WITH(post(friendOfOwner, chat::kRead, {{"messageId", id(gone)}}),
                             "NOT_FOUND");
    }
    MMX_CHECK_OK(post(owner, chat::kRead, {{"messageId", id(plain)}}));
    // A phone syncing from scratch meets the plain chat and the two deletions only.
    std::string cursor;
    const auto items = chat::syncAll(friendOfOwner, cursor);
    BOOST_REQUIRE_EQUAL(items.size(), 3u);
    BOOST_CHECK_EQUAL(items[0].kind, "message");
    BOOST_CHECK_EQUAL(items[0].messageId, plain);
    BOOST_CHECK_EQUAL(items[1].kind, "delete");
    BOOST_CHECK_EQUAL(items[1].messageId, onPicture1);
    BOOST_CHECK_EQUAL(items[2].kind, "delete");
    BOOST_CHECK_EQUAL(items[2].messageId, onPicture2);
    // The chat list no longer ends on a deleted chat.
    rapidjson::Document holder;
    const rapidjson::Value line = chat::conversationLine(owner, items[0].conversationId, holder);
    BOOST_REQUIRE(line.IsObject());
    BOOST_CHECK(!line.HasMember("lastMessage"));
    MMX_CHECK_FAILS_WITH(post(owner, chat::kPictureDelete, {{"picId", id(picId)}}), "NOT_FOUND");
}

// Phones that already synced the chats learn of the deletion from sync, each user
// for exactly the chats that reached them, direct and group chats alike.
BOOST_AUTO_TEST_CASE(deleting_a_picture_sends_a_delete_item_to_everyone_its_chats_reached) {
    const api::TestUser owner = api::newUser();
    const api::TestUser x = api::newUser();
    const api::TestUser y = api::newUser();
    const api::TestUser outsider = api::newUser();
    chat::makeFriends(owner, x);
    chat::makeFriends(owner, y);
    chat::makeFriends(owner, outsider);
    const long long groupId = chat::createGroup(owner, {&x, &y});
    const long long picId = createPicture(owner);
    const long long direct = sendOnPicture(x, owner, picId, "私聊这张图");
    const long long inGroup = chat::sentId(post(owner, chat::kSend,
                                                {{"groupId", id(groupId)},
                                                 {"msgType", "text"},
                                                 {"content", "群里聊这张图"},
                                                 {"picId", id(picId)}}));
    const long long recalled = sendOnPicture(owner, y, picId, "撤回后再删");
    MMX_REQUIRE_OK(post(owner, chat::kRecall, {{"messageId", id(recalled)}}));
    chat::toFriend(owner, outsider, "与图无关");

    std::map<const api::TestUser*, std::string> cursors;
    for (const api::TestUser* u : {&owner, &x, &y, &outsider}) chat::syncAll(*u, cursors[u]);

    const api::Response deleted = post(owner, chat::kPictureDelete, {{"picId", id(picId)}});
    MMX_REQUIRE_OK(deleted);
    BOOST_CHECK_EQUAL(chat::number(*deleted.data(), "deletedChats"), 3);

    const std::string group = "g" + id(groupId);
    const auto deletions = [&](const api::TestUser& u) {
        std::vector<std::pair<long long, std::string>> seen;
        for (const auto& item : chat::syncAll(u, cursors[&u])) {
            BOOST_CHECK_EQUAL(item.kind, "delete");
            seen.emplace_back(item.messageId, item.conversationId);
        }
        return seen;
    };
    using Seen = std::vector<std::pair<long long, std::string>>;
    const std::string ownerX = chat::userConversationId(owner, x);
    const std::string ownerY = chat::userConversationId(owner, y);
    BOOST_CHECK((deletions(owner) == Seen{{direct, ownerX}, {inGroup, group}, {recalled, ownerY}}));
    BOOST_CHECK((deletions(x) == Seen{{direct, ownerX}, {inGroup, group}}));
    BOOST_CHECK((deletions(y) == Seen{{inGroup, group}, {recalled, ownerY}}));
    BOOST_CHECK(deletions(outsider).empty());
    // Announced once: nothing more on the next poll.
    BOOST_CHECK(chat::syncAll(owner, cursors[&owner]).empty());
}

// Unread counts the chats still there after the read mark: a deleted chat no
// longer counts, and marking read across its seq counts only what is left.
BOOST_AUTO_TEST_CASE(unread_stops_counting_chats_deleted_with_their_picture) {
    const api::TestUser owner = api::newUser();
    const api::TestUser x = api::newUser();
    const api::TestUser y = api::newUser();
    chat::makeFriends(owner, x);
    const long long groupId = chat::createGroup(owner, {&x, &y});
    const long long picId = createPicture(owner);
    sendOnPicture(x, owner, picId, "一");                                 // seq 1, deleted
    const long long kept = chat::sentId(chat::toFriend(x, owner, "二"));  // seq 2
    sendOnPicture(x, owner, picId, "三");                                 // seq 3, deleted
    chat::sentId(chat::toGroup(owner, groupId, "群一"));
    chat::sentId(post(owner, chat::kSend,
                      {{"groupId", id(groupId)},
                       {"msgType", "text"},
                       {"content", "群二"},
                       {"picId", id(picId)}}));
    const std::string direct = chat::userConversationId(owner, x);
    const std::string group = "g" + id(groupId);
    BOOST_REQUIRE_EQUAL(chat::unread(owner, direct), 3);
    BOOST_REQUIRE_EQUAL(chat::unread(y, group), 2);

    MMX_REQUIRE_OK(post(owner, chat::kPictureDelete, {{"picId", id(picId)}}));
    BOOST_CHECK_EQUAL(chat::unread(owner, direct), 1);
    BOOST_CHECK_EQUAL(chat::unread(y, group), 1);
    BOOST_CHECK_EQUAL(chat::unread(x, group), 1);

    // Read up to the first (deleted) chat: the kept one is still unread.
    const api::Response mark1 =
        post(owner, chat::kMarkRead, {{"conversationId", direct}, {"seq", "1"}});
    MMX_REQUIRE_OK(mark1);
    BOOST_CHECK_EQUAL(chat::number(*mark1.data(), "unread"), 1);
    // Read up to the kept chat: the deleted third no longer counts.
    const api::Response read = post(owner, chat::kRead, {{"messageId", id(kept)}});
    const api::Response mark2 = post(
        owner, chat::kMarkRead,
        {{"conversationId", direct}, {"seq", std::to_string(chat::number(*read.data(), "seq"))}});
    MMX_REQUIRE_OK(mark2);
    BOOST_CHECK_EQUAL(chat::number(*mark2.data(), "unread"), 0);
    BOOST_CHECK_EQUAL(chat::unread(owner, direct), 0);
}

BOOST_AUTO_TEST_SUITE_END()
