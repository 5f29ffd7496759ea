#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/config.hpp"

using namespace mmx;

namespace {

Config configWith(std::map<std::string, std::string> values) {
    values["MMX_SECRET"] = "0123456789abcdef0123";
    auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(values));
    return loadConfig([shared](const char* name) -> const char* {
        const auto found = shared->find(name);
        return found == shared->end() ? nullptr : found->second.c_str();
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_limits_config)

BOOST_AUTO_TEST_CASE(the_request_limits_default_to_production_values) {
    const Config c = configWith({});
    BOOST_TEST(c.maxParams == 1000);
    BOOST_TEST(c.maxRepeats == 500);
    BOOST_TEST(c.requestCpuSeconds == 5);
}

BOOST_AUTO_TEST_CASE(the_request_limits_are_read_and_checked) {
    const Config c = configWith(
        {{"MMX_MAX_PARAMS", "2000"}, {"MMX_MAX_REPEATS", "700"}, {"MMX_REQUEST_CPU_SECONDS", "0"}});
    BOOST_TEST(c.maxParams == 2000);
    BOOST_TEST(c.maxRepeats == 700);
    BOOST_TEST(c.requestCpuSeconds == 0);
    BOOST_CHECK_THROW(configWith({{"MMX_MAX_PARAMS", "0"}}), std::invalid_argument);
    BOOST_CHECK_THROW(configWith({{"MMX_MAX_REPEATS", "-1"}}), std::invalid_argument);
    BOOST_CHECK_THROW(configWith({{"MMX_REQUEST_CPU_SECONDS", "x"}}), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
