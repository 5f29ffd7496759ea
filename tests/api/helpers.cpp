#include "helpers.hpp"

#include <atomic>
#include <random>
#include <stdexcept>
#include <thread>

namespace mmx::apitest {

Response post(const TestUser& user, const std::string& route, const Params& params) {
    return http().post(route, params, authHeaders(user.session));
}

Response get(const TestUser& user, const std::string& route, const Params& params) {
    return http().get(route, params, authHeaders(user.session));
}

std::string id(const TestUser& user) {
    return std::to_string(user.session.userId);
}

std::string id(long long value) {
    return std::to_string(value);
}

void befriend(const TestUser& a, const TestUser& b) {
    const Response invited = post(a, "/user/friend!invite", {{"mode", "3"}, {"friendId", id(b)}});
    if (!invited.success()) throw std::runtime_error("friend!invite: " + invited.describe());
    const rapidjson::Value* data = invited.data();
    if (data != nullptr && data->HasMember("state") && scalarText((*data)["state"]) == "added") {
        return;
    }
    const Response accepted = post(b, "/user/friend!accept", {{"friendId", id(a)}});
    if (!accepted.success()) throw std::runtime_error("friend!accept: " + accepted.describe());
}

bool setSiteRole(const std::string& mobile, const std::string& role) {
    // Straight into the row, so the user's session lives on: scripts/admin site-role ends
    // it, as the route does (manager_site_role_command in manager_versions_test proves it).
    if (role != "owner" && role != "deputy" && role != "admin" && role != "none") return false;
    for (const char c : mobile) {
        if (c < '0' || c > '9') return false;
    }
    try {
        runSql("UPDATE users SET site_role = " + (role == "none" ? "NULL" : "'" + role + "'") +
               " WHERE mobile = '" + mobile + "';");
    } catch (const std::exception&) {
        return false;
    }
    return true;
}

TestUser newStaff(const std::string& role) {
    TestUser user = newUser();
    if (role != "none" && !setSiteRole(user.mobile, role)) {
        throw std::runtime_error("scripts/admin site-role " + role + " failed");
    }
    return user;
}

std::string uniqueName(const std::string& prefix) {
    static std::mt19937_64 random{std::random_device{}()};
    return prefix + std::to_string(random() % 1'000'000'000'000ULL);
}

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

// Random digits, not the clock: the suites run side by side, and two of them asking in the
// same millisecond must not get one name.
std::string uniqueGroupName(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return uniqueName(prefix) + "-" + std::to_string(counter++);
}

long long newGroup(const TestUser& creator, const std::vector<const TestUser*>& members,
                   const std::string& name) {
    Params params{{"groupName", name}};
    for (const TestUser* m : members) params.emplace_back("memberId", id(*m));
    const Response r = post(creator, "/chat/group!create", params);
    if (!r.success() || r.data("groupId") == nullptr) {
        throw std::runtime_error("group!create: " + r.describe());
    }
    return std::stoll(scalarText(*r.data("groupId")));
}

void runTogether(std::vector<std::function<void()>> tasks) {
    std::vector<std::thread> threads;
    for (auto& task : tasks) threads.emplace_back(std::move(task));
    for (auto& thread : threads) thread.join();
}

}  // namespace mmx::apitest
