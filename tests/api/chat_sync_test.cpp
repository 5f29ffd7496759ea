// message!sync: everything that reached me after my cursor, oldest first, across
// conversations. A saved cursor yields each message exactly once and in order,
// also while many clients send at the same time as the poll runs.
#define BOOST_TEST_MODULE api_chat_sync
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "api_test.hpp"
#include "chat_test_support.hpp"

namespace {

using chat::id;
using chat::post;

std::vector<long long> messageIds(const std::vector<chat::SyncItem>& items) {
    std::vector<long long> ids;
    for (const auto& item : items) ids.push_back(item.messageId);
    return ids;
}

// What one thread saw; Boost.Test's checks are not for other threads, so the
// threads only record and the main thread judges.
struct Observed {
    std::vector<chat::SyncItem> items;
    std::vector<std::string> errors;
};

// One sync page through the thread's own client; false on any failure.
bool syncPage(api::HttpClient& client, const api::TestUser& u, std::string& cursor, bool& hasMore,
              Observed& out) {
    const api::Response r = client.post(chat::kSync, {{"cursor", cursor}, {"count", "50"}},
                                        api::authHeaders(u.session));
    if (!r.success() || r.data("items") == nullptr) {
        out.errors.push_back("sync: " + r.describe());
        return false;
    }
    for (const auto& item : r.data("items")->GetArray()) {
        const rapidjson::Value& m = item["message"];
        out.items.push_back({item["kind"].GetString(), std::stoll(api::scalarText(m["messageId"])),
                             api::scalarText(m["conversationId"]),
                             std::stoll(api::scalarText(m["seq"])), chat::text(m, "content"),
                             m["recalled"].GetBool()});
    }
    cursor = api::scalarText(*r.data("cursor"));
    hasMore = r.data("hasMore")->GetBool();
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(order_and_once)

BOOST_AUTO_TEST_CASE(first_sync_returns_everything_oldest_first_then_nothing_new) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    std::vector<long long> sent;
    for (int i = 0; i < 3; ++i)
        sent.push_back(chat::sentId(chat::toFriend(a, b, "第" + std::to_string(i))));

    std::string cursor;
    const auto items = chat::syncAll(b, cursor);
    BOOST_CHECK(messageIds(items) == sent);
    for (std::size_t i = 0; i < items.size(); ++i) {
        BOOST_CHECK_EQUAL(items[i].kind, "message");
        BOOST_CHECK_EQUAL(items[i].seq, static_cast<long long>(i + 1));
        BOOST_CHECK_EQUAL(items[i].content, "第" + std::to_string(i));
    }
    // Nothing new: no items, the same cursor back.
    const chat::SyncPage idle = chat::syncOnce(api::http(), b, cursor);
    BOOST_CHECK(idle.items.empty());
    BOOST_CHECK(!idle.hasMore);
    BOOST_CHECK_EQUAL(idle.cursor, cursor);
}

BOOST_AUTO_TEST_CASE(a_saved_cursor_returns_each_message_exactly_once_across_conversations) {
    const api::TestUser me = api::newUser();
    const api::TestUser f1 = api::newUser();
    const api::TestUser f2 = api::newUser();
    chat::makeFriends(me, f1);
    chat::makeFriends(me, f2);
    std::vector<long long> sent, received;
    std::string cursor;
    for (int round = 0; round < 4; ++round) {
        sent.push_back(chat::sentId(chat::toFriend(f1, me, "f1-" + std::to_string(round))));
        sent.push_back(chat::sentId(chat::toFriend(f2, me, "f2-" + std::to_string(round))));
        sent.push_back(chat::sentId(chat::toFriend(me, f1, "me-" + std::to_string(round))));
        const auto items = chat::syncAll(me, cursor);
        const auto ids = messageIds(items);
        received.insert(received.end(), ids.begin(), ids.end());
    }
    BOOST_CHECK(received == sent);
    BOOST_CHECK(chat::syncAll(me, cursor).empty());
}

BOOST_AUTO_TEST_CASE(pages_follow_has_more_without_gap_or_repeat) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    std::vector<long long> sent;
    for (int i = 0; i < 7; ++i)
        sent.push_back(chat::sentId(chat::toFriend(a, b, std::to_string(i))));
    std::string cursor;
    const chat::SyncPage first = chat::syncOnce(api::http(), b, cursor, 3);
    BOOST_CHECK_EQUAL(first.items.size(), 3u);
    BOOST_CHECK(first.hasMore);
    cursor.clear();
    BOOST_CHECK(messageIds(chat::syncAll(b, cursor, 3)) == sent);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cursors)

BOOST_AUTO_TEST_CASE(a_malformed_cursor_is_bad_param) {
    const api::TestUser u = api::newUser();
    for (const std::string bad : {"x", "AAAA", "not-a-cursor-at-all-really", "%%%%"}) {
        MMX_CHECK_FAILS_WITH(post(u, chat::kSync, {{"cursor", bad}}), "BAD_PARAM");
    }
    MMX_CHECK_FAILS_WITH(post(u, chat::kSync, {{"count", "201"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(post(u, chat::kSync, {{"count", "0"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(another_accounts_cursor_is_bad_param_not_a_silent_skip) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    chat::makeFriends(a, b);
    chat::toFriend(a, b, "x");
    std::string cursorOfA;
    chat::syncAll(a, cursorOfA);
    MMX_CHECK_FAILS_WITH(post(b, chat::kSync, {{"cursor", cursorOfA}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(sync_answers_get_as_well_as_post) {
    const api::TestUser u = api::newUser();
    const api::Response r =
        api::http().get(chat::kSync, {{"cursor", ""}}, api::authHeaders(u.session));
    MMX_CHECK_OK(r);
    BOOST_CHECK(r.data("cursor") != nullptr && r.data("items") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(concurrency)

// Six clients send at once, to the receiver directly and in a group with them,
// while a seventh polls with its saved cursor. Every message arrives once, and
// each conversation's messages arrive in seq order.
BOOST_AUTO_TEST_CASE(concurrent_senders_and_a_poller_lose_nothing_and_repeat_nothing) {
    constexpr int kPerSender = 25;
    const api::TestUser receiver = api::newUser();
    std::vector<api::TestUser> direct, grouped;
    for (int i = 0; i < 4; ++i) {
        direct.push_back(api::newUser());
        chat::makeFriends(direct.back(), receiver);
    }
    for (int i = 0; i < 2; ++i) grouped.push_back(api::newUser());
    const long long groupId = chat::createGroup(receiver, {&grouped[0], &grouped[1]});

    std::string startCursor;
    chat::syncAll(receiver, startCursor);

    std::mutex sentLock;
    std::set<long long> sent;
    std::vector<std::string> sendErrors;
    std::atomic<int> sendersRunning{0};
    const auto sender = [&](const api::TestUser* who, const std::string& param, long long target) {
        api::HttpClient client(api::stackEnv().baseUrl);
        for (int i = 0; i < kPerSender; ++i) {
            const api::Response r = client.post(
                chat::kSend,
                {{param, id(target)}, {"msgType", "text"}, {"content", "c" + std::to_string(i)}},
                api::authHeaders(who->session));
            std::lock_guard<std::mutex> hold(sentLock);
            if (r.success()) {
                sent.insert(std::stoll(api::scalarText(*r.data("messageId"))));
            } else {
                sendErrors.push_back(r.describe());
            }
        }
        --sendersRunning;
    };

    Observed polled;
    std::string cursor = startCursor;
    std::vector<std::thread> threads;
    sendersRunning = static_cast<int>(direct.size() + grouped.size());
    for (const auto& u : direct)
        threads.emplace_back(sender, &u, "toUserId", receiver.session.userId);
    for (const auto& u : grouped) threads.emplace_back(sender, &u, "groupId", groupId);
    int polls = 0;
    std::thread poller([&] {
        api::HttpClient client(api::stackEnv().baseUrl);
        bool hasMore = false;
        while (sendersRunning > 0 || hasMore) {
            if (!syncPage(client, receiver, cursor, hasMore, polled)) return;
            ++polls;
        }
        do {  // one last drain once every send has been answered
            if (!syncPage(client, receiver, cursor, hasMore, polled)) return;
        } while (hasMore);
    });
    for (auto& t : threads) t.join();
    poller.join();

    BOOST_REQUIRE_MESSAGE(sendErrors.empty(),
                          sendErrors.size() << " sends failed, first: " << sendErrors.front());
    BOOST_REQUIRE_MESSAGE(polled.errors.empty(), polled.errors.front());
    BOOST_CHECK_EQUAL(sent.size(), static_cast<std::size_t>(kPerSender * 6));
    BOOST_TEST_MESSAGE("the poller polled " << polls << " times while the senders ran");

    std::multiset<long long> seen;
    std::map<std::string, long long> lastSeq;
    for (const auto& item : polled.items) {
        seen.insert(item.messageId);
        long long& last = lastSeq[item.conversationId];
        BOOST_CHECK_MESSAGE(item.seq > last,
                            item.conversationId << " seq " << item.seq << " after " << last);
        last = item.seq;
    }
    BOOST_CHECK_MESSAGE(seen.size() == std::set<long long>(seen.begin(), seen.end()).size(),
                        "a message came twice");
    BOOST_CHECK_MESSAGE(std::set<long long>(seen.begin(), seen.end()) == sent,
                        "received " << seen.size() << " of " << sent.size() << " messages");
    // The same feed read again from the start gives the same sequence.
    std::string again = startCursor;
    BOOST_CHECK(messageIds(chat::syncAll(receiver, again)) == messageIds(polled.items));
}

BOOST_AUTO_TEST_SUITE_END()
