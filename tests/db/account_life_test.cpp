#include <boost/test/unit_test.hpp>
#include <string>

#include "core/clock.hpp"
#include "db/account_life_repository.hpp"
#include "db/session_repository.hpp"
#include "db/user_repository.hpp"
#include "db_fixture.hpp"

using namespace mmx;

namespace {

std::int64_t countOf(Services& services, std::string_view sql, std::int64_t userId) {
    const auto row = services.db.queryOne(sql, {userId, userId});
    return row ? row->i64(0) : -1;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(account_life, dbtest::Stack)

// Every table a closed account appeared in, both sides of each pair, in one call; the row
// stays (messages keep their sender) and its mobile is free for a new account.
BOOST_AUTO_TEST_CASE(closing_an_account_leaves_no_relation_and_frees_the_mobile) {
    Services services(config);
    db::UserRepository users(services.db);
    const std::int64_t me = dbtest::newUser(services);
    const std::int64_t other = dbtest::newUser(services);
    const std::int64_t third = dbtest::newUser(services);
    const std::int64_t now = nowMs();
    const std::string mobile = users.findProfile(me)->mobile;
    services.db.execute(
        "INSERT INTO friendships (user_id, friend_id, created_at) VALUES (?, ?, ?), (?, ?, ?)",
        {me, other, now, other, me, now});
    services.db.execute(
        "INSERT INTO friend_requests (requester_id, target_id, state, created_at, updated_at)"
        " VALUES (?, ?, 0, ?, ?), (?, ?, 0, ?, ?)",
        {third, me, now, now, me, other, now, now});
    services.db.execute(
        "INSERT INTO user_blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?), (?, ?, ?)",
        {me, third, now, third, me, now});
    db::SessionRepository(services.db).replace(me, "phone-a", "t", now, now + 1000);
    db::SessionRepository(services.db).rememberClient(me, "phone-a", now);

    db::AccountLifeRepository(services.db).close(me, now);

    BOOST_CHECK_EQUAL(
        countOf(services, "SELECT COUNT(*) FROM friendships WHERE user_id = ? OR friend_id = ?",
                me),
        0);
    BOOST_CHECK_EQUAL(countOf(services,
                              "SELECT COUNT(*) FROM friend_requests"
                              " WHERE requester_id = ? OR target_id = ?",
                              me),
                      0);
    BOOST_CHECK_EQUAL(
        countOf(services, "SELECT COUNT(*) FROM user_blocks WHERE blocker_id = ? OR blocked_id = ?",
                me),
        0);
    BOOST_CHECK(!db::SessionRepository(services.db).find(me, "phone-a"));
    BOOST_CHECK(!db::SessionRepository(services.db).isKnownClient(me, "phone-a"));
    const auto closed = users.findProfile(me);
    BOOST_REQUIRE(closed);
    BOOST_CHECK_EQUAL(*closed->fields[static_cast<std::size_t>(db::ProfileField::NickName)],
                      "已注销用户");
    BOOST_CHECK(!users.findIdByMobile(mobile));
    BOOST_CHECK(!db::AccountLifeRepository(services.db).mobileOf(me));
    BOOST_CHECK_NE(users.create(mobile, "h", now), me);
}

BOOST_AUTO_TEST_CASE(a_user_name_is_set_only_while_none_is) {
    Services services(config);
    db::AccountLifeRepository accounts(services.db);
    const std::int64_t me = dbtest::newUser(services);
    const std::string name = "db" + std::to_string(me) + "x";
    BOOST_CHECK(accounts.setUserName(me, name, nowMs()));
    BOOST_CHECK(!accounts.setUserName(me, name + "y", nowMs()));
    const std::int64_t other = dbtest::newUser(services);
    std::string upper = name;
    upper[0] = 'D';
    BOOST_CHECK_THROW(accounts.setUserName(other, upper, nowMs()), db::DuplicateKey);
}

BOOST_AUTO_TEST_SUITE_END()
