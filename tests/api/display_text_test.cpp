// Display text (a nickname, a group's name, ...) is shown to other people as it is
// stored, so what cannot be shown honestly is refused with BAD_PARAM naming the
// parameter: direction overrides that reverse what the reader sees, control
// characters, and names made only of white space or invisible characters.
#define BOOST_TEST_MODULE api_display_text
#include "api_test.hpp"
#include "chat_test_support.hpp"

namespace {

using chat::id;
using chat::post;

const std::string kUpdateUser = "/user/user!updateUser";
const std::string kReadUser = "/user/user!readUser";
const std::string kCreateGroup = "/chat/group!create";
const std::string kUpdateGroup = "/chat/group!update";
const std::string kSetGroup = "/chat/group!setingGroup";

const std::string kRightToLeftOverride = "\xE2\x80\xAE";  // U+202E
const std::string kIdeographicSpace = "\xE3\x80\x80";     // U+3000
const std::string kHangulFiller = "\xE3\x85\xA4";         // U+3164
const std::string kZeroWidthSpace = "\xE2\x80\x8B";       // U+200B

std::string nickName(const api::TestUser& u) {
    const api::Response r = post(u, kReadUser, {});
    const rapidjson::Value* user = r.data("userVO");
    BOOST_REQUIRE_MESSAGE(r.success() && user != nullptr, r.describe());
    return user->HasMember("nickName") ? api::scalarText((*user)["nickName"]) : std::string{};
}

void checkRefused(const api::Response& r, const std::string& param, const std::string& reason) {
    MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
    BOOST_CHECK_MESSAGE(r.info().find(param) != std::string::npos, r.describe());
    BOOST_CHECK_MESSAGE(r.info().find(reason) != std::string::npos, r.describe());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(nicknames)

BOOST_AUTO_TEST_CASE(a_nickname_with_a_right_to_left_override_is_refused_and_changes_nothing) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(post(u, kUpdateUser, {{"userExtendVO.nickName", "小王"}}));
    checkRefused(
        post(u, kUpdateUser, {{"userExtendVO.nickName", "王" + kRightToLeftOverride + "gpj.exe"}}),
        "nickName", "文字方向");
    BOOST_CHECK_EQUAL(nickName(u), "小王");
}

BOOST_AUTO_TEST_CASE(a_nickname_of_only_invisible_characters_is_refused) {
    const api::TestUser u = api::newUser();
    for (const std::string& blank : {kIdeographicSpace, kHangulFiller + kHangulFiller,
                                     kZeroWidthSpace, kIdeographicSpace + kZeroWidthSpace}) {
        checkRefused(post(u, kUpdateUser, {{"userExtendVO.nickName", blank}}), "nickName",
                     "不可见");
    }
    checkRefused(post(u, kUpdateUser, {{"userExtendVO.nickName", "a\xC2\x85"}}), "nickName",
                 "控制字符");  // U+0085, a C1 control
}

BOOST_AUTO_TEST_CASE(a_nickname_with_visible_characters_among_spaces_is_kept) {
    const api::TestUser u = api::newUser();
    const std::string name = kIdeographicSpace + "小王" + kIdeographicSpace + "😀";
    MMX_REQUIRE_OK(post(u, kUpdateUser, {{"userExtendVO.nickName", name}}));
    BOOST_CHECK_EQUAL(nickName(u), name);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(group_names)

BOOST_AUTO_TEST_CASE(a_group_name_with_a_direction_override_or_only_blanks_is_refused) {
    const api::TestUser owner = api::newUser();
    BOOST_REQUIRE(api::setSiteRole(owner.mobile, "admin"));
    checkRefused(post(owner, kCreateGroup, {{"groupName", kRightToLeftOverride + "群聊"}}),
                 "groupName", "文字方向");
    checkRefused(post(owner, kCreateGroup, {{"groupName", kIdeographicSpace}}), "groupName",
                 "不可见");
    const api::Response created =
        post(owner, kCreateGroup, {{"groupName", "周末爬山" + api::uniqueClient().substr(0, 12)}});
    MMX_REQUIRE_OK(created);
    const std::string groupId = api::scalarText(*created.data("groupId"));
    checkRefused(post(owner, kUpdateGroup, {{"groupId", groupId}, {"groupName", kHangulFiller}}),
                 "groupName", "不可见");
    checkRefused(post(owner, kUpdateGroup,
                      {{"groupId", groupId},
                       {"groupName",
                        "群\xE2\x81\xA6"
                        "abc"}}),  // U+2066
                 "groupName", "文字方向");
    MMX_CHECK_OK(post(
        owner, kUpdateGroup,
        {{"groupId", groupId}, {"groupName", "周日爬山" + api::uniqueClient().substr(0, 12)}}));
    // A member's name in the group is display text too.
    checkRefused(post(owner, kSetGroup, {{"groupId", groupId}, {"showName", kIdeographicSpace}}),
                 "showName", "不可见");
    MMX_CHECK_OK(post(owner, kSetGroup, {{"groupId", groupId}, {"showName", "领队"}}));
}

BOOST_AUTO_TEST_SUITE_END()
