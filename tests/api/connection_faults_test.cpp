// The workers' MariaDB connections closed under them while idle (a restart, a KILL, the
// server's wait_timeout): the next request notices before it sends anything, reconnects,
// and runs its writes exactly once. The suite kills every idle connection of the
// server's account, so it runs on the fault stack, alone.
#define BOOST_TEST_MODULE api_connection_faults
#include "api_test.hpp"
#include "helpers.hpp"

namespace {

const std::string kDelete = "/user/friend!delete";
const std::string kList = "/user/friend!list";
const std::string kSendRegisterCode = "/user/user!sendRegisterCode";
const std::string kRegister = "/user/user!register";

// From a connection of its own, as a restart or the server's idle timeout would.
void killIdleServerConnections() {
    api::runSql(
        "DELIMITER //\n"
        "BEGIN NOT ATOMIC\n"
        "  FOR c IN (SELECT id FROM information_schema.processlist"
        " WHERE user = SUBSTRING_INDEX(USER(), '@', 1) AND command = 'Sleep'"
        " AND id <> CONNECTION_ID()) DO\n"
        "    KILL CONNECTION c.id;\n"
        "  END FOR;\n"
        "END //\n"
        "DELIMITER ;\n");
}

bool listsFriend(const api::TestUser& user, const api::TestUser& other) {
    const api::Response r = api::post(user, kList);
    return r.body.find("\"userId\":" + api::id(other)) != std::string::npos;
}

api::Response open(const std::string& path, const api::Params& params) {
    return api::http().post(path, params, api::clientHeader(api::uniqueClient()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(connection_faults)

BOOST_AUTO_TEST_CASE(a_delete_after_the_connections_were_dropped_runs_once_and_answers_ok) {
    const api::TestUser a = api::newUser();
    const api::TestUser b = api::newUser();
    api::befriend(a, b);
    killIdleServerConnections();
    MMX_CHECK_OK(api::post(a, kDelete, {{"friendId", api::id(b)}}));
    BOOST_TEST(!listsFriend(a, b));
    killIdleServerConnections();
    // The first delete ran once: the second finds nothing to delete.
    MMX_CHECK_FAILS_WITH(api::post(a, kDelete, {{"friendId", api::id(b)}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(a_code_sent_after_the_connections_were_dropped_goes_out_once_and_works) {
    const std::string mobile = api::uniqueMobile();
    killIdleServerConnections();
    MMX_REQUIRE_OK(open(kSendRegisterCode, {{"userVO.userMobile", mobile}}));
    BOOST_TEST(api::smsMessages(mobile, "register").size() == 1u);
    killIdleServerConnections();
    MMX_CHECK_OK(open(kRegister, {{"userVO.userMobile", mobile},
                                  {"userVO.password", api::uniquePassword()},
                                  {"telSecurityCode", api::lastSmsCode(mobile, "register")}}));
}

BOOST_AUTO_TEST_SUITE_END()
