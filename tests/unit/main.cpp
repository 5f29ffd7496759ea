#define BOOST_TEST_MODULE mmx unit tests
#include <boost/test/unit_test.hpp>
