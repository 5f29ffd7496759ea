// There is always at least one site owner: the last one cannot be demoted, also when two
// owners demote each other at the same moment. Runs on the fault stack, one suite at a
// time, because it needs the site to have no owners but its own.
#define BOOST_TEST_MODULE api_manager_owner
#include <functional>
#include <thread>
#include <vector>

#include "manager_helpers.hpp"

using namespace managertest;

namespace {

// The site with no owner at all, as on a fresh install before `scripts/admin site-role`.
void noOwnersYet() {
    api::runSql("UPDATE users SET site_role = NULL WHERE site_role = 'owner';");
}

long long ownerCount(const api::TestUser& reader) {
    const api::Response r = call(reader, "user!search", {{"siteRole", "owner"}});
    BOOST_REQUIRE_MESSAGE(r.success(), r.describe());
    return r.data("total")->GetInt64();
}

api::Response demote(api::HttpClient& http, const api::TestUser& actor,
                     const api::TestUser& target) {
    return http.post("/manager/user!setSiteRole",
                     {{"userId", api::id(target)}, {"siteRole", "deputy"}},
                     api::authHeaders(actor.session));
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_last_owner_cannot_step_down_but_can_once_another_owner_exists) {
    noOwnersYet();
    const api::TestUser owner = api::newStaff("owner");
    const api::Response alone =
        call(owner, "user!setSiteRole", {{"userId", api::id(owner)}, {"siteRole", "deputy"}});
    MMX_CHECK_FAILS_WITH(alone, "CONFLICT");
    BOOST_CHECK_EQUAL(ownerCount(owner), 1);

    const api::TestUser second = api::newUser();
    MMX_REQUIRE_OK(
        call(owner, "user!setSiteRole", {{"userId", api::id(second)}, {"siteRole", "owner"}}));
    MMX_REQUIRE_OK(
        call(owner, "user!setSiteRole", {{"userId", api::id(owner)}, {"siteRole", "deputy"}}));
    const api::TestUser watcher = api::newStaff("deputy");
    BOOST_CHECK_EQUAL(ownerCount(watcher), 1);
}

BOOST_AUTO_TEST_CASE(two_owners_demoting_each_other_at_once_leave_exactly_one_owner) {
    for (int round = 0; round < 5; ++round) {
        noOwnersYet();
        const api::TestUser a = api::newStaff("owner");
        const api::TestUser b = api::newStaff("owner");
        std::vector<api::Response> answers(2);
        std::vector<std::thread> threads;
        threads.emplace_back([&] {
            api::HttpClient http(api::stackEnv().baseUrl);
            answers[0] = demote(http, a, b);
        });
        threads.emplace_back([&] {
            api::HttpClient http(api::stackEnv().baseUrl);
            answers[1] = demote(http, b, a);
        });
        for (auto& thread : threads) thread.join();

        int succeeded = 0;
        for (const auto& answer : answers) {
            BOOST_CHECK_EQUAL(answer.status, 200);
            if (answer.success())
                ++succeeded;
            else
                BOOST_CHECK_MESSAGE(answer.code() == "CONFLICT" || answer.code() == "FORBIDDEN" ||
                                        answer.code() == "TOKEN_INVALID",
                                    answer.describe());
        }
        BOOST_CHECK_EQUAL(succeeded, 1);
        const api::TestUser watcher = api::newStaff("deputy");
        BOOST_CHECK_EQUAL(ownerCount(watcher), 1);
    }
}
