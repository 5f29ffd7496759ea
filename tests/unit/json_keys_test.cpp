// Keys of the response JSON are taken by length: the A-Z friend list names its groups
// with one char that is not NUL-terminated.
#include <boost/test/unit_test.hpp>
#include <string_view>

#include "fcgi/response.hpp"

BOOST_AUTO_TEST_SUITE(json_keys)

BOOST_AUTO_TEST_CASE(keys_that_are_not_nul_terminated_name_their_members) {
    mmx::Response response("成功");
    mmx::JsonObject groups = response.data().object("friends");
    const char letters[] = {'A', 'B', '#'};
    for (const char& letter : letters) {
        mmx::JsonArray group = groups.array(std::string_view(&letter, 1));
        group.addObject().set("frdID", 1);
    }
    groups.set(std::string_view("Azzz", 1), 7);  // replaces the group "A"
    BOOST_CHECK_EQUAL(response.body(),
                      R"({"success":true,"info":"成功","code":"OK","data":{"friends":)"
                      R"({"A":7,"B":[{"frdID":1}],"#":[{"frdID":1}]}}})");
}

BOOST_AUTO_TEST_SUITE_END()
