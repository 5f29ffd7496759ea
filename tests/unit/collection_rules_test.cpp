// The diff of a phone's list against the server's, and who may see a user's fan shops,
// favourite goods and visits.
#include "core/collection_rules.hpp"

#include <boost/test/unit_test.hpp>
#include <vector>

using namespace mmx;

using Ids = std::vector<std::int64_t>;

BOOST_AUTO_TEST_SUITE(collection_rules)

BOOST_AUTO_TEST_CASE(diff_names_what_the_phone_lacks_and_what_it_holds_too_many_of) {
    const struct {
        Ids phone, server, added, removed;
    } cases[] = {
        {{}, {}, {}, {}},
        {{}, {3, 1}, {1, 3}, {}},
        {{2, 1}, {}, {}, {1, 2}},
        {{1, 2, 3}, {1, 2, 3}, {}, {}},
        {{5, 1, 2}, {2, 3, 4}, {3, 4}, {1, 5}},
        {{7, 7, 8}, {8, 9, 9}, {9}, {7}},  // repeats count once
    };
    for (const auto& c : cases) {
        const IdDiff diff = diffIds(c.phone, c.server);
        BOOST_TEST(diff.added == c.added, boost::test_tools::per_element());
        BOOST_TEST(diff.removed == c.removed, boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(the_owner_always_sees_a_friend_by_switch_and_nobody_else) {
    const ShareSwitches on{true, true, true};
    const ShareSwitches off{false, false, false};
    const ShareSwitches onlyFans{false, true, false};
    const struct {
        Relation relation;
        ShareSwitches switches;
        Collection collection;
        bool visible;
    } cases[] = {
        {Relation::Self, off, Collection::Favorites, true},
        {Relation::Self, off, Collection::Visits, true},
        {Relation::Friend, on, Collection::Favorites, true},
        {Relation::Friend, on, Collection::Fans, true},
        {Relation::Friend, on, Collection::Visits, true},
        {Relation::Friend, off, Collection::Favorites, false},
        {Relation::Friend, off, Collection::Fans, false},
        {Relation::Friend, off, Collection::Visits, false},
        {Relation::Friend, onlyFans, Collection::Fans, true},
        {Relation::Friend, onlyFans, Collection::Favorites, false},
        {Relation::Friend, onlyFans, Collection::Visits, false},
        {Relation::Stranger, on, Collection::Fans, false},
        {Relation::BlockedByThem, on, Collection::Fans, false},
    };
    for (const auto& c : cases) {
        BOOST_TEST(maySee(c.relation, c.switches, c.collection) == c.visible);
    }
}

BOOST_AUTO_TEST_CASE(counts_follow_the_same_switches) {
    const VisibleCounts friendOnlyVisits = visibleCounts(Relation::Friend, {false, false, true});
    BOOST_TEST(!friendOnlyVisits.favorites);
    BOOST_TEST(!friendOnlyVisits.fans);
    BOOST_TEST(friendOnlyVisits.visits);
    BOOST_TEST(friendOnlyVisits.any());
    BOOST_TEST(!visibleCounts(Relation::Friend, {false, false, false}).any());
    BOOST_TEST(!visibleCounts(Relation::Stranger, {true, true, true}).any());
    BOOST_TEST(visibleCounts(Relation::Self, {false, false, false}).any());
}

BOOST_AUTO_TEST_CASE(the_message_switch_takes_only_the_apps_two_values) {
    BOOST_CHECK(messageSwitch(0) == std::optional<bool>(false));
    BOOST_CHECK(messageSwitch(2) == std::optional<bool>(true));
    BOOST_TEST(!messageSwitch(1).has_value());
    BOOST_TEST(!messageSwitch(-1).has_value());
    BOOST_TEST(!messageSwitch(3).has_value());
}

BOOST_AUTO_TEST_CASE(the_user_api_phones_message_switch_also_takes_1_as_on) {
    const struct {
        std::int64_t sent;
        std::optional<bool> read;
    } cases[] = {
        {0, false}, {1, true}, {2, true}, {-1, std::nullopt}, {3, std::nullopt}, {10, std::nullopt},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("msgEnable=" << c.sent) {
            BOOST_CHECK(phoneMessageSwitch(c.sent) == c.read);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
