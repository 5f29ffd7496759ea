// The chat services called as plain functions against the test stack's MariaDB:
// no FastCGI, no request, no nginx.
#include "services/chat_delivery.hpp"

#include <boost/test/unit_test.hpp>
#include <functional>

#include "core/api_error.hpp"
#include "core/chat_rules.hpp"
#include "core/clock.hpp"
#include "db/friend_repository.hpp"
#include "db/message_repository.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"
#include "services/chat_messages.hpp"

using namespace mmx;
using dbtest::codeOf;
using dbtest::newUser;

namespace {

db::NewMessage textTo(std::int64_t senderId, std::int64_t toUserId, std::string text) {
    db::NewMessage message;
    message.senderId = senderId;
    message.toUserId = toUserId;
    message.msgType = "text";
    message.content = std::move(text);
    return message;
}

// The kinds of the entries `userId`'s feed holds for `messageId`, oldest first.
std::vector<db::FeedKind> feedKindsOf(Services& services, std::int64_t userId,
                                      std::int64_t messageId) {
    std::vector<db::FeedKind> kinds;
    for (const auto& entry : services::sync(services, userId, 0, 200).entries) {
        if (entry.message.id == messageId) kinds.push_back(entry.kind);
    }
    return kinds;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(chat_delivery, dbtest::Stack)

BOOST_AUTO_TEST_CASE(a_message_to_a_friend_reaches_both_feeds_and_chat_lists) {
    Services services(config);
    const std::int64_t alice = newUser(services);
    const std::int64_t bob = newUser(services);
    db::FriendRepository(services.db).befriend(alice, bob, nowMs());

    const db::ChatMessage sent = services::sendMessage(services, textTo(alice, bob, "你好"));
    BOOST_TEST(sent.conversationId == userConversationId(alice, bob));
    BOOST_TEST(sent.seq == 1);
    BOOST_TEST(services::readMessage(services, bob, sent.id).content.value_or("") == "你好");
    for (const std::int64_t user : {alice, bob}) {
        BOOST_TEST((feedKindsOf(services, user, sent.id) ==
                    std::vector<db::FeedKind>{db::FeedKind::Message}));
        const auto list = services::conversations(services, user, 0, 10);
        BOOST_TEST_REQUIRE(list.entries.size() == 1U);
        BOOST_TEST(list.entries.front().lastSeq == sent.seq);
    }
    BOOST_TEST(services::markRead(services, bob, sent.conversationId, sent.seq).unread == 0);
}

BOOST_AUTO_TEST_CASE(a_message_to_someone_who_is_no_friend_is_forbidden_and_stores_nothing) {
    Services services(config);
    const std::int64_t alice = newUser(services);
    const std::int64_t stranger = newUser(services);
    BOOST_TEST((codeOf([&] { services::sendMessage(services, textTo(alice, stranger, "在吗")); }) ==
                ErrorCode::Forbidden));
    BOOST_TEST(services::sync(services, stranger, 0, 10).entries.empty());
    BOOST_TEST((codeOf([&] {
                    services::history(services, alice, userConversationId(alice, stranger), 1000,
                                      10);
                }) == ErrorCode::NotFound));
}

BOOST_AUTO_TEST_CASE(sending_one_client_msg_id_twice_stores_one_message) {
    Services services(config);
    const std::int64_t alice = newUser(services);
    const std::int64_t bob = newUser(services);
    db::FriendRepository(services.db).befriend(alice, bob, nowMs());
    db::NewMessage message = textTo(alice, bob, "只发一次");
    message.clientMsgId = "retry-" + std::to_string(alice);

    const db::ChatMessage first = services::sendMessage(services, message);
    const db::ChatMessage again = services::sendMessage(services, message);
    BOOST_TEST(again.id == first.id);
    BOOST_TEST(services::sync(services, bob, 0, 10).entries.size() == 1U);
}

BOOST_AUTO_TEST_CASE(a_recall_reaches_everyone_who_received_the_message) {
    Services services(config);
    const std::int64_t alice = newUser(services);
    const std::int64_t bob = newUser(services);
    db::FriendRepository(services.db).befriend(alice, bob, nowMs());
    const db::ChatMessage sent = services::sendMessage(services, textTo(alice, bob, "发错了"));

    BOOST_TEST(
        (codeOf([&] { services::recallMessage(services, bob, sent.id); }) == ErrorCode::Forbidden));
    const db::ChatMessage recalled = services::recallMessage(services, alice, sent.id);
    BOOST_TEST(recalled.recalledAt.has_value());
    BOOST_TEST(!recalled.content.has_value());
    for (const std::int64_t user : {alice, bob}) {
        BOOST_TEST((feedKindsOf(services, user, sent.id) ==
                    std::vector<db::FeedKind>{db::FeedKind::Message, db::FeedKind::Recall}));
    }
}

BOOST_AUTO_TEST_CASE(a_message_on_a_picture_that_is_gone_raises_foreign_key_missing) {
    Services services(config);
    const std::int64_t alice = newUser(services);
    const std::int64_t bob = newUser(services);
    db::NewMessage message = textTo(alice, bob, "看这张图");
    message.conversationId = userConversationId(alice, bob);
    message.picId = std::numeric_limits<std::int64_t>::max();
    message.sentAt = nowMs();
    db::Transaction transaction(services.db);
    BOOST_CHECK_THROW(db::MessageRepository(services.db).insert(message), db::ForeignKeyMissing);
}

BOOST_AUTO_TEST_SUITE_END()
