// message!recall: the sender within the recall window, a group's owner or admin
// at any time; the recall reaches everyone who got the message through sync.
// The window (MMX_RECALL_WINDOW_SECONDS) is passed by moving the
// messages' clock back, not by waiting.
#define BOOST_TEST_MODULE api_chat_recall
#include "api_test.hpp"
#include "chat_test_support.hpp"

namespace {

using chat::id;
using chat::post;

// The messages were sent an hour earlier, as far as the server can tell.
void ageMessages(std::initializer_list<long long> ids) {
    for (const long long messageId : ids) {
        api::runSql("UPDATE chat_messages SET sent_at = sent_at - 3600000 WHERE id = " +
                    std::to_string(messageId) + ";");
    }
}

api::Response recall(const api::TestUser& u, long long messageId) {
    return post(u, chat::kRecall, {{"messageId", id(messageId)}});
}

// After `cursor`: the recall entry of `messageId`, checked to be the only new item.
void checkRecallArrives(const api::TestUser& u, std::string& cursor, long long messageId) {
    const auto items = chat::syncAll(u, cursor);
    BOOST_REQUIRE_EQUAL(items.size(), 1u);
    BOOST_CHECK_EQUAL(items[0].kind, "recall");
    BOOST_CHECK_EQUAL(items[0].messageId, messageId);
    BOOST_CHECK(items[0].recalled);
    BOOST_CHECK(items[0].content.empty());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sender)

BOOST_AUTO_TEST_CASE(the_sender_recalls_inside_the_window_and_both_sides_sync_the_recall) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    const long long messageId = chat::sentId(chat::toFriend(a, b, "说错了"));
    std::string cursorA, cursorB;
    chat::syncAll(a, cursorA);
    chat::syncAll(b, cursorB);

    const api::Response r = recall(a, messageId);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(chat::number(*r.data(), "messageId"), messageId);
    checkRecallArrives(a, cursorA, messageId);
    checkRecallArrives(b, cursorB, messageId);

    // The message is a marker now, wherever it is read.
    const api::Response read = post(b, chat::kRead, {{"messageId", id(messageId)}});
    MMX_REQUIRE_OK(read);
    BOOST_CHECK(read.data("recalled")->GetBool());
    BOOST_CHECK(read.data("content") == nullptr);

    // A retry of the recall succeeds and announces nothing twice.
    MMX_CHECK_OK(recall(a, messageId));
    BOOST_CHECK(chat::syncAll(b, cursorB).empty());
}

BOOST_AUTO_TEST_CASE(a_first_sync_after_the_recall_shows_the_marker_then_the_recall) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    const long long messageId = chat::sentId(chat::toFriend(a, b, "秘密"));
    MMX_REQUIRE_OK(recall(a, messageId));
    std::string cursor;
    const auto items = chat::syncAll(b, cursor);
    BOOST_REQUIRE_EQUAL(items.size(), 2u);
    BOOST_CHECK_EQUAL(items[0].kind, "message");
    BOOST_CHECK(items[0].recalled);
    BOOST_CHECK(items[0].content.empty());
    BOOST_CHECK_EQUAL(items[1].kind, "recall");
}

BOOST_AUTO_TEST_CASE(the_sender_cannot_recall_after_the_window) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    const long long messageId = chat::sentId(chat::toFriend(a, b, "来不及了"));
    ageMessages({messageId});
    MMX_CHECK_FAILS_WITH(recall(a, messageId), "FORBIDDEN");
    const api::Response read = post(b, chat::kRead, {{"messageId", id(messageId)}});
    BOOST_CHECK_EQUAL(chat::text(*read.data(), "content"), "来不及了");
}

BOOST_AUTO_TEST_CASE(the_receiver_cannot_recall_and_a_stranger_does_not_see_it) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    const api::TestUser stranger = api::newUser();
    chat::makeFriends(a, b);
    const long long messageId = chat::sentId(chat::toFriend(a, b, "不是你的"));
    MMX_CHECK_FAILS_WITH(recall(b, messageId), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(recall(stranger, messageId), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(recall(a, 999999999), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(post(a, chat::kRecall), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(the_receiver_repeating_a_recall_of_a_recalled_message_is_forbidden) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    const long long messageId = chat::sentId(chat::toFriend(a, b, "已撤回"));
    MMX_REQUIRE_OK(recall(a, messageId));
    MMX_CHECK_FAILS_WITH(recall(b, messageId), "FORBIDDEN");
    MMX_CHECK_OK(recall(a, messageId));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(group_managers)

BOOST_AUTO_TEST_CASE(the_group_owner_and_an_admin_recall_any_message_at_any_time) {
    const api::TestUser owner = api::newUser();
    const api::TestUser admin = api::newUser();
    const api::TestUser member = api::newUser();
    const long long groupId = chat::createGroup(owner, {&admin, &member});
    MMX_REQUIRE_OK(post(owner, "/chat/group!setAdmin",
                        {{"groupId", id(groupId)}, {"memberId", id(admin)}, {"admin", "1"}}));
    const long long first = chat::sentId(chat::toGroup(member, groupId, "违规内容一"));
    const long long second = chat::sentId(chat::toGroup(member, groupId, "违规内容二"));
    std::string cursor;
    chat::syncAll(member, cursor);
    ageMessages({first, second});

    MMX_CHECK_FAILS_WITH(recall(member, first), "FORBIDDEN");  // the sender, too late
    MMX_CHECK_OK(recall(owner, first));
    MMX_CHECK_OK(recall(admin, second));
    const auto items = chat::syncAll(member, cursor);
    BOOST_REQUIRE_EQUAL(items.size(), 2u);
    BOOST_CHECK(items[0].kind == "recall" && items[0].messageId == first);
    BOOST_CHECK(items[1].kind == "recall" && items[1].messageId == second);
}

BOOST_AUTO_TEST_CASE(a_plain_member_cannot_recall_anothers_group_message) {
    const api::TestUser owner = api::newUser();
    const api::TestUser m1 = api::newUser();
    const api::TestUser m2 = api::newUser();
    const long long groupId = chat::createGroup(owner, {&m1, &m2});
    const long long messageId = chat::sentId(chat::toGroup(m1, groupId, "我的"));
    MMX_CHECK_FAILS_WITH(recall(m2, messageId), "FORBIDDEN");
}

// Repeating a recall answers success only to who could have recalled it: the
// sender, the one who recalled it, or a current owner or admin of the group.
BOOST_AUTO_TEST_CASE(repeating_a_group_recall_succeeds_only_for_who_could_recall_it) {
    const api::TestUser owner = api::newUser();
    const api::TestUser admin = api::newUser();
    const api::TestUser sender = api::newUser();
    const api::TestUser member = api::newUser();
    const long long groupId = chat::createGroup(owner, {&admin, &sender, &member});
    const auto setAdmin = [&](const char* on) {
        MMX_REQUIRE_OK(post(owner, "/chat/group!setAdmin",
                            {{"groupId", id(groupId)}, {"memberId", id(admin)}, {"admin", on}}));
    };
    setAdmin("1");
    const long long messageId = chat::sentId(chat::toGroup(sender, groupId, "管理员撤回"));
    MMX_REQUIRE_OK(recall(admin, messageId));

    MMX_CHECK_FAILS_WITH(recall(member, messageId), "FORBIDDEN");
    MMX_CHECK_OK(recall(sender, messageId));
    MMX_CHECK_OK(recall(owner, messageId));
    setAdmin("0");
    MMX_CHECK_OK(recall(admin, messageId));  // no admin now, but the one who recalled it
    std::string cursor;
    const auto items = chat::syncAll(member, cursor);
    BOOST_REQUIRE_EQUAL(items.size(), 2u);  // the message, then one recall
    BOOST_CHECK_EQUAL(items[1].kind, "recall");
}

BOOST_AUTO_TEST_CASE(a_recall_reaches_a_member_who_left_after_receiving_the_message) {
    const api::TestUser owner = api::newUser();
    const api::TestUser leaver = api::newUser();
    const long long groupId = chat::createGroup(owner, {&leaver});
    const long long messageId = chat::sentId(chat::toGroup(owner, groupId, "撤回我"));
    std::string cursor;
    chat::syncAll(leaver, cursor);
    MMX_REQUIRE_OK(post(leaver, "/chat/group!quit", {{"groupId", id(groupId)}}));
    MMX_REQUIRE_OK(recall(owner, messageId));
    checkRecallArrives(leaver, cursor, messageId);
}

BOOST_AUTO_TEST_SUITE_END()
