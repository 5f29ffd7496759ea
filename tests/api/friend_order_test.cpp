// /user/friend!list reads its order from keys stored when a name changes: a friend's
// new nickname, a remark set or cleared, each moves the friend to where the A-Z list
// puts the name now shown, and pages cut that one order.
#define BOOST_TEST_MODULE api_friend_order
#include <string>
#include <vector>

#include "friend_helpers.hpp"

using namespace friendtest;

namespace {

const std::string kList = "/user/friend!list";
const std::string kRemark = "/user/friend!updateRemark";

struct Listed {
    std::string group, name, id;
    bool operator==(const Listed&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Listed& l) {
    return out << l.group << ":" << l.name << "#" << l.id;
}

// The list as the phone shows it: groups in their order, each friend's shown name.
std::vector<Listed> listOf(const api::TestUser& me, const api::Params& page = {}) {
    const api::Response r = call(me, kList, page);
    MMX_REQUIRE_OK(r);
    const rapidjson::Value* groups = r.data("friends");
    BOOST_REQUIRE(groups != nullptr && groups->IsObject());
    std::vector<Listed> listed;
    for (auto it = groups->MemberBegin(); it != groups->MemberEnd(); ++it) {
        for (const auto& f : it->value.GetArray()) {
            const std::string remark = field(f, "rmkName");
            listed.push_back(Listed{it->name.GetString(),
                                    remark.empty() ? field(f, "nickName") : remark,
                                    field(f, "frdID")});
        }
    }
    return listed;
}

std::vector<std::string> namesOf(const std::vector<Listed>& listed) {
    std::vector<std::string> names;
    for (const auto& l : listed) names.push_back(l.group + ":" + l.name);
    return names;
}

api::TestUser friendNamed(const api::TestUser& me, const std::string& name) {
    const auto u = api::newUser();
    rename(u, name);
    befriend(me, u);
    return u;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stored_order)

BOOST_AUTO_TEST_CASE(a_friend_who_changes_nickname_moves_in_every_list_that_shows_it) {
    const auto me = api::newUser(), other = api::newUser();
    const auto zhang = friendNamed(me, "张三");
    befriend(other, zhang);
    friendNamed(me, "李白");
    friendNamed(other, "李白");
    MMX_REQUIRE_OK(call(other, kRemark, {{"friendId", id(zhang)}, {"remark", "老张"}}));
    BOOST_TEST((namesOf(listOf(me)) == std::vector<std::string>{"L:李白", "Z:张三"}));

    rename(zhang, "阿三");
    BOOST_TEST((namesOf(listOf(me)) == std::vector<std::string>{"A:阿三", "L:李白"}));
    // Where a remark names them, the remark still decides.
    BOOST_TEST((namesOf(listOf(other)) == std::vector<std::string>{"L:老张", "L:李白"}));

    rename(zhang, "123");
    BOOST_TEST((namesOf(listOf(me)) == std::vector<std::string>{"L:李白", "#:123"}));
}

BOOST_AUTO_TEST_CASE(a_remark_set_and_cleared_moves_the_friend_there_and_back) {
    const auto me = api::newUser();
    const auto bob = friendNamed(me, "Bob");
    friendNamed(me, "沈阳");
    friendNamed(me, "阿里");
    BOOST_TEST((namesOf(listOf(me)) == std::vector<std::string>{"A:阿里", "B:Bob", "S:沈阳"}));

    MMX_REQUIRE_OK(call(me, kRemark, {{"friendId", id(bob)}, {"remark", "周瑜"}}));
    BOOST_TEST((namesOf(listOf(me)) == std::vector<std::string>{"A:阿里", "S:沈阳", "Z:周瑜"}));

    // The nickname changing under a remark changes nothing in this list ...
    rename(bob, "Aaron");
    BOOST_TEST((namesOf(listOf(me)) == std::vector<std::string>{"A:阿里", "S:沈阳", "Z:周瑜"}));
    // ... until the remark goes: then the friend sorts by the nickname of now.
    MMX_REQUIRE_OK(call(me, kRemark, {{"friendId", id(bob)}, {"remark", ""}}));
    BOOST_TEST((namesOf(listOf(me)) == std::vector<std::string>{"A:阿里", "A:Aaron", "S:沈阳"}));
}

BOOST_AUTO_TEST_CASE(equal_names_keep_id_order_and_pages_cut_the_one_order) {
    const auto me = api::newUser();
    std::vector<std::string> ids;
    for (const char* name : {"王五", "王五", "alice", "王五", "😀"})
        ids.push_back(id(friendNamed(me, name)));
    const auto whole = listOf(me, {{"count", "50"}});
    BOOST_REQUIRE_EQUAL(whole.size(), 5U);
    const std::vector<Listed> expected = {
        {"A", "alice", ids[2]}, {"W", "王五", ids[0]}, {"W", "王五", ids[1]},
        {"W", "王五", ids[3]},  {"#", "😀", ids[4]},
    };
    BOOST_TEST(whole == expected, boost::test_tools::per_element());
    std::vector<Listed> paged;
    for (const char* offset : {"0", "2", "4"}) {
        const auto page = listOf(me, {{"offset", offset}, {"count", "2"}});
        paged.insert(paged.end(), page.begin(), page.end());
    }
    BOOST_TEST(paged == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_total_follows_friendships_made_and_ended) {
    const auto me = api::newUser();
    const auto a = friendNamed(me, "甲"), b = friendNamed(me, "乙");
    auto total = [&] {
        const api::Response r = call(me, kList);
        MMX_REQUIRE_OK(r);
        return field(*r.data(), "total_num");
    };
    BOOST_TEST(total() == "2");
    MMX_REQUIRE_OK(call(me, "/user/friend!delete", {{"friendId", id(a)}}));
    BOOST_TEST(total() == "1");
    MMX_CHECK_FAILS_WITH(call(me, "/user/friend!delete", {{"friendId", id(a)}}), "NOT_FOUND");
    BOOST_TEST(total() == "1");
    MMX_REQUIRE_OK(call(b, "/user/friend!block", {{"friendId", id(me)}}));
    BOOST_TEST(total() == "0");
}

BOOST_AUTO_TEST_SUITE_END()
