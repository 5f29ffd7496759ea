// Requests whose cost must not grow with a user's history or the size of their lists:
// the lists are read through an index in the order they return (EXPLAIN shows no sort
// and no scan), and a change to many members runs as many statements as one to few.
#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/chat_rules.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/pinyin.hpp"
#include "db/chat_inbox_repository.hpp"
#include "db/favorite_repository.hpp"
#include "db/friend_repository.hpp"
#include "db/friend_request_repository.hpp"
#include "db/group_repository.hpp"
#include "db/picture_repository.hpp"
#include "db_fixture.hpp"
#include "services/chat_delivery.hpp"
#include "services/chat_messages.hpp"
#include "services/friends.hpp"
#include "services/group_members.hpp"
#include "services/groups.hpp"
#include "services/pictures.hpp"
#include "services/profiles.hpp"

using namespace mmx;
using dbtest::newUser;

namespace {

constexpr std::string_view kGrantSiteRole = "UPDATE users SET site_role = ? WHERE id = ?";
constexpr std::string_view kStatementsRun =
    "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
    " WHERE VARIABLE_NAME = 'COM_STMT_EXECUTE'";
// Many chat lines for one user, as years of chats leave them.
constexpr std::string_view kManyLines =
    "INSERT INTO chat_inbox (user_id, conversation_id, read_seq, last_seq, updated_at)"
    " SELECT ?, CONCAT('cost-', ?, '-', s.seq), 0, 0, s.seq FROM seq_1_to_2000 s";
constexpr std::string_view kRequestFrom =
    "INSERT INTO friend_requests (requester_id, target_id, remark, state, created_at,"
    " updated_at) VALUES (?, ?, NULL, ?, ?, ?)";

std::int64_t newSiteAdmin(Services& services) {
    const std::int64_t id = newUser(services);
    services.db.execute(kGrantSiteRole, {std::string_view("admin"), id});
    return id;
}

std::vector<std::int64_t> newUsers(Services& services, int count) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < count; ++i) ids.push_back(newUser(services));
    return ids;
}

std::int64_t newGroup(Services& services, std::int64_t owner) {
    services::NewGroup group;
    group.name = "规模" + randomHex(8);
    group.logo = "https://example.com/logo.png";
    return services::createGroup(services, owner, group).groupId;
}

std::int64_t statementsRun(Services& services) {
    return services.db.queryOne(kStatementsRun)->i64(0);
}

// Each row of EXPLAIN that reads a stored table: "table type key Extra".
std::vector<std::string> planOf(Services& services, std::string_view sql,
                                std::initializer_list<db::Param> params) {
    std::vector<std::string> plan;
    const std::string explain = "EXPLAIN " + std::string(sql);
    for (const db::Row& row : services.db.query(explain, params)) {
        const std::string table = row.str(2);
        // A derived table of a UNION holds at most the rows its halves' LIMITs let through.
        if (table.empty() || table.front() == '<') continue;
        plan.push_back(table + " " + row.str(3) + " " + row.str(6) + " " + row.str(9));
    }
    return plan;
}

void requireIndexedInOrder(const std::vector<std::string>& plan) {
    BOOST_TEST_REQUIRE(!plan.empty());
    for (const std::string& step : plan) {
        BOOST_TEST_CONTEXT(step) {
            BOOST_TEST(step.find("filesort") == std::string::npos);
            BOOST_TEST(step.find(" ALL ") == std::string::npos);
            BOOST_TEST(step.find(" index ") == std::string::npos);
        }
    }
}

// Rows the storage engine handed over (index lookups and steps), a count not a time.
std::int64_t rowsRead(Services& services) {
    return services.db
        .queryOne(
            "SELECT SUM(VARIABLE_VALUE) FROM information_schema.SESSION_STATUS"
            " WHERE VARIABLE_NAME IN ('HANDLER_READ_KEY', 'HANDLER_READ_NEXT',"
            " 'HANDLER_READ_PREV', 'HANDLER_READ_FIRST', 'HANDLER_READ_LAST',"
            " 'HANDLER_READ_RND', 'HANDLER_READ_RND_NEXT')")
        ->i64(0);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(cost_bounds, dbtest::Stack)

BOOST_AUTO_TEST_CASE(the_chat_list_is_read_through_an_index_in_its_order) {
    Services services(config);
    const std::int64_t reader = newUser(services);
    services.db.execute(kManyLines, {reader, reader});
    services.db.query("ANALYZE TABLE chat_inbox");
    requireIndexedInOrder(planOf(services, db::ChatInboxRepository::kListStatement,
                                 {reader, std::int64_t{20}, std::int64_t{0}}));
    // And the page is the newest lines, newest first.
    const auto page = services::conversations(services, reader, 0, 3);
    BOOST_TEST_REQUIRE(page.entries.size() == 3U);
    BOOST_TEST(page.entries[0].conversationId == "cost-" + std::to_string(reader) + "-2000");
    BOOST_TEST(page.entries[2].conversationId == "cost-" + std::to_string(reader) + "-1998");
}

BOOST_AUTO_TEST_CASE(friend_requests_are_read_through_indexes_in_their_order) {
    Services services(config);
    const std::int64_t me = newUser(services);
    const auto others = newUsers(services, 150);
    std::int64_t at = nowMs();
    for (const std::int64_t other : others) {
        // Most of them answered long ago, a few waiting: the history a user gathers.
        const std::int64_t state = other % 10 == 0 ? 1 : 3;
        services.db.execute(kRequestFrom, {other, me, state, at, at});
        services.db.execute(kRequestFrom, {me, other, std::int64_t{3}, at, at});
        ++at;
    }
    services.db.query("ANALYZE TABLE friend_requests");
    const std::int64_t window = 20;
    requireIndexedInOrder(planOf(services, db::FriendRequestRepository::kListStatement,
                                 {me, window, me, window, window, std::int64_t{0}}));
}

BOOST_AUTO_TEST_CASE(a_page_of_favourites_is_read_through_an_index_in_its_order) {
    Services services(config);
    const std::int64_t me = newUser(services);
    // A shop of its own with 300 goods, ids in a range of this test's (the API suites'
    // explicit ids sit lower, the tables' own ids higher: tests/api/auto_ids.sh).
    const std::int64_t shop = 3'500'000'000'000'000LL + (nowMs() % 1'000'000'000LL) * 1000;
    const std::string tag = std::to_string(shop);
    const auto city = services.db.execute("INSERT INTO city (name) VALUES (?)",
                                          {std::string_view("成本城" + tag)});
    const auto category = services.db.execute("INSERT INTO shop_category (name) VALUES (?)",
                                              {std::string_view("成本类" + tag)});
    services.db.execute(
        "INSERT INTO shop (id, city_id, category_id, name, location, created_at)"
        " VALUES (?, ?, ?, '成本店', POINT(114, 22.5), 0)",
        {shop, static_cast<std::int64_t>(city.insertId),
         static_cast<std::int64_t>(category.insertId)});
    services.db.execute(
        "INSERT INTO goods (id, shop_id, price, published_at)"
        " SELECT ? + seq, ?, 100, 0 FROM seq_1_to_300",
        {shop, shop});
    services.db.execute(
        "INSERT INTO goods_favorite (user_id, goods_id, created_at)"
        " SELECT ?, ? + seq, seq FROM seq_1_to_300",
        {me, shop});
    services.db.query("ANALYZE TABLE goods_favorite");
    requireIndexedInOrder(planOf(services, db::FavoriteRepository::kPageStatement,
                                 {me, std::int64_t{0}, std::int64_t{20}}));
    // And the page is the newest favourites, newest first.
    const auto page = db::FavoriteRepository(services.db).page(me, 0, 3);
    BOOST_TEST_REQUIRE(page.size() == 3U);
    BOOST_TEST(page[0].id == shop + 300);
    BOOST_TEST(page[2].id == shop + 298);
}

BOOST_AUTO_TEST_CASE(adding_300_members_runs_as_many_statements_as_adding_10) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    const auto few = newUsers(services, 10);
    const auto many = newUsers(services, 300);
    const std::int64_t small = newGroup(services, owner);
    const std::int64_t large = newGroup(services, owner);

    const std::int64_t before = statementsRun(services);
    services::addGroupMembers(services, owner, small, few);
    const std::int64_t forFew = statementsRun(services) - before;
    services::addGroupMembers(services, owner, large, many);
    const std::int64_t forMany = statementsRun(services) - before - forFew;
    BOOST_TEST(forMany == forFew);
    BOOST_TEST(db::GroupRepository(services.db).memberCount(large) == 301);
}

BOOST_AUTO_TEST_CASE(removing_300_members_runs_as_many_statements_as_removing_10) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    const auto few = newUsers(services, 10);
    const auto many = newUsers(services, 300);
    const std::int64_t small = newGroup(services, owner);
    const std::int64_t large = newGroup(services, owner);
    services::addGroupMembers(services, owner, small, few);
    services::addGroupMembers(services, owner, large, many);

    const std::int64_t before = statementsRun(services);
    services::removeGroupMembers(services, owner, small, few);
    const std::int64_t forFew = statementsRun(services) - before;
    services::removeGroupMembers(services, owner, large, many);
    const std::int64_t forMany = statementsRun(services) - before - forFew;
    BOOST_TEST(forMany == forFew);
    BOOST_TEST(db::GroupRepository(services.db).memberCount(large) == 1);
}

BOOST_AUTO_TEST_CASE(bringing_back_300_former_members_runs_as_many_statements_as_10) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    const auto few = newUsers(services, 10);
    const auto many = newUsers(services, 300);
    std::vector<std::int64_t> statements;
    for (const auto* members : {&few, &many}) {
        const std::int64_t group = newGroup(services, owner);
        services::addGroupMembers(services, owner, group, *members);
        db::NewMessage message;
        message.senderId = owner;
        message.groupId = group;
        message.msgType = "text";
        message.content = "大家好";
        services::sendMessage(services, message);  // every member now holds a line
        services::removeGroupMembers(services, owner, group, *members);
        const std::int64_t before = statementsRun(services);
        services::addGroupMembers(services, owner, group, *members);
        statements.push_back(statementsRun(services) - before);
    }
    BOOST_TEST(statements[0] == statements[1]);
}

BOOST_AUTO_TEST_CASE(a_late_joiner_reads_from_their_first_message_only) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    const std::int64_t early = newUser(services);
    const std::int64_t late = newUser(services);
    const std::int64_t group = newGroup(services, owner);
    services::addGroupMembers(services, owner, group, {early});
    auto say = [&](const std::string& text) {
        db::NewMessage message;
        message.senderId = owner;
        message.groupId = group;
        message.msgType = "text";
        message.content = text;
        return services::sendMessage(services, message);
    };
    for (int i = 0; i < 30; ++i) say("早" + std::to_string(i));
    services::addGroupMembers(services, owner, group, {late});
    const auto first = say("欢迎");
    say("再见");

    const std::string conversation = groupConversationId(group);
    const auto state = db::ChatInboxRepository(services.db).readState(late, conversation);
    BOOST_TEST_REQUIRE(state.has_value());
    BOOST_TEST(state->firstSeq == first.seq);
    const auto page = services::history(services, late, conversation, 1000, 20);
    BOOST_TEST_REQUIRE(page.messages.size() == 2U);
    BOOST_TEST(page.messages[0].content.value_or("") == "再见");
    BOOST_TEST(page.messages[1].content.value_or("") == "欢迎");
    BOOST_TEST(!page.hasMore);
    BOOST_TEST(services::history(services, early, conversation, 1000, 100).messages.size() == 32U);
}

BOOST_AUTO_TEST_CASE(adding_300_ids_sorts_them_as_asked_and_brings_back_former_members_read) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    const std::int64_t group = newGroup(services, owner);
    const auto members = newUsers(services, 20);
    const auto former = newUsers(services, 30);
    const auto fresh = newUsers(services, 220);
    services::addGroupMembers(services, owner, group, members);
    services::addGroupMembers(services, owner, group, former);
    services::setGroupAdmin(services, owner, group, members[0], true);
    db::NewMessage hello;
    hello.senderId = owner;
    hello.groupId = group;
    hello.msgType = "text";
    hello.content = "大家好";
    services::sendMessage(services, hello);
    services::removeGroupMembers(services, owner, group, former);
    services::sendMessage(services, hello);  // sent while the former members are out
    const auto last = services::sendMessage(services, hello);

    // Interleaved, as a phone may send them: fresh, members, former, unknown.
    std::vector<std::int64_t> asked, added, already, unknown;
    for (std::size_t i = 0; i < 220; ++i) {
        asked.push_back(fresh[i]);
        added.push_back(fresh[i]);
        if (i < 20) {
            asked.push_back(members[i]);
            already.push_back(members[i]);
        }
        if (i < 30) {
            asked.push_back(former[i]);
            added.push_back(former[i]);
            asked.push_back(4'000'000'000 + static_cast<std::int64_t>(i));
            unknown.push_back(asked.back());
        }
    }
    asked.push_back(owner);
    already.push_back(owner);
    BOOST_REQUIRE_EQUAL(asked.size(), 301U);

    const auto result = services::addGroupMembers(services, owner, group, asked);
    BOOST_TEST(result.added == added, boost::test_tools::per_element());
    BOOST_TEST(result.alreadyMembers == already, boost::test_tools::per_element());
    BOOST_TEST(result.unknown == unknown, boost::test_tools::per_element());
    BOOST_TEST(result.memberCount == 271);

    const auto page = services::groupMembers(services, owner, group, 0, 500);
    BOOST_TEST(page.memberCount == 271);
    BOOST_REQUIRE_EQUAL(page.members.size(), 271U);
    BOOST_TEST(page.members[0].userId == owner);
    BOOST_TEST((page.members[0].role == GroupRole::Owner));
    BOOST_TEST(page.members[1].userId == members[0]);
    BOOST_TEST((page.members[1].role == GroupRole::Admin));
    for (std::size_t i = 2; i < page.members.size(); ++i) {
        BOOST_TEST((page.members[i].role == GroupRole::Member));
    }
    // Back in the group, a former member's line is read up to now; a fresh one has none.
    const std::string conversation = groupConversationId(group);
    db::ChatInboxRepository inbox(services.db);
    for (const std::int64_t id : former) {
        const auto state = inbox.readState(id, conversation);
        BOOST_REQUIRE(state.has_value());
        BOOST_TEST(state->readSeq == last.seq);
        BOOST_TEST(state->lastSeq == last.seq);
        BOOST_TEST(state->unread == 0);
    }
    BOOST_TEST(!inbox.readState(fresh[0], conversation).has_value());
}

BOOST_AUTO_TEST_CASE(removing_300_ids_judges_all_first_and_removes_the_members_among_them) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    const std::int64_t group = newGroup(services, owner);
    const auto members = newUsers(services, 250);
    services::addGroupMembers(services, owner, group, members);
    const auto strangers = newUsers(services, 50);

    std::vector<std::int64_t> asked, removed, notMembers;
    for (std::size_t i = 0; i < 250; ++i) {
        asked.push_back(members[i]);
        removed.push_back(members[i]);
        if (i < 50) {
            asked.push_back(strangers[i]);
            notMembers.push_back(strangers[i]);
        }
    }
    // One target the actor may not remove refuses the whole list.
    std::vector<std::int64_t> withOwner = asked;
    withOwner.push_back(owner);
    BOOST_TEST((dbtest::codeOf([&] {
                    services::removeGroupMembers(services, owner, group, withOwner);
                }) == ErrorCode::Forbidden));
    BOOST_TEST(db::GroupRepository(services.db).memberCount(group) == 251);

    const auto result = services::removeGroupMembers(services, owner, group, asked);
    BOOST_TEST(result.removed == removed, boost::test_tools::per_element());
    BOOST_TEST(result.notMembers == notMembers, boost::test_tools::per_element());
    BOOST_TEST(result.memberCount == 1);
    db::GroupRepository groups(services.db);
    BOOST_TEST((groups.roleOf(group, members[0]) == GroupRole::None));
    BOOST_TEST((groups.roleOf(group, owner) == GroupRole::Owner));
}

BOOST_AUTO_TEST_CASE(deleting_a_picture_with_30_chats_runs_as_many_statements_as_with_2) {
    Services services(config);
    std::vector<std::int64_t> statements;
    for (const int chats : {2, 30}) {
        const std::int64_t owner = newUser(services);
        const std::int64_t buddy = newUser(services);
        db::FriendRepository(services.db).befriend(owner, buddy, nowMs());
        const std::int64_t picture =
            db::PictureRepository(services.db).create(owner, "https://example.com/p.png", nowMs());
        std::vector<std::int64_t> sent;
        for (int i = 0; i < chats; ++i) {
            db::NewMessage chat;
            chat.senderId = i % 2 == 0 ? owner : buddy;
            chat.toUserId = i % 2 == 0 ? buddy : owner;
            chat.msgType = "text";
            chat.content = "看图" + std::to_string(i);
            chat.picId = picture;
            sent.push_back(services::sendMessage(services, chat).id);
        }
        const std::int64_t before = statementsRun(services);
        services::deletePicture(services, owner, picture);
        statements.push_back(statementsRun(services) - before);
        // Both sides learn of every chat's deletion, in the chats' order.
        for (const std::int64_t user : {owner, buddy}) {
            std::vector<std::int64_t> deleted;
            for (const auto& entry : services::sync(services, user, 0, 200).entries) {
                if (entry.kind == db::FeedKind::Delete) deleted.push_back(entry.deletedMessageId);
            }
            BOOST_TEST(deleted == sent, boost::test_tools::per_element());
        }
    }
    BOOST_TEST(statements[0] == statements[1]);
}

BOOST_AUTO_TEST_CASE(a_late_joiners_page_reads_as_many_rows_after_3000_messages_as_after_30) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    std::vector<std::int64_t> rows;
    for (const std::int64_t past : {30, 3000}) {
        const std::int64_t group = newGroup(services, owner);
        const std::string conversation = groupConversationId(group);
        services.db.execute(
            "INSERT INTO chat_messages (conversation_id, seq, sender_id, group_id, msg_type,"
            " content, sent_at) SELECT ?, s.seq, ?, ?, 'text', 'old', 0 FROM seq_1_to_3000 s"
            " WHERE s.seq <= ?",
            {std::string_view(conversation), owner, group, past});
        services.db.execute("INSERT INTO chat_conversations (id, last_seq) VALUES (?, ?)",
                            {std::string_view(conversation), past});
        const std::int64_t late = newUser(services);
        services::addGroupMembers(services, owner, group, {late});
        for (int i = 0; i < 3; ++i) {
            db::NewMessage message;
            message.senderId = owner;
            message.groupId = group;
            message.msgType = "text";
            message.content = "新" + std::to_string(i);
            services::sendMessage(services, message);
        }
        const std::int64_t before = rowsRead(services);
        const auto page = services::history(services, late, conversation, 1'000'000, 20);
        rows.push_back(rowsRead(services) - before);
        BOOST_TEST(page.messages.size() == 3U);
        BOOST_TEST(!page.hasMore);
    }
    BOOST_TEST(rows[0] == rows[1]);
}

BOOST_AUTO_TEST_CASE(creating_a_group_with_300_members_runs_as_many_statements_as_with_10) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    std::vector<std::int64_t> statements;
    for (const int count : {10, 300}) {
        services::NewGroup group;
        group.name = "规模" + randomHex(8);
        group.logo = "https://example.com/logo.png";
        group.memberIds = newUsers(services, count);
        group.memberIds.push_back(4'000'000'000);  // no such user
        const std::int64_t before = statementsRun(services);
        const auto created = services::createGroup(services, owner, group);
        statements.push_back(statementsRun(services) - before);
        BOOST_TEST(created.added.size() == static_cast<std::size_t>(count));
        BOOST_TEST((created.unknown == std::vector<std::int64_t>{4'000'000'000}));
        BOOST_TEST(db::GroupRepository(services.db).memberCount(created.groupId) == count + 1);
    }
    BOOST_TEST(statements[0] == statements[1]);
}

// A rename and a remark change racing for the same friendship: whatever order they
// commit in, the stored key is the key of the name the list shows at the end.
BOOST_AUTO_TEST_CASE(renames_and_remarks_racing_leave_the_key_of_the_name_shown) {
    Services services(config);
    const std::int64_t me = newUser(services);
    const std::int64_t buddy = newUser(services);
    db::FriendRepository(services.db).befriend(me, buddy, nowMs());
    const std::vector<std::string> nicknames = {"张三", "阿里", "Bob", "沈阳"};
    const std::vector<std::optional<std::string>> remarks = {"周瑜", std::nullopt, "李四",
                                                             std::nullopt};
    std::thread renamer([&] {
        Services own(config);
        for (int i = 0; i < 40; ++i) {
            db::ProfileValues changes;
            changes[static_cast<std::size_t>(db::ProfileField::NickName)] =
                nicknames[static_cast<std::size_t>(i) % nicknames.size()];
            services::updateProfile(own, buddy, changes, std::nullopt);
        }
    });
    std::thread remarker([&] {
        Services own(config);
        for (int i = 0; i < 40; ++i) {
            services::setFriendRemark(own, me, buddy,
                                      remarks[static_cast<std::size_t>(i) % remarks.size()]);
        }
    });
    renamer.join();
    remarker.join();

    const auto entry = db::FriendRepository(services.db).findFriend(me, buddy);
    BOOST_REQUIRE(entry.has_value());
    const std::string shown =
        entry->remark && !entry->remark->empty() ? *entry->remark : entry->card.nickName;
    const auto page = services::friendsAtoZ(services, me, 0, 10);
    BOOST_REQUIRE_EQUAL(page.friends.size(), 1U);
    BOOST_TEST(page.friends[0].entry.sortKey == friendListKey(shown));
    BOOST_TEST(page.friends[0].initial == pinyinInitial(shown));
}

BOOST_AUTO_TEST_CASE(a_returning_members_page_skips_what_was_sent_while_they_were_out) {
    Services services(config);
    const std::int64_t owner = newSiteAdmin(services);
    std::vector<std::int64_t> rows;
    for (const std::int64_t absent : {30, 3000}) {
        const std::int64_t group = newGroup(services, owner);
        const std::string conversation = groupConversationId(group);
        const std::int64_t member = newUser(services);
        services::addGroupMembers(services, owner, group, {member});
        auto say = [&](const std::string& text) {
            db::NewMessage message;
            message.senderId = owner;
            message.groupId = group;
            message.msgType = "text";
            message.content = text;
            return services::sendMessage(services, message);
        };
        say("走之前1");
        const auto beforeLeaving = say("走之前2");
        services::removeGroupMembers(services, owner, group, {member});
        // Sent while they were out: stored as a send stores them, reaching nobody.
        services.db.execute(
            "INSERT INTO chat_messages (conversation_id, seq, sender_id, group_id, msg_type,"
            " content, sent_at) SELECT ?, ? + s.seq, ?, ?, 'text', 'absent', 0"
            " FROM seq_1_to_3000 s WHERE s.seq <= ?",
            {std::string_view(conversation), beforeLeaving.seq, owner, group, absent});
        services.db.execute("UPDATE chat_conversations SET last_seq = last_seq + ? WHERE id = ?",
                            {absent, std::string_view(conversation)});
        services::addGroupMembers(services, owner, group, {member});
        say("回来了");

        const std::int64_t before = rowsRead(services);
        const auto page = services::history(services, member, conversation, 1'000'000, 20);
        rows.push_back(rowsRead(services) - before);
        std::vector<std::string> texts;
        for (const auto& m : page.messages) texts.push_back(m.content.value_or(""));
        BOOST_TEST((texts == std::vector<std::string>{"回来了", "走之前2", "走之前1"}),
                   boost::test_tools::per_element());
        BOOST_TEST(!page.hasMore);
    }
    BOOST_TEST(rows[0] == rows[1]);
}

BOOST_AUTO_TEST_SUITE_END()
