#pragma once

// The steps every suite shares, written once: calling a route as a user, naming a user,
// making two users friends, granting a site role, making a group. The suites' own
// headers (friend_helpers, group_helpers, chat_test_support) add what only they need.

#include <functional>
#include <string>
#include <vector>

#include "stack.hpp"

namespace mmx::apitest {

// A route called as `user` (POST form, or GET with a query).
Response post(const TestUser& user, const std::string& route, const Params& params = {});
Response get(const TestUser& user, const std::string& route, const Params& params = {});

// A user id as the API writes it.
std::string id(const TestUser& user);
std::string id(long long value);

// `a` invites `b` by id and `b` accepts (or the invitation adds at once); throws unless
// they end up friends.
void befriend(const TestUser& a, const TestUser& b);

// Gives the user of `mobile` a site role on the test stack: "owner", "deputy", "admin" or
// "none", keeping their session (scripts/admin site-role would end it).
bool setSiteRole(const std::string& mobile, const std::string& role);
// A fresh user holding a site role ("none" for none); throws when the grant fails.
TestUser newStaff(const std::string& role);

// `prefix` and 12 random digits: unique across runs on one stack (a prefix that starts with a
// letter keeps a user name from being all digits).
std::string uniqueName(const std::string& prefix);

// A JSON string literal of `text` (the tests' texts hold no quote, backslash or control byte).
std::string quoted(const std::string& text);

// Unique within a run and across runs on one stack; at most 30 characters.
std::string uniqueGroupName(const std::string& prefix = "测试群");

// A group made by `creator` (who must hold a site role that creates groups) with `members`.
long long newGroup(const TestUser& creator, const std::vector<const TestUser*>& members = {},
                   const std::string& name = uniqueGroupName());

// Runs every task on its own thread, all at once, and waits for them all.
void runTogether(std::vector<std::function<void()>> tasks);

}  // namespace mmx::apitest
