#include "core/visibility.hpp"

#include <boost/test/unit_test.hpp>

using namespace mmx;

BOOST_AUTO_TEST_SUITE(visibility)

BOOST_AUTO_TEST_CASE(each_relation_sees_exactly_its_share) {
    struct Row {
        Relation relation;
        bool found, contact, ownerFields;
    };
    const Row table[] = {
        {Relation::Self, true, true, true},
        {Relation::Friend, true, true, false},
        {Relation::Stranger, true, false, false},
        {Relation::BlockedByThem, false, false, false},
    };
    for (const Row& row : table) {
        const Visibility v = visibilityOf(row.relation);
        BOOST_TEST_CONTEXT("relation " << static_cast<int>(row.relation)) {
            BOOST_TEST(v.found == row.found);
            BOOST_TEST(v.contact == row.contact);
            BOOST_TEST(v.ownerFields == row.ownerFields);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
