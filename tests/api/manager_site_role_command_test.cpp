// scripts/admin site-role acts as /manager/user!setSiteRole does: the target's sessions
// end, the change is audited with the command line as the staff member, and the site
// keeps an owner.
#define BOOST_TEST_MODULE api_manager_site_role_command
#include "admin_command.hpp"
#include "manager_helpers.hpp"

using namespace managertest;

BOOST_AUTO_TEST_CASE(the_command_line_ends_the_targets_sessions_and_writes_an_audit_entry) {
    const api::TestUser target = api::newUser();
    MMX_REQUIRE_OK(api::post(target, "/user/user!readUser", {}));
    BOOST_REQUIRE(admintest::runAdmin({"site-role", target.mobile, "deputy"}));

    // The session opened before the grant is over.
    BOOST_CHECK_EQUAL(api::post(target, "/user/user!readUser", {}).code(), "TOKEN_INVALID");

    api::TestUser deputy = target;
    deputy.session = api::login(target.mobile, target.password, api::uniqueClient());
    const api::Response info =
        call(deputy, "user!info", {{"userId", api::id(deputy.session.userId)}});
    MMX_REQUIRE_OK(info);
    BOOST_CHECK_EQUAL((*info.data("user"))["siteRole"].GetString(), std::string("deputy"));

    const rapidjson::Document entry = lastAudit(deputy, "user", deputy.session.userId);
    BOOST_CHECK_EQUAL(entry["action"].GetString(), std::string("user.setSiteRole"));
    BOOST_CHECK_EQUAL(entry["staffId"].GetInt64(), 0);
    BOOST_CHECK_EQUAL(entry["staffName"].GetString(), std::string("command line"));
    BOOST_CHECK_EQUAL(entry["before"]["siteRole"].GetString(), std::string("none"));
    BOOST_CHECK_EQUAL(entry["after"]["siteRole"].GetString(), std::string("deputy"));

    // Back to none, again audited; a role it does not know is refused.
    BOOST_REQUIRE(admintest::runAdmin({"site-role", target.mobile, "none"}));
    BOOST_CHECK(!admintest::runAdmin({"site-role", target.mobile, "king"}));
    BOOST_CHECK(!admintest::runAdmin({"site-role", "19999999999", "admin"}));
}
