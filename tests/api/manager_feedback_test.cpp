// The manager side's feedback: who may read threads and reply, the order of the threads
// (unanswered first), a staff reply as the user sees it, the audit entry it leaves, and
// the open threads the overview counts.
#define BOOST_TEST_MODULE api_manager_feedback
#include <map>
#include <mutex>
#include <thread>

#include "manager_helpers.hpp"

using namespace managertest;

namespace {

void submit(const api::TestUser& u, const std::string& text) {
    MMX_REQUIRE_OK(api::post(u, "/user/feedback!submit", {{"feedback", text}}));
}

// Where each user's thread stands in the staff's list (walking its pages), -1 if absent.
std::map<long long, int> positions(const api::TestUser& staff, const std::vector<long long>& ids) {
    std::map<long long, int> at;
    for (const long long id : ids) at[id] = -1;
    int index = 0;
    for (int offset = 0; offset < 5000; offset += 100) {
        const api::Response r =
            call(staff, "feedback!threads", {{"offset", api::id(offset)}, {"count", "100"}});
        MMX_REQUIRE_OK(r);
        const rapidjson::Value& list = *r.data("threadList");
        for (const auto& thread : list.GetArray()) {
            const long long id = thread["userId"].GetInt64();
            if (at.count(id) && at[id] < 0) at[id] = index;
            ++index;
        }
        bool all = true;
        for (const auto& [id, position] : at) all = all && position >= 0;
        if (all || list.Size() < 100) break;
    }
    return at;
}

}  // namespace

BOOST_AUTO_TEST_CASE(only_owners_deputies_and_admins_read_and_answer_feedback) {
    const api::TestUser writer = api::newUser();
    submit(writer, "能加个夜间模式吗");
    const std::string id = api::id(writer.session.userId);
    const api::TestUser user = api::newStaff("none");
    for (const auto& [route, params] : std::vector<std::pair<std::string, api::Params>>{
             {"feedback!threads", {}},
             {"feedback!thread", {{"userId", id}}},
             {"feedback!reply", {{"userId", id}, {"content", "好的"}}}}) {
        BOOST_TEST_CONTEXT(route) {
            BOOST_CHECK_EQUAL(call(user, route, params).code(), "FORBIDDEN");
        }
    }
    for (const char* role : {"admin", "deputy", "owner"}) {
        const api::TestUser staff = api::newStaff(role);
        BOOST_TEST_CONTEXT(role) {
            MMX_REQUIRE_OK(call(staff, "feedback!threads"));
            MMX_REQUIRE_OK(call(staff, "feedback!thread", {{"userId", id}}));
            MMX_REQUIRE_OK(call(staff, "feedback!reply", {{"userId", id}, {"content", "好的"}}));
        }
    }
}

BOOST_AUTO_TEST_CASE(unanswered_threads_come_first_and_a_reply_moves_a_thread_down) {
    const api::TestUser admin = api::newStaff("admin");
    const api::TestUser first = api::newUser();
    const api::TestUser second = api::newUser();
    submit(first, "第一条反馈");
    submit(second, "第二条反馈");
    // Both open: the newer one first.
    auto at = positions(admin, {first.session.userId, second.session.userId});
    BOOST_REQUIRE_GE(at[first.session.userId], 0);
    BOOST_CHECK_LT(at[second.session.userId], at[first.session.userId]);

    MMX_REQUIRE_OK(call(admin, "feedback!reply",
                        {{"userId", api::id(second.session.userId)}, {"content", "已收到"}}));
    // The answered thread goes after every open one, however new.
    at = positions(admin, {first.session.userId, second.session.userId});
    BOOST_REQUIRE_GE(at[second.session.userId], 0);
    BOOST_CHECK_LT(at[first.session.userId], at[second.session.userId]);

    const api::Response page = call(admin, "feedback!threads", {{"count", "100"}});
    MMX_REQUIRE_OK(page);
    bool seenAnswered = false;
    for (const auto& thread : page.data("threadList")->GetArray()) {
        // Every open thread before any answered one.
        if (!thread["open"].GetBool()) seenAnswered = true;
        BOOST_CHECK(!(seenAnswered && thread["open"].GetBool()));
    }
}

BOOST_AUTO_TEST_CASE(a_staff_reply_reaches_the_user_with_direction_2_and_is_audited) {
    const api::TestUser deputy = api::newStaff("deputy");
    const api::TestUser writer = api::newUser();
    submit(writer, "怎么改头像");
    const std::string id = api::id(writer.session.userId);
    const api::Response replied =
        call(deputy, "feedback!reply", {{"userId", id}, {"content", "在“我的”页面点头像即可"}});
    MMX_REQUIRE_OK(replied);

    const api::Response mine = api::post(writer, "/user/feedback!list", {});
    MMX_REQUIRE_OK(mine);
    const rapidjson::Value& feed = *mine.data("feedList");
    BOOST_REQUIRE_EQUAL(feed.Size(), 2u);
    BOOST_CHECK_EQUAL(feed[0]["direction"].GetInt64(), 2);
    BOOST_CHECK_EQUAL(feed[0]["content"].GetString(), std::string("在“我的”页面点头像即可"));
    BOOST_CHECK_EQUAL(feed[1]["direction"].GetInt64(), 1);

    const api::Response thread = call(deputy, "feedback!thread", {{"userId", id}});
    MMX_REQUIRE_OK(thread);
    const rapidjson::Value& entries = *thread.data("feedList");
    BOOST_REQUIRE_EQUAL(entries.Size(), 2u);
    BOOST_CHECK_EQUAL(entries[0]["staffId"].GetInt64(), deputy.session.userId);
    BOOST_CHECK(entries[1]["staffId"].IsNull());
    BOOST_CHECK_EQUAL(thread.data("total")->GetInt64(), 2);

    const rapidjson::Document entry = lastAudit(deputy, "feedback", writer.session.userId);
    BOOST_CHECK_EQUAL(entry["action"].GetString(), std::string("feedback.reply"));
    BOOST_CHECK_EQUAL(entry["staffId"].GetInt64(), deputy.session.userId);
    BOOST_CHECK_EQUAL(entry["after"]["direction"].GetInt64(), 2);

    // A reply that cannot be shown, or to nobody, changes nothing.
    BOOST_CHECK_EQUAL(call(deputy, "feedback!reply", {{"userId", id}, {"content", " "}}).code(),
                      "BAD_PARAM");
    BOOST_CHECK_EQUAL(
        call(deputy, "feedback!reply", {{"userId", "999999999999"}, {"content", "在吗"}}).code(),
        "NOT_FOUND");
    BOOST_CHECK_EQUAL(call(deputy, "feedback!thread", {{"userId", id}}).data("total")->GetInt64(),
                      2);
}

BOOST_AUTO_TEST_CASE(the_overview_counts_threads_waiting_for_an_answer) {
    const api::TestUser owner = api::newStaff("owner");
    const api::TestUser writer = api::newUser();
    submit(writer, "等待回复");
    const api::Response overview = call(owner, "stats!overview");
    MMX_REQUIRE_OK(overview);
    BOOST_REQUIRE(overview.data("openFeedback") != nullptr);
    BOOST_CHECK_GE(overview.data("openFeedback")->GetInt64(), 1);
}

BOOST_AUTO_TEST_CASE(a_thread_is_open_exactly_when_its_last_message_is_the_users_under_races) {
    const api::TestUser writer = api::newUser();
    const api::TestUser admin = api::newStaff("admin");
    submit(writer, "开始");
    // The user writes while two staff answer, at once.
    std::vector<std::thread> threads;
    std::mutex failuresLock;
    std::vector<std::string> failures;
    // Each thread has its own connection (api::http() is one per process).
    const auto send = [&](const api::TestUser& who, const std::string& route,
                          const api::Params& params) {
        api::HttpClient http(api::stackEnv().baseUrl);
        for (int i = 0; i < 4; ++i) {
            const api::Response r = http.post(route, params, api::authHeaders(who.session));
            if (!r.success()) {
                const std::lock_guard<std::mutex> lock(failuresLock);
                failures.push_back(r.describe());
            }
        }
    };
    const api::Params reply{{"userId", api::id(writer.session.userId)}, {"content", "回复"}};
    threads.emplace_back(send, std::cref(writer), "/user/feedback!submit",
                         api::Params{{"feedback", "追问"}});
    threads.emplace_back(send, std::cref(admin), "/manager/feedback!reply", reply);
    threads.emplace_back(send, std::cref(admin), "/manager/feedback!reply", reply);
    for (auto& t : threads) t.join();
    BOOST_REQUIRE_MESSAGE(failures.empty(), failures.front());

    const api::Response thread = call(admin, "feedback!thread",
                                      {{"userId", api::id(writer.session.userId)}, {"count", "1"}});
    MMX_REQUIRE_OK(thread);
    const long long lastDirection = (*thread.data("feedList"))[0]["direction"].GetInt64();
    BOOST_CHECK_EQUAL(thread.data("total")->GetInt64(), 1 + 4 + 8);
    // Wherever the thread is listed, its state is its last message's.
    for (int offset = 0; offset < 5000; offset += 100) {
        const api::Response r =
            call(admin, "feedback!threads", {{"offset", api::id(offset)}, {"count", "100"}});
        MMX_REQUIRE_OK(r);
        for (const auto& t : r.data("threadList")->GetArray()) {
            if (t["userId"].GetInt64() != writer.session.userId) continue;
            BOOST_CHECK_EQUAL(t["lastDirection"].GetInt64(), lastDirection);
            BOOST_CHECK_EQUAL(t["open"].GetBool(), lastDirection == 1);
            return;
        }
        if (r.data("threadList")->Size() < 100) break;
    }
    BOOST_FAIL("the thread is not listed");
}
