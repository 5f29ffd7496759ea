// The invitation and acceptance rules, caps included: the API tests reach the
// 100-pending cap for real, the 3000-friend cap is proven here.
#include "core/friend_rules.hpp"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <set>
#include <string>

#include "core/mcode.hpp"
#include "core/qr_card.hpp"

using namespace mmx;

namespace {

const FriendLimits kProduction{3000, 100};

}  // namespace

BOOST_AUTO_TEST_SUITE(friend_rules)

BOOST_AUTO_TEST_CASE(a_plain_invitation_is_sent_and_a_repeat_refreshes_it) {
    InviteFacts f;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::Send);
    f.iAskedBefore = true;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::Refresh);
}

BOOST_AUTO_TEST_CASE(their_pending_request_or_open_policy_makes_friends_at_once) {
    InviteFacts f;
    f.theyAskedMe = true;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::AddNow);
    f.theirPolicy = FriendPolicy::Nobody;  // they asked before closing the door
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::AddNow);
    InviteFacts open;
    open.theirPolicy = FriendPolicy::Anyone;
    BOOST_CHECK(decideInvite(open, kProduction) == InviteOutcome::AddNow);
}

BOOST_AUTO_TEST_CASE(blocks_friendship_and_closed_policy_refuse) {
    InviteFacts f;
    f.theyBlockedMe = true;
    f.theyAskedMe = true;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::BlockedByThem);
    f.foundByLookup = true;  // by mobile or MMX code: hidden, as search hides them
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::HiddenByBlock);
    InviteFacts mine;
    mine.iBlockedThem = true;
    BOOST_CHECK(decideInvite(mine, kProduction) == InviteOutcome::TheyAreBlocked);
    InviteFacts friends;
    friends.alreadyFriends = true;
    BOOST_CHECK(decideInvite(friends, kProduction) == InviteOutcome::AlreadyFriends);
    InviteFacts closed;
    closed.theirPolicy = FriendPolicy::Nobody;
    BOOST_CHECK(decideInvite(closed, kProduction) == InviteOutcome::TheyTakeNobody);
}

BOOST_AUTO_TEST_CASE(the_3000_friend_cap_holds_for_both_sides) {
    InviteFacts f;
    f.myFriends = 2999;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::Send);
    f.myFriends = 3000;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::MyFriendsFull);
    InviteFacts theirs;
    theirs.theyAskedMe = true;
    theirs.theirFriends = 3000;
    BOOST_CHECK(decideInvite(theirs, kProduction) == InviteOutcome::TheirFriendsFull);
    theirs.theirFriends = 2999;
    BOOST_CHECK(decideInvite(theirs, kProduction) == InviteOutcome::AddNow);

    BOOST_CHECK(decideAccept(2999, 2999, kProduction) == AcceptOutcome::Add);
    BOOST_CHECK(decideAccept(3000, 0, kProduction) == AcceptOutcome::MyFriendsFull);
    BOOST_CHECK(decideAccept(0, 3000, kProduction) == AcceptOutcome::TheirFriendsFull);
}

BOOST_AUTO_TEST_CASE(the_100_pending_cap_refuses_new_requests_but_not_repeats) {
    InviteFacts f;
    f.theirPendingIncoming = 99;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::Send);
    f.theirPendingIncoming = 100;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::TheirRequestsFull);
    f.iAskedBefore = true;
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::Refresh);
    f.iAskedBefore = false;
    f.theyAskedMe = true;  // a full queue does not stop mutual consent
    BOOST_CHECK(decideInvite(f, kProduction) == InviteOutcome::AddNow);
}

BOOST_AUTO_TEST_CASE(caps_follow_the_configured_limits) {
    InviteFacts f;
    f.theirPendingIncoming = 2;
    BOOST_CHECK(decideInvite(f, FriendLimits{5, 2}) == InviteOutcome::TheirRequestsFull);
    f.theirPendingIncoming = 0;
    f.myFriends = 5;
    BOOST_CHECK(decideInvite(f, FriendLimits{5, 2}) == InviteOutcome::MyFriendsFull);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(mcode)

BOOST_AUTO_TEST_CASE(codes_are_8_to_10_digits_and_grow_after_clashes) {
    BOOST_CHECK_EQUAL(mcodeDigitsForAttempt(1), 8);
    BOOST_CHECK_EQUAL(mcodeDigitsForAttempt(3), 8);
    BOOST_CHECK_EQUAL(mcodeDigitsForAttempt(4), 9);
    BOOST_CHECK_EQUAL(mcodeDigitsForAttempt(kMcodeAttempts), 10);
    BOOST_CHECK_EQUAL(mcodeDigitsForAttempt(100), 10);
    for (int digits = kMcodeMinDigits; digits <= kMcodeMaxDigits; ++digits) {
        for (int i = 0; i < 200; ++i) {
            const std::string code = randomMcode(digits);
            BOOST_REQUIRE_EQUAL(code.size(), static_cast<std::size_t>(digits));
            BOOST_REQUIRE(isMcode(code));
        }
    }
}

BOOST_AUTO_TEST_CASE(random_codes_are_not_sequential) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) seen.insert(randomMcode(8));
    BOOST_CHECK_GT(seen.size(), 45u);
    const long long a = std::stoll(randomMcode(8));
    const long long b = std::stoll(randomMcode(8));
    BOOST_CHECK_NE(std::llabs(a - b), 1);
}

BOOST_AUTO_TEST_CASE(is_mcode_rejects_what_is_not_one) {
    for (const char* bad :
         {"", "1234567", "12345678901", "01234567", "1234567a", "１２３４５６７８"}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_CHECK(!isMcode(bad));
        }
    }
    BOOST_CHECK(isMcode("12345678"));
    BOOST_CHECK(isMcode("9876543210"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(qr_card)

BOOST_AUTO_TEST_CASE(the_card_is_a_square_png_of_the_mmx_user_uri) {
    BOOST_CHECK_EQUAL(qrCardText("12345678"), "mmx://user/12345678");
    const std::string png = qrPng(qrCardText("12345678"));
    BOOST_REQUIRE_GT(png.size(), 33u);
    BOOST_CHECK_EQUAL(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    BOOST_CHECK_EQUAL(png.substr(12, 4), "IHDR");
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(png[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(png[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(png[at + 3]));
    };
    const unsigned width = be32(16);
    BOOST_CHECK_EQUAL(width, be32(20));
    // Version 1 or 2 (21 or 25 modules) plus the quiet zone, 8 pixels a module.
    BOOST_CHECK(width == (21 + 8) * 8 || width == (25 + 8) * 8);
}

BOOST_AUTO_TEST_SUITE_END()
