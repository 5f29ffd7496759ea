#include "core/address_rules.hpp"

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(address_rules)

BOOST_AUTO_TEST_CASE(a_postcode_is_exactly_six_ascii_digits) {
    const struct {
        const char* text;
        bool valid;
    } cases[] = {{"518000", true},  {"000000", true},   {"51800", false}, {"5180000", false},
                 {"51800a", false}, {" 51800", false},  {"", false},      {"５１８０００", false},
                 {"518-00", false}, {"518000\n", false}};
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT(c.text) {
            BOOST_CHECK_EQUAL(mmx::isPostcode(c.text), c.valid);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
