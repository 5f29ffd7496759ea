#define BOOST_TEST_MODULE mmx repository tests
#include <boost/test/unit_test.hpp>
