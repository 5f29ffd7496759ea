#include <boost/test/unit_test.hpp>

#include "dialects/dialect.hpp"

using mmx::dialects::pathFits;
using Captured = std::vector<std::pair<std::string, std::string>>;

BOOST_AUTO_TEST_SUITE(dialect_paths)

BOOST_AUTO_TEST_CASE(an_exact_path_fits_itself_alone) {
    Captured captured;
    BOOST_TEST(pathFits("/user/login", "/user/login", captured));
    BOOST_TEST(captured.empty());
    BOOST_TEST(!pathFits("/user/login", "/user/login/", captured));
    BOOST_TEST(!pathFits("/user/login", "/user", captured));
    BOOST_TEST(!pathFits("/user", "/user/login", captured));
    BOOST_TEST(!pathFits("/user/login", "user/login", captured));
}

BOOST_AUTO_TEST_CASE(a_named_segment_takes_one_segment_and_names_its_text) {
    Captured captured;
    BOOST_TEST(pathFits("/userweb/{uid}/friends", "/userweb/10040/friends", captured));
    BOOST_TEST((captured == Captured{{"uid", "10040"}}));
    BOOST_TEST(pathFits("/userweb/shopgoods/{sids}", "/userweb/shopgoods/1, 2, 3", captured));
    BOOST_TEST((captured == Captured{{"sids", "1, 2, 3"}}));
    BOOST_TEST(pathFits("/a/{x}/b/{y}", "/a/1/b/2", captured));
    BOOST_TEST((captured == Captured{{"x", "1"}, {"y", "2"}}));
}

BOOST_AUTO_TEST_CASE(a_named_segment_takes_neither_an_empty_segment_nor_two) {
    Captured captured;
    BOOST_TEST(!pathFits("/userweb/{uid}/friends", "/userweb//friends", captured));
    BOOST_TEST(!pathFits("/userweb/{uid}/friends", "/userweb/1/2/friends", captured));
    BOOST_TEST(!pathFits("/userweb/activity/{id}", "/userweb/activity/", captured));
    BOOST_TEST(!pathFits("/userweb/activity/{id}", "/userweb/activity", captured));
    BOOST_TEST(!pathFits("/userweb/activity/{id}", "/userweb/activity/1/more", captured));
}

BOOST_AUTO_TEST_SUITE_END()
