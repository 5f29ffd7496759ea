// The feedback thread: what a user sends (at most 500 characters, ten a China day, also
// under racing submits) and the staff's replies, newest first.
#define BOOST_TEST_MODULE api_feedback
#include <atomic>
#include <functional>
#include <thread>

#include "admin_command.hpp"
#include "api_test.hpp"
#include "helpers.hpp"

namespace {

const std::string kList = "/user/feedback!list";
const std::string kSubmit = "/user/feedback!submit";

struct Entry {
    std::string content;
    long long time = 0;
    int direction = 0;
};

std::vector<Entry> threadOf(const api::TestUser& user, const api::Params& page = {}) {
    const api::Response r = api::get(user, kList, page);
    MMX_REQUIRE_OK(r);
    const rapidjson::Value* list = r.data("feedList");
    BOOST_REQUIRE_MESSAGE(list != nullptr && list->IsArray(), r.describe());
    std::vector<Entry> entries;
    for (const auto& item : list->GetArray()) {
        entries.push_back(
            {item["content"].GetString(), item["time"].GetInt64(), item["direction"].GetInt()});
    }
    return entries;
}

api::Response submit(const api::TestUser& user, const std::string& text) {
    return api::post(user, kSubmit, {{"feedback", text}});
}

std::string repeated(const std::string& piece, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) text += piece;
    return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_submitted_message_shows_in_the_thread_from_the_user) {
    const api::TestUser user = api::newUser();
    const long long before = api::nowMillis();
    MMX_REQUIRE_OK(submit(user, "地图加载很慢\n希望改进"));
    const auto entries = threadOf(user);
    BOOST_REQUIRE_EQUAL(entries.size(), 1u);
    BOOST_CHECK_EQUAL(entries[0].content, "地图加载很慢\n希望改进");
    BOOST_CHECK_EQUAL(entries[0].direction, 1);
    BOOST_CHECK_GE(entries[0].time, before - 5000);
    BOOST_CHECK_LE(entries[0].time, api::nowMillis() + 5000);
}

BOOST_AUTO_TEST_CASE(five_hundred_characters_pass_and_five_hundred_and_one_are_refused) {
    const api::TestUser user = api::newUser();
    MMX_CHECK_OK(submit(user, repeated("好", 500)));
    const api::Response tooLong = submit(user, repeated("好", 501));
    MMX_CHECK_FAILS_WITH(tooLong, "BAD_PARAM");
    BOOST_CHECK_MESSAGE(tooLong.info().find("feedback") != std::string::npos, tooLong.describe());
    MMX_CHECK_FAILS_WITH(submit(user, "   "), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(api::post(user, kSubmit, {}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(submit(user, std::string("a\x07") + "b"), "BAD_PARAM");
    BOOST_CHECK_EQUAL(threadOf(user).size(), 1u);
}

BOOST_AUTO_TEST_CASE(the_eleventh_message_of_a_day_is_refused_until_midnight) {
    const api::TestUser user = api::newUser();
    for (int i = 0; i < 10; ++i) MMX_REQUIRE_OK(submit(user, "第" + std::to_string(i) + "条"));
    const api::Response eleventh = submit(user, "第十一条");
    MMX_CHECK_FAILS_WITH(eleventh, "RATE_LIMITED");
    const rapidjson::Value* retryAfter = eleventh.data("retryAfter");
    BOOST_REQUIRE(retryAfter != nullptr && retryAfter->IsInt64());
    BOOST_CHECK_GT(retryAfter->GetInt64(), 0);
    BOOST_CHECK_LE(retryAfter->GetInt64(), 86400);
    BOOST_CHECK_EQUAL(threadOf(user, {{"count", "50"}}).size(), 10u);

    // Yesterday's messages do not count against today.
    api::runSql("UPDATE user_feedback SET created_at = created_at - 86400000 WHERE user_id = " +
                api::id(user) + ";");
    MMX_CHECK_OK(submit(user, "新的一天"));
}

BOOST_AUTO_TEST_CASE(fifteen_racing_submits_store_exactly_ten) {
    const api::TestUser user = api::newUser();
    const api::Headers headers = api::authHeaders(user.session);
    constexpr int kSubmits = 15;
    std::vector<api::Response> answers(kSubmits);
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kSubmits; ++i) {
        threads.emplace_back([&answers, &ready, headers, i] {
            api::HttpClient http(api::stackEnv().baseUrl);
            ++ready;
            while (ready.load() < kSubmits) std::this_thread::yield();
            answers[i] = http.post(kSubmit, {{"feedback", "并发" + std::to_string(i)}}, headers);
        });
    }
    for (auto& thread : threads) thread.join();
    int stored = 0;
    for (const auto& answer : answers) {
        if (answer.success()) {
            ++stored;
        } else {
            MMX_CHECK_FAILS_WITH(answer, "RATE_LIMITED");
        }
    }
    BOOST_CHECK_EQUAL(stored, 10);
    BOOST_CHECK_EQUAL(threadOf(user, {{"count", "50"}}).size(), 10u);
}

BOOST_AUTO_TEST_CASE(a_staff_reply_appears_in_the_users_thread_with_direction_two) {
    const api::TestUser user = api::newUser();
    const api::TestUser other = api::newUser();
    MMX_REQUIRE_OK(submit(user, "怎么修改头像？"));
    BOOST_REQUIRE(admintest::runAdmin({"feedback-reply", api::id(user), "在“我的”页面点头像即可"}));
    // By mobile too.
    BOOST_REQUIRE(admintest::runAdmin({"feedback-reply", user.mobile, "还有问题请再反馈"}));

    const auto entries = threadOf(user);
    BOOST_REQUIRE_EQUAL(entries.size(), 3u);
    BOOST_CHECK_EQUAL(entries[0].content, "还有问题请再反馈");
    BOOST_CHECK_EQUAL(entries[0].direction, 2);
    BOOST_CHECK_EQUAL(entries[1].content, "在“我的”页面点头像即可");
    BOOST_CHECK_EQUAL(entries[1].direction, 2);
    BOOST_CHECK_EQUAL(entries[2].content, "怎么修改头像？");
    BOOST_CHECK_EQUAL(entries[2].direction, 1);
    // Replies do not count against the user's ten a day, and nobody else sees them.
    BOOST_CHECK(threadOf(other).empty());
    // A reply that cannot be shown, or to nobody, is refused.
    BOOST_CHECK(!admintest::runAdmin({"feedback-reply", api::id(user), "  "}));
    BOOST_CHECK(!admintest::runAdmin({"feedback-reply", "999999999999", "你好"}));
    BOOST_CHECK_EQUAL(threadOf(user).size(), 3u);
}

BOOST_AUTO_TEST_CASE(the_thread_pages_newest_first_with_offset_and_count) {
    const api::TestUser user = api::newUser();
    for (int i = 0; i < 5; ++i) MMX_REQUIRE_OK(submit(user, "第" + std::to_string(i) + "条"));
    const auto first = threadOf(user, {{"offset", "0"}, {"count", "2"}});
    const auto second = threadOf(user, {{"offset", "2"}, {"count", "2"}});
    const auto last = threadOf(user, {{"offset", "4"}, {"count", "2"}});
    BOOST_REQUIRE_EQUAL(first.size(), 2u);
    BOOST_REQUIRE_EQUAL(second.size(), 2u);
    BOOST_REQUIRE_EQUAL(last.size(), 1u);
    BOOST_CHECK_EQUAL(first[0].content, "第4条");
    BOOST_CHECK_EQUAL(first[1].content, "第3条");
    BOOST_CHECK_EQUAL(second[0].content, "第2条");
    BOOST_CHECK_EQUAL(last[0].content, "第0条");
    MMX_CHECK_FAILS_WITH(api::get(user, kList, {{"count", "51"}}), "BAD_PARAM");
}
