// /user/friend!…: requests and their answers, the caps, policies, remarks, the A-Z
// list, diff, delete and blocks, with two and three real users through nginx.
#define BOOST_TEST_MODULE api_friend
#include <cstdlib>
#include <map>

#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

const std::string kInvite = "/user/friend!invite";
const std::string kAccept = "/user/friend!accept";
const std::string kRefuse = "/user/friend!refuse";
const std::string kDelete = "/user/friend!delete";
const std::string kRemark = "/user/friend!updateRemark";
const std::string kRead = "/user/friend!read";
const std::string kList = "/user/friend!list";
const std::string kDiff = "/user/friend!diff";
const std::string kBlock = "/user/friend!block";
const std::string kUnblock = "/user/friend!unblock";
const std::string kBlocked = "/user/friend!blocked";
const std::string kPolicy = "/user/setting!friendPolicy";

std::string stateOf(const api::Response& r) {
    return r.data() ? field(*r.data(), "state") : "<no data>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(requests)

BOOST_AUTO_TEST_CASE(request_then_accept_makes_both_friends) {
    const auto a = api::newUser(), b = api::newUser();
    const api::Response sent = invite(a, b, "我是小A");
    MMX_REQUIRE_OK(sent);
    BOOST_CHECK_EQUAL(stateOf(sent), "sent");
    BOOST_CHECK(friendsOf(a).empty());
    BOOST_CHECK(friendsOf(b).empty());

    const auto incoming = requestsOf(b);
    BOOST_REQUIRE_EQUAL(incoming.size(), 1u);
    BOOST_CHECK_EQUAL(incoming[0].direction, "in");
    BOOST_CHECK_EQUAL(incoming[0].userId, id(a));
    BOOST_CHECK_EQUAL(incoming[0].state, "pending");
    BOOST_CHECK_EQUAL(incoming[0].remark, "我是小A");
    const auto outgoing = requestsOf(a);
    BOOST_REQUIRE_EQUAL(outgoing.size(), 1u);
    BOOST_CHECK_EQUAL(outgoing[0].direction, "out");
    BOOST_CHECK_EQUAL(outgoing[0].userId, id(b));

    MMX_REQUIRE_OK(call(b, kAccept, {{"friendId", id(a)}}));
    BOOST_CHECK(friendsOf(a) == std::set<std::string>{id(b)});
    BOOST_CHECK(friendsOf(b) == std::set<std::string>{id(a)});
    BOOST_CHECK_EQUAL(requestsOf(b)[0].state, "accepted");
    BOOST_CHECK_EQUAL(requestsOf(a)[0].state, "accepted");
    MMX_CHECK_FAILS_WITH(call(b, kAccept, {{"friendId", id(a)}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(requests_both_ways_make_friends_at_once) {
    const auto a = api::newUser(), b = api::newUser();
    MMX_REQUIRE_OK(invite(a, b));
    const api::Response back = invite(b, a);
    MMX_REQUIRE_OK(back);
    BOOST_CHECK_EQUAL(stateOf(back), "added");
    BOOST_CHECK(friendsOf(a) == std::set<std::string>{id(b)});
    BOOST_CHECK(friendsOf(b) == std::set<std::string>{id(a)});
}

BOOST_AUTO_TEST_CASE(a_refused_requester_may_ask_again) {
    const auto a = api::newUser(), b = api::newUser();
    MMX_REQUIRE_OK(invite(a, b, "第一次"));
    MMX_REQUIRE_OK(call(b, kRefuse, {{"friendId", id(a)}}));
    BOOST_CHECK_EQUAL(requestsOf(a)[0].state, "refused");
    BOOST_CHECK_EQUAL(requestsOf(b)[0].state, "refused");
    MMX_CHECK_FAILS_WITH(call(b, kAccept, {{"friendId", id(a)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(b, kRefuse, {{"friendId", id(a)}}), "NOT_FOUND");
    BOOST_CHECK(friendsOf(a).empty());

    const api::Response again = invite(a, b, "第二次");
    MMX_REQUIRE_OK(again);
    BOOST_CHECK_EQUAL(stateOf(again), "sent");
    const auto rows = requestsOf(b);
    BOOST_REQUIRE_EQUAL(rows.size(), 1u);
    BOOST_CHECK_EQUAL(rows[0].state, "pending");
    BOOST_CHECK_EQUAL(rows[0].remark, "第二次");
    MMX_REQUIRE_OK(call(b, kAccept, {{"friendId", id(a)}}));
    BOOST_CHECK(friendsOf(b) == std::set<std::string>{id(a)});
}

BOOST_AUTO_TEST_CASE(a_repeated_request_refreshes_the_remark_and_is_not_duplicated) {
    const auto a = api::newUser(), b = api::newUser();
    MMX_REQUIRE_OK(invite(a, b, "旧的备注"));
    const api::Response repeat = invite(a, b, "新的备注");
    MMX_REQUIRE_OK(repeat);
    BOOST_CHECK_EQUAL(stateOf(repeat), "sent");
    const auto rows = requestsOf(b);
    BOOST_REQUIRE_EQUAL(rows.size(), 1u);
    BOOST_CHECK_EQUAL(rows[0].remark, "新的备注");
}

BOOST_AUTO_TEST_CASE(invitations_by_mobile_and_by_mcode_reach_the_user) {
    const auto a = api::newUser(), b = api::newUser(), c = api::newUser();
    MMX_REQUIRE_OK(call(a, kInvite, {{"mode", "1"}, {"phone", b.mobile}}));
    MMX_REQUIRE_OK(call(c, kInvite, {{"mode", "2"}, {"mcode", mcodeOf(b)}}));
    std::set<std::string> askers;
    for (const auto& row : requestsOf(b)) askers.insert(row.userId);
    BOOST_CHECK(askers == (std::set<std::string>{id(a), id(c)}));
    // the id under another of its names
    const auto d = api::newUser();
    MMX_CHECK_OK(call(d, kInvite, {{"mode", "3"}, {"userID", id(b)}}));
}

BOOST_AUTO_TEST_CASE(nobody_can_befriend_themselves) {
    const auto a = api::newUser();
    MMX_CHECK_FAILS_WITH(invite(a, a), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(a, kInvite, {{"mode", "1"}, {"phone", a.mobile}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(a, kInvite, {{"mode", "2"}, {"mcode", mcodeOf(a)}}), "BAD_PARAM");
    BOOST_CHECK(requestsOf(a).empty());
    BOOST_CHECK(friendsOf(a).empty());
}

BOOST_AUTO_TEST_CASE(invitations_to_unknown_people_are_not_found) {
    const auto a = api::newUser();
    MMX_CHECK_FAILS_WITH(call(a, kInvite, {{"mode", "3"}, {"friendId", "987654321098"}}),
                         "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(a, kInvite, {{"mode", "1"}, {"phone", api::uniqueMobile()}}),
                         "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(a, kInvite, {{"mode", "2"}, {"mcode", "9999999999"}}), "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(bad_invitation_parameters_are_bad_param_and_remarks_count_characters) {
    const auto a = api::newUser(), b = api::newUser();
    const std::vector<api::Params> bad = {
        {{"friendId", id(b)}},
        {{"mode", "4"}, {"friendId", id(b)}},
        {{"mode", "3"}},
        {{"mode", "3"}, {"friendId", "abc"}},
        {{"mode", "1"}, {"phone", "12345"}},
        {{"mode", "2"}, {"mcode", "12ab5678"}},
        {{"mode", "3"}, {"friendId", id(b)}, {"remark", repeat("好", 65)}},
    };
    for (const auto& params : bad) {
        const std::string shown = params.size() > 1
                                      ? params[1].first + "=" + params[1].second.substr(0, 20)
                                      : params[0].first;
        BOOST_TEST_CONTEXT(shown) {
            MMX_CHECK_FAILS_WITH(call(a, kInvite, params), "BAD_PARAM");
        }
    }
    for (const auto& row : requestsOf(b)) BOOST_CHECK_NE(row.state, "pending");
    // 64 characters of three bytes each: counted as 64, not 192
    MMX_CHECK_OK(invite(a, b, repeat("好", 64)));
    BOOST_CHECK_EQUAL(requestsOf(b).at(0).remark, repeat("好", 64));
}

BOOST_AUTO_TEST_CASE(inviting_a_friend_is_conflict) {
    const auto a = api::newUser(), b = api::newUser();
    befriend(a, b);
    MMX_CHECK_FAILS_WITH(invite(a, b), "CONFLICT");
    MMX_CHECK_FAILS_WITH(invite(b, a), "CONFLICT");
}

BOOST_AUTO_TEST_CASE(only_the_invitee_can_answer_a_request) {
    const auto a = api::newUser(), b = api::newUser(), c = api::newUser();
    MMX_REQUIRE_OK(invite(a, b));
    MMX_CHECK_FAILS_WITH(call(c, kAccept, {{"friendId", id(a)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(a, kAccept, {{"friendId", id(b)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(c, kRefuse, {{"friendId", id(a)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(a, kRefuse, {{"friendId", id(b)}}), "NOT_FOUND");
    BOOST_CHECK(friendsOf(a).empty());
    BOOST_CHECK(friendsOf(c).empty());
    BOOST_CHECK_EQUAL(requestsOf(b).at(0).state, "pending");
    MMX_CHECK_FAILS_WITH(call(b, kAccept, {}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(requests_are_listed_newest_first_a_page_at_a_time) {
    const auto target = api::newUser();
    std::vector<api::TestUser> askers;
    for (int i = 0; i < 3; ++i) {
        askers.push_back(api::newUser());
        MMX_REQUIRE_OK(invite(askers.back(), target));  // same-millisecond ties go by id
    }
    const auto first = requestsOf(target, {{"offset", "0"}, {"count", "2"}});
    BOOST_REQUIRE_EQUAL(first.size(), 2u);
    BOOST_CHECK_EQUAL(first[0].userId, id(askers[2]));
    BOOST_CHECK_EQUAL(first[1].userId, id(askers[1]));
    const auto second = requestsOf(target, {{"offset", "2"}, {"count", "2"}});
    BOOST_REQUIRE_EQUAL(second.size(), 1u);
    BOOST_CHECK_EQUAL(second[0].userId, id(askers[0]));
    for (const char* count : {"0", "101", "x"}) {
        MMX_CHECK_FAILS_WITH(call(target, "/user/friend!listRequests", {{"count", count}}),
                             "BAD_PARAM");
    }
    MMX_CHECK_FAILS_WITH(call(target, "/user/friend!listRequests", {{"offset", "-1"}}),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pending_cap)

// The test stack caps waiting requests at MMX_MAX_PENDING_REQUESTS=5 (production: 100),
// passed to the suites as MMX_TEST_MAX_PENDING.
int pendingCap() {
    const char* cap = std::getenv("MMX_TEST_MAX_PENDING");
    BOOST_REQUIRE_MESSAGE(cap != nullptr, "MMX_TEST_MAX_PENDING is not set");
    return std::stoi(cap);
}

// A full queue of askers; the next one is refused until one of them is answered.
BOOST_AUTO_TEST_CASE(a_full_queue_of_waiting_requests_refuses_the_next_asker) {
    const int cap = pendingCap();
    BOOST_REQUIRE_MESSAGE(cap >= 3 && cap <= 20, "the test stack must run with a small cap");
    const auto target = api::newUser();
    std::vector<api::TestUser> askers;
    for (int i = 0; i < cap; ++i) {
        askers.push_back(api::newUser());
        MMX_REQUIRE_OK(invite(askers.back(), target));
    }
    const auto late = api::newUser();
    MMX_CHECK_FAILS_WITH(invite(late, target), "CONFLICT");
    // a repeat is not a new request: it is taken, and the queue stays full
    MMX_CHECK_OK(invite(askers[0], target, "再问一次"));
    MMX_CHECK_FAILS_WITH(invite(late, target), "CONFLICT");
    // an answered request frees its place
    MMX_REQUIRE_OK(call(target, kRefuse, {{"friendId", id(askers[2])}}));
    MMX_CHECK_OK(invite(late, target));
    const auto later = api::newUser();
    MMX_CHECK_FAILS_WITH(invite(later, target), "CONFLICT");
    // a full queue does not stop mutual consent: the target asks one who waits
    const api::Response mutual = invite(target, askers[1]);
    MMX_CHECK_OK(mutual);
    BOOST_CHECK_EQUAL(stateOf(mutual), "added");
    MMX_CHECK_OK(invite(later, target));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(friend_cap)

// The test stack caps friends at MMX_MAX_FRIENDS=10 (production: 3000), passed to the
// suites as MMX_TEST_MAX_FRIENDS, so that one user can be filled up.
int friendCap() {
    const char* cap = std::getenv("MMX_TEST_MAX_FRIENDS");
    BOOST_REQUIRE_MESSAGE(cap != nullptr, "MMX_TEST_MAX_FRIENDS is not set");
    return std::stoi(cap);
}

BOOST_AUTO_TEST_CASE(a_full_friend_list_refuses_new_friends_from_either_side) {
    const int cap = friendCap();
    BOOST_REQUIRE_MESSAGE(cap <= 20, "the test stack must run with a small MMX_MAX_FRIENDS");
    const auto me = api::newUser();
    const auto waiting = api::newUser();  // asked by me before I was full
    MMX_REQUIRE_OK(invite(me, waiting));
    std::vector<api::TestUser> friends;
    for (int i = 0; i < cap; ++i) {
        friends.push_back(api::newUser());
        befriend(me, friends.back());
    }
    BOOST_REQUIRE_EQUAL(friendsOf(me).size(), static_cast<size_t>(cap));

    // I may not ask anyone, even one who takes anyone.
    const auto open = api::newUser();
    MMX_REQUIRE_OK(call(open, kPolicy, {{"policy", "1"}}));
    const api::Response mine = invite(me, open);
    MMX_CHECK_FAILS_WITH(mine, "CONFLICT");
    BOOST_CHECK_EQUAL(mine.info(), "你的好友数量已达上限");
    // One I asked earlier cannot accept me now.
    const api::Response late = call(waiting, kAccept, {{"friendId", id(me)}});
    MMX_CHECK_FAILS_WITH(late, "CONFLICT");
    BOOST_CHECK_EQUAL(late.info(), "对方的好友数量已达上限");
    // Someone may still ask me, but I cannot accept while full.
    const auto asker = api::newUser();
    MMX_REQUIRE_OK(invite(asker, me));
    MMX_CHECK_FAILS_WITH(call(me, kAccept, {{"friendId", id(asker)}}), "CONFLICT");
    // With "anyone may add me", nobody is added past the cap either.
    MMX_REQUIRE_OK(call(me, kPolicy, {{"policy", "1"}}));
    const api::Response theirs = invite(api::newUser(), me);
    MMX_CHECK_FAILS_WITH(theirs, "CONFLICT");
    BOOST_CHECK_EQUAL(theirs.info(), "对方的好友数量已达上限");
    BOOST_CHECK_EQUAL(friendsOf(me).size(), static_cast<size_t>(cap));
    BOOST_CHECK(friendsOf(open).empty() && friendsOf(waiting).empty() && friendsOf(asker).empty());

    // A deleted friend frees a place, and it is taken at once.
    MMX_REQUIRE_OK(call(me, kDelete, {{"friendId", id(friends.front())}}));
    MMX_CHECK_OK(call(me, kAccept, {{"friendId", id(asker)}}));
    MMX_CHECK_FAILS_WITH(invite(me, open), "CONFLICT");
    BOOST_CHECK_EQUAL(friendsOf(me).size(), static_cast<size_t>(cap));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(policy)

BOOST_AUTO_TEST_CASE(the_policy_reads_with_get_and_changes_with_post) {
    const auto a = api::newUser();
    const api::Response initial = callGet(a, kPolicy);
    MMX_REQUIRE_OK(initial);
    BOOST_CHECK_EQUAL(field(*initial.data(), "policy"), "2");
    BOOST_CHECK_EQUAL(field(*initial.data(), "findByMobile"), "1");

    MMX_REQUIRE_OK(call(a, kPolicy, {{"policy", "3"}}));
    const api::Response after = callGet(a, kPolicy);
    BOOST_CHECK_EQUAL(field(*after.data(), "policy"), "3");
    const api::Response both = call(a, kPolicy, {{"findByMobile", "0"}});
    MMX_REQUIRE_OK(both);
    BOOST_CHECK_EQUAL(field(*both.data(), "policy"), "3");  // only what was sent changes
    BOOST_CHECK_EQUAL(field(*both.data(), "findByMobile"), "0");

    for (const auto& [name, value] :
         api::Params{{"policy", "0"}, {"policy", "4"}, {"policy", "x"}, {"findByMobile", "2"}}) {
        MMX_CHECK_FAILS_WITH(call(a, kPolicy, {{name, value}}), "BAD_PARAM");
    }
    MMX_CHECK_FAILS_WITH(callGet(a, kPolicy, {{"policy", "1"}}), "BAD_PARAM");
    BOOST_CHECK_EQUAL(field(*callGet(a, kPolicy).data(), "policy"), "3");
}

BOOST_AUTO_TEST_CASE(who_takes_anyone_is_added_without_confirming) {
    const auto a = api::newUser(), b = api::newUser();
    MMX_REQUIRE_OK(call(b, kPolicy, {{"policy", "1"}}));
    const api::Response r = invite(a, b, "直接加");
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(stateOf(r), "added");
    BOOST_CHECK(friendsOf(a) == std::set<std::string>{id(b)});
    BOOST_CHECK(friendsOf(b) == std::set<std::string>{id(a)});
    BOOST_CHECK_EQUAL(requestsOf(b).at(0).state, "accepted");
}

BOOST_AUTO_TEST_CASE(who_takes_nobody_refuses_every_invitation_but_may_ask_others) {
    const auto a = api::newUser(), b = api::newUser();
    MMX_REQUIRE_OK(call(b, kPolicy, {{"policy", "3"}}));
    MMX_CHECK_FAILS_WITH(invite(a, b), "FORBIDDEN");
    for (const auto& row : requestsOf(b)) BOOST_CHECK_NE(row.state, "pending");
    MMX_CHECK_OK(invite(b, a));
    // and when they asked first, the answer by invitation is their consent
    const api::Response r = invite(a, b);
    MMX_CHECK_OK(r);
    BOOST_CHECK_EQUAL(stateOf(r), "added");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(friends)

BOOST_AUTO_TEST_CASE(delete_ends_the_friendship_on_both_sides) {
    const auto a = api::newUser(), b = api::newUser(), c = api::newUser();
    befriend(a, b);
    befriend(a, c);
    MMX_REQUIRE_OK(call(b, kDelete, {{"friendId", id(a)}}));
    BOOST_CHECK(friendsOf(a) == std::set<std::string>{id(c)});
    BOOST_CHECK(friendsOf(b).empty());
    MMX_CHECK_FAILS_WITH(call(a, kRead, {{"friendId", id(b)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(a, kDelete, {{"friendId", id(b)}}), "NOT_FOUND");
    // and they may become friends again
    befriend(b, a);
    BOOST_CHECK(friendsOf(b) == std::set<std::string>{id(a)});
}

BOOST_AUTO_TEST_CASE(a_remark_is_private_counted_in_characters_and_cleared_by_empty) {
    const auto a = api::newUser(), b = api::newUser(), stranger = api::newUser();
    befriend(a, b);
    MMX_REQUIRE_OK(call(a, kRemark, {{"friendId", id(b)}, {"remark", repeat("备", 32)}}));
    const api::Response mine = call(a, kRead, {{"friendId", id(b)}});
    MMX_REQUIRE_OK(mine);
    BOOST_CHECK_EQUAL(field(*mine.data("friend"), "rmkName"), repeat("备", 32));
    const api::Response theirs = call(b, kRead, {{"friendId", id(a)}});
    BOOST_CHECK_EQUAL(field(*theirs.data("friend"), "rmkName"), "");

    MMX_CHECK_FAILS_WITH(call(a, kRemark, {{"friendId", id(b)}, {"remark", repeat("备", 33)}}),
                         "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(a, kRemark, {{"friendId", id(b)}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(a, kRemark, {{"friendId", id(stranger)}, {"remark", "陌生人"}}),
                         "NOT_FOUND");
    MMX_REQUIRE_OK(
        call(a, kRemark, {{"friendId", id(b)}, {"rmkName", "小B"}}));  // another name of remark
    BOOST_CHECK_EQUAL(field(*call(a, kRead, {{"friendId", id(b)}}).data("friend"), "rmkName"),
                      "小B");
    MMX_REQUIRE_OK(call(a, kRemark, {{"friendId", id(b)}, {"remark", ""}}));
    BOOST_CHECK_EQUAL(field(*call(a, kRead, {{"friendId", id(b)}}).data("friend"), "rmkName"), "");
}

BOOST_AUTO_TEST_CASE(reading_a_friend_shows_the_card_contacts_and_public_profile) {
    const auto a = api::newUser(), b = api::newUser(), stranger = api::newUser();
    rename(b, "小白");
    befriend(a, b);
    const api::Response r = callGet(a, kRead, {{"friendId", id(b)}});
    MMX_REQUIRE_OK(r);
    const rapidjson::Value& f = *r.data("friend");
    BOOST_CHECK_EQUAL(field(f, "frdID"), id(b));
    BOOST_CHECK_EQUAL(field(f, "nickName"), "小白");
    BOOST_CHECK_EQUAL(field(f, "mcode"), mcodeOf(b));
    BOOST_CHECK(f.HasMember("portrait") && f.HasMember("rmkName"));
    const rapidjson::Value* vo = r.data("userVO");
    BOOST_REQUIRE(vo != nullptr);
    BOOST_CHECK_EQUAL(field(*vo, "userId"), id(b));
    BOOST_CHECK_EQUAL(field(*vo, "phoneNumber"), b.mobile);  // contacts go to friends
    BOOST_CHECK_EQUAL(field(*vo, "mcode"), mcodeOf(b));
    BOOST_CHECK(!vo->HasMember("street"));  // the owner's alone
    MMX_CHECK_FAILS_WITH(call(a, kRead, {{"friendId", id(stranger)}}), "NOT_FOUND");
}

// Chinese under its pinyin's letter, Latin under its own, digits and emoji under '#';
// the remark, when set, is the name that counts.
BOOST_AUTO_TEST_CASE(the_list_groups_friends_a_to_z_then_hash_by_pinyin) {
    const auto me = api::newUser();
    const std::vector<std::string> names = {"沈阳", "张三",  "alice", "Bob",
                                            "007",  "😀笑脸", "阿里",  "zz"};
    std::map<std::string, std::string> idByName;
    for (const auto& name : names) {
        const auto u = api::newUser();
        rename(u, name);
        befriend(me, u);
        idByName[name] = id(u);
    }
    MMX_REQUIRE_OK(call(me, kRemark, {{"friendId", idByName["zz"]}, {"remark", "李四"}}));

    const api::Response r = call(me, kList);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(field(*r.data(), "total_num"), "8");
    const rapidjson::Value* groups = r.data("friends");
    BOOST_REQUIRE(groups != nullptr && groups->IsObject());
    std::vector<std::pair<std::string, std::vector<std::string>>> seen;
    for (auto it = groups->MemberBegin(); it != groups->MemberEnd(); ++it) {
        std::vector<std::string> shown;
        for (const auto& f : it->value.GetArray()) {
            const std::string remark = field(f, "rmkName");
            shown.push_back(remark.empty() ? field(f, "nickName") : remark);
        }
        seen.emplace_back(it->name.GetString(), shown);
    }
    const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
        {"A", {"阿里", "alice"}}, {"B", {"Bob"}},  {"L", {"李四"}},
        {"S", {"沈阳"}},          {"Z", {"张三"}}, {"#", {"007", "😀笑脸"}},
    };
    BOOST_REQUIRE_EQUAL(seen.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST_CONTEXT("group " << i) {
            BOOST_CHECK_EQUAL(seen[i].first, expected[i].first);
            BOOST_CHECK_EQUAL_COLLECTIONS(seen[i].second.begin(), seen[i].second.end(),
                                          expected[i].second.begin(), expected[i].second.end());
        }
    }
    const rapidjson::Value& zhang = (*groups)["Z"][0];
    BOOST_CHECK_EQUAL(field(zhang, "frdID"), idByName["张三"]);
    BOOST_CHECK(zhang.HasMember("mcode") && zhang.HasMember("portrait"));
}

BOOST_AUTO_TEST_CASE(an_empty_list_has_no_groups) {
    const auto me = api::newUser();
    const api::Response r = callGet(me, kList);
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(field(*r.data(), "total_num"), "0");
    BOOST_CHECK(r.data("friends") != nullptr && r.data("friends")->ObjectEmpty());
}

BOOST_AUTO_TEST_CASE(diff_tells_the_phone_what_to_add_and_delete_after_changes) {
    const auto a = api::newUser(), b = api::newUser(), c = api::newUser(), d = api::newUser();
    befriend(a, b);
    befriend(a, c);
    api::Response r = call(a, kDiff, {{"frdIDs", id(b)}, {"frdIDs", id(d)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(idArray(r, "addFrdIDs") == std::set<std::string>{id(c)});
    BOOST_CHECK(idArray(r, "delFrdIDs") == std::set<std::string>{id(d)});

    MMX_REQUIRE_OK(call(c, kDelete, {{"friendId", id(a)}}));
    befriend(d, a);
    r = call(a, kDiff, {{"frdIDs", id(b) + "," + id(c)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(idArray(r, "addFrdIDs") == std::set<std::string>{id(d)});
    BOOST_CHECK(idArray(r, "delFrdIDs") == std::set<std::string>{id(c)});

    r = callGet(a, kDiff, {{"frdIDs", id(b) + "," + id(d)}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK(idArray(r, "addFrdIDs").empty() && idArray(r, "delFrdIDs").empty());
    MMX_CHECK_FAILS_WITH(call(a, kDiff, {{"frdIDs", "12,abc"}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(friend_routes_need_a_session) {
    for (const auto& route : {kInvite, kList, kDiff, kRead, kBlock, kPolicy}) {
        BOOST_TEST_CONTEXT(route) {
            MMX_CHECK_FAILS_WITH(
                api::http().post(route, {}, api::clientHeader(api::uniqueClient())),
                "AUTH_REQUIRED");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(blocks)

BOOST_AUTO_TEST_CASE(blocking_ends_the_friendship_refuses_invites_and_hides_from_search) {
    const auto a = api::newUser(), b = api::newUser();
    befriend(a, b);
    MMX_REQUIRE_OK(call(b, kBlock, {{"friendId", id(a)}}));
    BOOST_CHECK(friendsOf(a).empty());
    BOOST_CHECK(friendsOf(b).empty());
    MMX_CHECK_FAILS_WITH(invite(a, b), "FORBIDDEN");
    MMX_CHECK_FAILS_WITH(call(a, "/user/user!search", {{"keyword", mcodeOf(b)}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(a, "/user/user!search", {{"keyword", b.mobile}}), "NOT_FOUND");
    // an invitation by mobile or MMX code is a search: it answers as for nobody there
    const api::Response nobody = call(a, kInvite, {{"mode", "1"}, {"phone", api::uniqueMobile()}});
    MMX_CHECK_FAILS_WITH(nobody, "NOT_FOUND");
    const api::Response byMobile = call(a, kInvite, {{"mode", "1"}, {"phone", b.mobile}});
    const api::Response byMcode = call(a, kInvite, {{"mode", "2"}, {"mcode", mcodeOf(b)}});
    MMX_CHECK_FAILS_WITH(byMobile, "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(byMcode, "NOT_FOUND");
    BOOST_CHECK_EQUAL(byMobile.body, nobody.body);
    BOOST_CHECK_EQUAL(byMcode.body, nobody.body);
    for (const auto& row : requestsOf(b)) BOOST_CHECK_NE(row.state, "pending");
    // the blocker cannot invite whom they blocked either, until they unblock
    MMX_CHECK_FAILS_WITH(invite(b, a), "FORBIDDEN");

    const api::Response list = call(b, kBlocked);
    MMX_REQUIRE_OK(list);
    const rapidjson::Value* users = list.data("users");
    BOOST_REQUIRE(users != nullptr && users->Size() == 1);
    BOOST_CHECK_EQUAL(field((*users)[0], "userID"), id(a));

    MMX_REQUIRE_OK(call(b, kUnblock, {{"friendId", id(a)}}));
    BOOST_CHECK(call(b, kBlocked).data("users")->Empty());
    MMX_CHECK_OK(call(a, "/user/user!search", {{"keyword", mcodeOf(b)}}));
    MMX_CHECK_OK(invite(a, b));
}

BOOST_AUTO_TEST_CASE(blocking_refuses_what_was_pending) {
    const auto a = api::newUser(), b = api::newUser();
    MMX_REQUIRE_OK(invite(a, b));
    MMX_REQUIRE_OK(call(b, kBlock, {{"friendId", id(a)}}));
    BOOST_CHECK_EQUAL(requestsOf(b).at(0).state, "refused");
    MMX_CHECK_FAILS_WITH(call(b, kAccept, {{"friendId", id(a)}}), "NOT_FOUND");
    BOOST_CHECK(friendsOf(b).empty());
}

BOOST_AUTO_TEST_CASE(block_parameters_are_checked) {
    const auto a = api::newUser();
    MMX_CHECK_FAILS_WITH(call(a, kBlock, {{"friendId", id(a)}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(call(a, kBlock, {{"friendId", "987654321098"}}), "NOT_FOUND");
    MMX_CHECK_FAILS_WITH(call(a, kBlock, {}), "BAD_PARAM");
    const auto b = api::newUser();
    MMX_CHECK_FAILS_WITH(call(a, kUnblock, {{"friendId", id(b)}}), "NOT_FOUND");
    MMX_REQUIRE_OK(call(a, kBlock, {{"friendId", id(b)}}));
    MMX_CHECK_OK(call(a, kBlock, {{"friendId", id(b)}}));  // twice is still one block
    BOOST_CHECK_EQUAL(call(a, kBlocked).data("users")->Size(), 1u);
}

BOOST_AUTO_TEST_CASE(the_block_list_is_paginated_newest_first) {
    const auto me = api::newUser();
    std::vector<api::TestUser> others;
    for (int i = 0; i < 3; ++i) {
        others.push_back(api::newUser());
        MMX_REQUIRE_OK(call(me, kBlock, {{"friendId", id(others.back())}}));  // ties: by id
    }
    const api::Response page = callGet(me, kBlocked, {{"offset", "1"}, {"count", "1"}});
    MMX_REQUIRE_OK(page);
    const rapidjson::Value* users = page.data("users");
    BOOST_REQUIRE(users != nullptr && users->Size() == 1);
    BOOST_CHECK_EQUAL(field((*users)[0], "userID"), id(others[1]));
}

BOOST_AUTO_TEST_SUITE_END()
