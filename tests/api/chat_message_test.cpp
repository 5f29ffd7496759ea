// Messages between friends and in groups: sending, reading, history, the chat
// list with unread counts, retries by clientMsgId, and every refusal of a send.
#define BOOST_TEST_MODULE api_chat_message
#include <map>

#include "api_test.hpp"
#include "chat_test_support.hpp"

namespace {

using chat::id;
using chat::post;

std::string conversationOf(const api::Response& sent) {
    BOOST_REQUIRE_MESSAGE(sent.success(), sent.describe());
    return api::scalarText(*sent.data("conversationId"));
}

std::vector<std::string> historyContents(const api::TestUser& u, const std::string& conversationId,
                                         const api::Params& extra = {}) {
    api::Params params{{"conversationId", conversationId}};
    params.insert(params.end(), extra.begin(), extra.end());
    const api::Response r = post(u, chat::kHistory, params);
    BOOST_REQUIRE_MESSAGE(r.success(), "history: " << r.describe());
    std::vector<std::string> contents;
    for (const auto& m : r.data("messages")->GetArray())
        contents.push_back(chat::text(m, "content"));
    return contents;
}

struct Friends {
    api::TestUser a = api::newUser();
    api::TestUser b = api::newUser();
    Friends() { chat::makeFriends(a, b); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(between_friends)

BOOST_AUTO_TEST_CASE(two_friends_exchange_messages_in_one_numbered_conversation) {
    Friends f;
    const api::Response first = chat::toFriend(f.a, f.b, "你好");
    MMX_REQUIRE_OK(first);
    const std::string conversation = conversationOf(first);
    const std::string expected =
        "u" + std::to_string(std::min(f.a.session.userId, f.b.session.userId)) + "_" +
        std::to_string(std::max(f.a.session.userId, f.b.session.userId));
    BOOST_CHECK_EQUAL(conversation, expected);
    BOOST_CHECK_EQUAL(chat::number(*first.data(), "seq"), 1);
    BOOST_CHECK(chat::number(*first.data(), "sentAt") > api::nowMillis() - 60000);

    const api::Response reply = chat::toFriend(f.b, f.a, "你好呀\n第二行");
    MMX_REQUIRE_OK(reply);
    BOOST_CHECK_EQUAL(conversationOf(reply), conversation);
    BOOST_CHECK_EQUAL(chat::number(*reply.data(), "seq"), 2);

    // Both see the same history, newest first.
    const std::vector<std::string> expectedHistory{"你好呀\n第二行", "你好"};
    BOOST_CHECK(historyContents(f.a, conversation) == expectedHistory);
    BOOST_CHECK(historyContents(f.b, conversation) == expectedHistory);
}

BOOST_AUTO_TEST_CASE(read_shows_the_seed_fields_to_both_participants_only) {
    Friends f;
    const long long messageId = chat::sentId(chat::toFriend(f.a, f.b, "哈哈"));
    for (const api::TestUser* reader : {&f.a, &f.b}) {
        const api::Response r = post(*reader, chat::kRead, {{"messageId", id(messageId)}});
        MMX_REQUIRE_OK(r);
        BOOST_CHECK_EQUAL(chat::number(*r.data(), "chatId"), messageId);
        BOOST_CHECK_EQUAL(chat::number(*r.data(), "fromUserId"), f.a.session.userId);
        BOOST_CHECK_EQUAL(chat::number(*r.data(), "toUserId"), f.b.session.userId);
        BOOST_CHECK_EQUAL(chat::text(*r.data(), "content"), "哈哈");
        BOOST_CHECK_EQUAL(chat::text(*r.data(), "msgType"), "text");
    }
    const api::TestUser stranger = api::newUser();
    MMX_CHECK_FAILS_WITH(post(stranger, chat::kRead, {{"messageId", id(messageId)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(post(stranger, chat::kRead, {{"messageId", "999999999"}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(history_pages_backwards_with_before_seq) {
    Friends f;
    std::string conversation;
    for (int i = 1; i <= 5; ++i)
        conversation = conversationOf(chat::toFriend(f.a, f.b, "m" + std::to_string(i)));
    const api::Response page =
        post(f.b, chat::kHistory, {{"conversationId", conversation}, {"count", "2"}});
    MMX_REQUIRE_OK(page);
    BOOST_CHECK(page.data("hasMore")->GetBool());
    BOOST_CHECK((historyContents(f.b, conversation, {{"count", "2"}}) ==
                 std::vector<std::string>{"m5", "m4"}));
    BOOST_CHECK((historyContents(f.b, conversation, {{"beforeSeq", "4"}, {"count", "2"}}) ==
                 std::vector<std::string>{"m3", "m2"}));
    BOOST_CHECK((historyContents(f.b, conversation, {{"beforeSeq", "2"}}) ==
                 std::vector<std::string>{"m1"}));
    MMX_CHECK_FAILS_WITH(
        post(f.b, chat::kHistory, {{"conversationId", conversation}, {"count", "101"}}),
        "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(post(f.b, chat::kHistory, {{"conversationId", "u9_x"}}), "BAD_PARAM");
    const api::TestUser stranger = api::newUser();
    MMX_CHECK_FAILS_WITH(post(stranger, chat::kHistory, {{"conversationId", conversation}}),
                         "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(image_and_voice_messages_carry_their_uploaded_urls) {
    Friends f;
    const std::string image = chat::uploadedUrl(f.a, "image", mmx::apitest::images::png());
    const api::Response sentImage =
        post(f.a, chat::kSend, {{"toUserId", id(f.b)}, {"msgType", "image"}, {"url", image}});
    MMX_REQUIRE_OK(sentImage);
    const std::string voice = chat::uploadedUrl(f.a, "voice", chat::amrClip());
    const api::Response sentVoice =
        post(f.a, chat::kSend,
             {{"toUserId", id(f.b)}, {"msgType", "voice"}, {"url", voice}, {"duration", "7"}});
    MMX_REQUIRE_OK(sentVoice);
    const api::Response r =
        post(f.b, chat::kRead, {{"messageId", api::scalarText(*sentVoice.data("messageId"))}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(chat::text(*r.data(), "msgType"), "voice");
    BOOST_CHECK_EQUAL(chat::text(*r.data(), "url"), voice);
    BOOST_CHECK_EQUAL(chat::number(*r.data(), "duration"), 7);
}

BOOST_AUTO_TEST_CASE(media_messages_need_our_own_upload_of_the_right_kind) {
    Friends f;
    const std::string image = chat::uploadedUrl(f.a, "image", mmx::apitest::images::png());
    const std::string voice = chat::uploadedUrl(f.a, "voice", chat::amrClip());
    const auto send = [&](const api::Params& p) {
        api::Params params{{"toUserId", id(f.b)}};
        params.insert(params.end(), p.begin(), p.end());
        return post(f.a, chat::kSend, params);
    };
    MMX_CHECK_FAILS_WITH(send({{"msgType", "image"}, {"url", "http://evil.example/x.png"}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(send({{"msgType", "image"}, {"url", voice}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(send({{"msgType", "voice"}, {"url", image}, {"duration", "3"}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(send({{"msgType", "voice"}, {"url", voice}}), "BAD_PARAM");  // no duration
    std::string missing = image;
    missing.replace(missing.rfind('/') + 1, 4, "zzzz");
    MMX_CHECK_FAILS_WITH(send({{"msgType", "image"}, {"url", missing}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(send({{"msgType", "video"}, {"url", image}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(send({{"msgType", "image"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(text_is_at_most_twelve_kilobytes_and_not_empty) {
    Friends f;
    MMX_CHECK_OK(chat::toFriend(f.a, f.b, std::string(12 * 1024, 'a')));
    MMX_CHECK_FAILS_WITH(chat::toFriend(f.a, f.b, std::string(12 * 1024 + 1, 'a')), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(chat::toFriend(f.a, f.b, "   "), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(chat::toFriend(f.a, f.b, "\xC0\xAF"), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(post(f.a, chat::kSend, {{"toUserId", id(f.b)}, {"msgType", "text"}}),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(retries)

BOOST_AUTO_TEST_CASE(a_retry_with_the_same_client_msg_id_returns_the_first_message) {
    Friends f;
    const api::Response first =
        chat::sendText(f.a, "toUserId", f.b.session.userId, "只发一次", "retry-1");
    const long long firstId = chat::sentId(first);
    const api::Response again =
        chat::sendText(f.a, "toUserId", f.b.session.userId, "只发一次", "retry-1");
    MMX_REQUIRE_OK(again);
    BOOST_CHECK_EQUAL(chat::sentId(again), firstId);
    BOOST_CHECK_EQUAL(chat::number(*again.data(), "seq"), chat::number(*first.data(), "seq"));
    const std::string conversation = conversationOf(first);
    BOOST_CHECK_EQUAL(historyContents(f.b, conversation).size(), 1u);
    std::string cursor;
    BOOST_CHECK_EQUAL(chat::syncAll(f.b, cursor).size(), 1u);

    // Another key is another message; the same key from another sender is theirs.
    BOOST_CHECK(chat::sentId(chat::sendText(f.a, "toUserId", f.b.session.userId, "x", "retry-2")) !=
                firstId);
    BOOST_CHECK(chat::sentId(chat::sendText(f.b, "toUserId", f.a.session.userId, "y", "retry-1")) !=
                firstId);
    MMX_CHECK_FAILS_WITH(
        chat::sendText(f.a, "toUserId", f.b.session.userId, "x", std::string(65, 'k')),
        "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(unread)

BOOST_AUTO_TEST_CASE(unread_counts_what_came_after_the_last_read_and_mark_read_moves_it) {
    Friends f;
    std::string conversation;
    for (int i = 0; i < 3; ++i)
        conversation = conversationOf(chat::toFriend(f.a, f.b, "未读" + std::to_string(i)));
    BOOST_CHECK_EQUAL(chat::unread(f.b, conversation), 3);
    BOOST_CHECK_EQUAL(chat::unread(f.a, conversation), 0);  // one's own messages are read

    const api::Response marked =
        post(f.b, chat::kMarkRead, {{"conversationId", conversation}, {"seq", "2"}});
    MMX_REQUIRE_OK(marked);
    BOOST_CHECK_EQUAL(chat::number(*marked.data(), "unread"), 1);
    BOOST_CHECK_EQUAL(chat::unread(f.b, conversation), 1);

    // Read marks move forward only (another phone may be behind) and stop at the newest.
    MMX_CHECK_OK(post(f.b, chat::kMarkRead, {{"conversationId", conversation}, {"seq", "1"}}));
    BOOST_CHECK_EQUAL(chat::unread(f.b, conversation), 1);
    MMX_CHECK_OK(post(f.b, chat::kMarkRead, {{"conversationId", conversation}, {"seq", "99"}}));
    BOOST_CHECK_EQUAL(chat::unread(f.b, conversation), 0);
    chat::toFriend(f.a, f.b, "又一条");
    BOOST_CHECK_EQUAL(chat::unread(f.b, conversation), 1);

    // Replying reads the conversation.
    chat::toFriend(f.b, f.a, "回复");
    BOOST_CHECK_EQUAL(chat::unread(f.b, conversation), 0);
    BOOST_CHECK_EQUAL(chat::unread(f.a, conversation), 1);

    const api::TestUser stranger = api::newUser();
    MMX_CHECK_FAILS_WITH(
        post(stranger, chat::kMarkRead, {{"conversationId", conversation}, {"seq", "1"}}),
        "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(post(f.b, chat::kMarkRead, {{"conversationId", conversation}}),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(the_chat_list_names_the_friend_and_shows_the_last_message) {
    Friends f;
    const api::Response sent = chat::toFriend(f.a, f.b, "最后一条");
    rapidjson::Document holder;
    const rapidjson::Value line = chat::conversationLine(f.b, conversationOf(sent), holder);
    BOOST_REQUIRE(line.IsObject());
    BOOST_CHECK_EQUAL(chat::text(line, "type"), "user");
    BOOST_CHECK_EQUAL(chat::number(line, "id"), f.a.session.userId);
    BOOST_CHECK(!chat::text(line, "name").empty());
    BOOST_CHECK_EQUAL(chat::text(line["lastMessage"], "content"), "最后一条");
    BOOST_CHECK(!line["muted"].GetBool());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(refusals)

BOOST_AUTO_TEST_CASE(a_message_to_someone_who_is_not_a_friend_is_forbidden) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    MMX_CHECK_FAILS_WITH(chat::toFriend(a, b, "陌生人"), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(chat::sendText(a, "toUserId", 999999999, "无此人"), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(chat::sendText(a, "toUserId", a.session.userId, "自己"), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(a_message_to_a_former_friend_is_forbidden) {
    Friends f;
    MMX_REQUIRE_OK(chat::toFriend(f.a, f.b, "还是好友"));
    MMX_REQUIRE_OK(post(f.a, "/user/friend!delete", {{"friendId", id(f.b)}}));
    MMX_CHECK_FAILS_WITH(chat::toFriend(f.a, f.b, "不是好友了"), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(chat::toFriend(f.b, f.a, "不是好友了"), "FORBIDDEN");
}

BOOST_AUTO_TEST_CASE(a_message_to_someone_who_blocked_me_is_refused) {
    Friends f;
    MMX_REQUIRE_OK(post(f.b, "/user/friend!block", {{"friendId", id(f.a)}}));
    const api::Response r = chat::toFriend(f.a, f.b, "被拉黑");
    MMX_CHECK_FAILS_WITH(r, "FORBIDDEN");
    BOOST_CHECK_MESSAGE(r.info().find("拒收") != std::string::npos, r.describe());
    std::string cursor;
    BOOST_CHECK(chat::syncAll(f.b, cursor).empty());
}

BOOST_AUTO_TEST_CASE(exactly_one_target_is_required) {
    Friends f;
    MMX_CHECK_FAILS_WITH(post(f.a, chat::kSend, {{"msgType", "text"}, {"content", "x"}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(
        post(f.a, chat::kSend,
             {{"toUserId", id(f.b)}, {"groupId", "1"}, {"msgType", "text"}, {"content", "x"}}),
        "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(sending_needs_a_session) {
    MMX_CHECK_FAILS_WITH(
        api::http().post(chat::kSend, {{"toUserId", "1"}, {"msgType", "text"}, {"content", "x"}},
                         api::clientHeader(api::uniqueClient())),
        "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(groups)

BOOST_AUTO_TEST_CASE(a_group_message_reaches_every_member_once_and_is_stored_once) {
    const api::TestUser owner = api::newUser();
    const api::TestUser m1 = api::newUser();
    const api::TestUser m2 = api::newUser();
    const long long groupId = chat::createGroup(owner, {&m1, &m2});
    const api::Response sent = chat::toGroup(m1, groupId, "大家好");
    MMX_REQUIRE_OK(sent);
    BOOST_CHECK_EQUAL(conversationOf(sent), "g" + std::to_string(groupId));
    const long long messageId = chat::sentId(sent);
    for (const api::TestUser* member : {&owner, &m1, &m2}) {
        std::string cursor;
        const auto items = chat::syncAll(*member, cursor);
        BOOST_REQUIRE_EQUAL(items.size(), 1u);
        BOOST_CHECK_EQUAL(items[0].messageId, messageId);  // one message, not a copy each
        const api::Response r = post(*member, chat::kRead, {{"messageId", id(messageId)}});
        MMX_CHECK_OK(r);
        BOOST_CHECK_EQUAL(chat::number(*r.data(), "groupId"), groupId);
    }
    BOOST_CHECK_EQUAL(chat::unread(owner, conversationOf(sent)), 1);
    BOOST_CHECK_EQUAL(chat::unread(m1, conversationOf(sent)), 0);

    rapidjson::Document holder;
    const rapidjson::Value line = chat::conversationLine(m2, conversationOf(sent), holder);
    BOOST_REQUIRE(line.IsObject());
    BOOST_CHECK_EQUAL(chat::text(line, "type"), "group");
    BOOST_CHECK_EQUAL(chat::number(line, "id"), groupId);
    BOOST_CHECK(chat::text(line, "name").rfind("群", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_muted_group_is_marked_muted_in_the_chat_list) {
    const api::TestUser owner = api::newUser();
    const api::TestUser member = api::newUser();
    const long long groupId = chat::createGroup(owner, {&member});
    MMX_REQUIRE_OK(post(member, "/chat/group!setingGroup",
                        {{"groupId", id(groupId)}, {"messageRemainMode", "2"}}));
    const std::string conversation = conversationOf(chat::toGroup(owner, groupId, "静音"));
    rapidjson::Document holder;
    const rapidjson::Value line = chat::conversationLine(member, conversation, holder);
    BOOST_REQUIRE(line.IsObject());
    BOOST_CHECK(line["muted"].GetBool());
    BOOST_CHECK_EQUAL(chat::number(line, "unread"), 1);
}

BOOST_AUTO_TEST_CASE(a_message_to_a_group_i_am_not_in_is_forbidden) {
    const api::TestUser owner = api::newUser();
    const api::TestUser outsider = api::newUser();
    const long long groupId = chat::createGroup(owner, {});
    MMX_CHECK_FAILS_WITH(chat::toGroup(outsider, groupId, "我不在群里"), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(chat::toGroup(outsider, 999999999, "没有这个群"), "NOT_FOUND");
    std::string cursor;
    BOOST_CHECK(chat::syncAll(owner, cursor).empty());
}

BOOST_AUTO_TEST_CASE(a_member_who_left_keeps_old_messages_and_gets_no_new_ones) {
    const api::TestUser owner = api::newUser();
    const api::TestUser leaver = api::newUser();
    const long long groupId = chat::createGroup(owner, {&leaver});
    const long long before = chat::sentId(chat::toGroup(owner, groupId, "走之前"));
    MMX_REQUIRE_OK(post(leaver, "/chat/group!quit", {{"groupId", id(groupId)}}));
    const long long after = chat::sentId(chat::toGroup(owner, groupId, "走之后"));

    std::string cursor;
    const auto items = chat::syncAll(leaver, cursor);
    BOOST_REQUIRE_EQUAL(items.size(), 1u);
    BOOST_CHECK_EQUAL(items[0].messageId, before);
    MMX_CHECK_OK(post(leaver, chat::kRead, {{"messageId", id(before)}}));
    MMX_CHECK_FAILS_WITH(post(leaver, chat::kRead, {{"messageId", id(after)}}), "NOT_FOUND");
    const std::string conversation = "g" + std::to_string(groupId);
    BOOST_CHECK((historyContents(leaver, conversation) == std::vector<std::string>{"走之前"}));
    BOOST_CHECK_EQUAL(chat::unread(leaver, conversation), 1);
    MMX_CHECK_FAILS_WITH(chat::toGroup(leaver, groupId, "我回来了"), "FORBIDDEN");
}

// A member who quits keeps the group's chat line; coming back, what was sent
// while they were out never reached them and must not count as unread.
BOOST_AUTO_TEST_CASE(a_member_added_back_counts_as_unread_only_what_came_after_the_return) {
    const api::TestUser owner = api::newUser();
    const api::TestUser c = api::newUser();
    const long long groupId = chat::createGroup(owner, {&c});
    const std::string conversation = "g" + std::to_string(groupId);
    for (int i = 0; i < 10; ++i) chat::sentId(chat::toGroup(owner, groupId, "之前"));
    MMX_REQUIRE_OK(post(c, chat::kMarkRead, {{"conversationId", conversation}, {"seq", "10"}}));
    MMX_REQUIRE_OK(post(c, "/chat/group!quit", {{"groupId", id(groupId)}}));
    for (int i = 0; i < 30; ++i) chat::sentId(chat::toGroup(owner, groupId, "不在的时候"));
    BOOST_REQUIRE_EQUAL(chat::unread(c, conversation), 0);  // the line stayed, at seq 10

    MMX_REQUIRE_OK(
        post(owner, "/chat/group!addMembers", {{"groupId", id(groupId)}, {"memberId", id(c)}}));
    BOOST_CHECK_EQUAL(chat::unread(c, conversation), 0);
    chat::sentId(chat::toGroup(owner, groupId, "欢迎回来"));
    BOOST_CHECK_EQUAL(chat::unread(c, conversation), 1);
    BOOST_CHECK((historyContents(c, conversation) ==
                 std::vector<std::string>{"欢迎回来", "之前", "之前", "之前", "之前", "之前",
                                          "之前", "之前", "之前", "之前", "之前"}));
}

BOOST_AUTO_TEST_CASE(a_member_who_joins_later_sees_from_their_first_message_on) {
    const api::TestUser owner = api::newUser();
    const api::TestUser late = api::newUser();
    const long long groupId = chat::createGroup(owner, {});
    chat::toGroup(owner, groupId, "早");
    MMX_REQUIRE_OK(
        post(owner, "/chat/group!addMembers", {{"groupId", id(groupId)}, {"memberId", id(late)}}));
    const std::string conversation = conversationOf(chat::toGroup(owner, groupId, "晚"));
    BOOST_CHECK((historyContents(late, conversation) == std::vector<std::string>{"晚"}));
    BOOST_CHECK_EQUAL(chat::unread(late, conversation), 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(group_deleted)

// WeChat/QQ: a dissolved group leaves the chat list of everyone who had it,
// former members too; phones learn it from sync and keep what they synced.
BOOST_AUTO_TEST_CASE(deleting_a_group_removes_its_chat_line_and_tells_every_phone_that_had_it) {
    const api::TestUser owner = api::newUser();
    const api::TestUser talker = api::newUser();
    const api::TestUser silent = api::newUser();  // a member with no line: no message since joining
    const api::TestUser former = api::newUser();  // left, keeps a line
    chat::makeFriends(owner, talker);
    const long long groupId = chat::createGroup(owner, {&talker, &former});
    const std::string group = "g" + id(groupId);
    const long long first = chat::sentId(chat::toGroup(owner, groupId, "第一条"));
    MMX_REQUIRE_OK(post(former, "/chat/group!quit", {{"groupId", id(groupId)}}));
    const long long second = chat::sentId(chat::toGroup(talker, groupId, "第二条"));
    MMX_REQUIRE_OK(post(owner, "/chat/group!addMembers",
                        {{"groupId", id(groupId)}, {"memberId", id(silent)}}));
    const std::string direct = conversationOf(chat::toFriend(talker, owner, "私聊不受影响"));

    std::map<const api::TestUser*, std::string> cursors;
    for (const api::TestUser* u : {&owner, &talker, &silent, &former})
        chat::syncAll(*u, cursors[u]);
    rapidjson::Document holder;
    BOOST_REQUIRE(chat::conversationLine(former, group, holder).IsObject());

    MMX_REQUIRE_OK(post(owner, "/chat/group!delete", {{"groupId", id(groupId)}}));

    for (const api::TestUser* u : {&owner, &talker, &silent, &former}) {
        BOOST_CHECK_MESSAGE(chat::conversationLine(*u, group, holder).IsNull(),
                            "the deleted group is still in a chat list");
        const auto items = chat::syncAll(*u, cursors[u]);
        BOOST_REQUIRE_EQUAL(items.size(), 1u);
        BOOST_CHECK_EQUAL(items[0].kind, "groupDeleted");
        BOOST_CHECK_EQUAL(items[0].groupId, groupId);
        BOOST_CHECK_EQUAL(items[0].conversationId, group);
        BOOST_CHECK(chat::syncAll(*u, cursors[u]).empty());  // once
    }
    BOOST_CHECK(chat::conversationLine(talker, direct, holder).IsObject());
    MMX_CHECK_FAILS_WITH(chat::toGroup(owner, groupId, "群已解散"), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(post(talker, chat::kHistory, {{"conversationId", group}}), "NOT_FOUND");

    // A phone syncing from scratch gets the messages back, then the deletion.
    std::string fresh;
    const auto replay = chat::syncAll(talker, fresh);
    std::vector<std::string> kinds;
    std::vector<long long> ids;
    for (const auto& item : replay) {
        if (item.conversationId != group) continue;
        kinds.push_back(item.kind);
        ids.push_back(item.messageId);
    }
    BOOST_CHECK((kinds == std::vector<std::string>{"message", "message", "groupDeleted"}));
    BOOST_CHECK((ids == std::vector<long long>{first, second, 0}));
}

BOOST_AUTO_TEST_SUITE_END()
