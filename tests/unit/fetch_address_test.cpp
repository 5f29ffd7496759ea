#include "core/fetch_address.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <ostream>
#include <string>

#include "core/config.hpp"
#include "core/user_name.hpp"

using namespace mmx;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(fetch_address)

const char* const kRefused[] = {
    "127.0.0.1",
    "127.0.0.2",
    "127.255.255.254",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "100.127.255.255",
    "169.254.169.254",
    "169.254.0.1",
    "0.0.0.0",
    "0.1.2.3",
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "240.0.0.1",
    "192.0.2.10",
    "198.18.0.1",
    "::",
    "::1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fe80::1%eth0",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:192.168.0.1",
    "::127.0.0.1",
    "::ffff:7f00:1",
    "64:ff9b::a9fe:a9fe",
    "2002:7f00:1::",
    "2001:db8::1",
    "",
    "localhost",
    "example.com",
    "1.2.3",
    "0x7f.0.0.1",
    "017700000001",
    "127.1",
    "1.2.3.4.5",
};

const char* const kAllowed[] = {
    "1.1.1.1",          "8.8.8.8",      "100.63.255.255",       "100.128.0.1",
    "172.15.255.255",   "172.32.0.1",   "192.167.1.1",          "169.253.1.1",
    "223.5.5.5",        "2400:3200::1", "2606:4700:4700::1111", "::ffff:8.8.8.8",
    "64:ff9b::808:808",
};

BOOST_DATA_TEST_CASE(addresses_inside_the_network_are_refused, data::make(kRefused), address) {
    BOOST_TEST(!isPublicFetchAddress(address), address);
}

BOOST_DATA_TEST_CASE(public_addresses_may_be_fetched, data::make(kAllowed), address) {
    BOOST_TEST(isPublicFetchAddress(address), address);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(user_name)

const char* const kGoodNames[] = {"abcd", "Tom_2024", "a_b_c_d_e_f_g_h_i_j_", "___x", "12ab"};
const char* const kBadNames[] = {"abc",        "a_b_c_d_e_f_g_h_i_j_k",
                                 "tom cat",    "tom-cat",
                                 "张三丰丰",   "12345678",
                                 "tom@x",      "",
                                 "13800000000"};

BOOST_DATA_TEST_CASE(well_formed_user_names_are_taken, data::make(kGoodNames), name) {
    BOOST_TEST(!userNameProblem(name).has_value(), name);
}

BOOST_DATA_TEST_CASE(malformed_user_names_are_refused, data::make(kBadNames), name) {
    BOOST_TEST(userNameProblem(name).has_value(), name);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fetch_allowed_hosts)

BOOST_AUTO_TEST_CASE(allowed_hosts_are_empty_by_default_and_read_comma_separated) {
    const auto config = [](const char* hosts) {
        return loadConfig([hosts](const char* name) -> const char* {
            if (std::string_view(name) == "MMX_SECRET") return "0123456789abcdef0123";
            if (std::string_view(name) == "MMX_FETCH_ALLOWED_HOSTS") return hosts;
            return nullptr;
        });
    };
    BOOST_TEST(config(nullptr).fetchAllowedHosts.empty());
    BOOST_TEST(config("").fetchAllowedHosts.empty());
    const auto hosts = config("127.0.0.1,,img.example.com").fetchAllowedHosts;
    BOOST_TEST(hosts == (std::vector<std::string>{"127.0.0.1", "img.example.com"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
