#include "core/chat_rules.hpp"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace mmx;

namespace {
constexpr std::int64_t kWindow = 120 * 1000;
const std::string kBase = "http://127.0.0.1:8080";
}  // namespace

BOOST_AUTO_TEST_SUITE(chat_rules)

BOOST_AUTO_TEST_CASE(a_user_conversation_has_one_id_from_both_sides) {
    BOOST_TEST(userConversationId(100002, 100001) == "u100001_100002");
    BOOST_TEST(userConversationId(100001, 100002) == "u100001_100002");
    BOOST_TEST(groupConversationId(12) == "g12");
}

BOOST_AUTO_TEST_CASE(conversation_ids_parse_back) {
    const auto user = parseConversationId("u100001_100002");
    BOOST_REQUIRE(user.has_value());
    BOOST_TEST((user->kind == ConversationRef::Kind::User));
    BOOST_TEST(user->first == 100001);
    BOOST_TEST(user->second == 100002);
    const auto group = parseConversationId("g12");
    BOOST_REQUIRE(group.has_value());
    BOOST_TEST((group->kind == ConversationRef::Kind::Group));
    BOOST_TEST(group->first == 12);
}

BOOST_AUTO_TEST_CASE(only_canonical_conversation_ids_parse) {
    for (const char* bad : {"", "u", "g", "g0", "g012", "g-1", "g1x", "u2_1", "u1_1", "u1_", "u_2",
                            "u01_2", "x1_2", "u1_2_3", "g 1", "U1_2"}) {
        BOOST_TEST(!parseConversationId(bad), bad);
    }
}

BOOST_AUTO_TEST_CASE(message_types_are_text_voice_and_image) {
    BOOST_TEST((parseMessageType("text") == MessageType::Text));
    BOOST_TEST((parseMessageType("voice") == MessageType::Voice));
    BOOST_TEST((parseMessageType("image") == MessageType::Image));
    BOOST_TEST(!parseMessageType("video"));
    BOOST_TEST(!parseMessageType("TEXT"));
    BOOST_TEST(messageTypeName(MessageType::Voice) == "voice");
}

BOOST_AUTO_TEST_CASE(text_up_to_twelve_kilobytes_with_line_breaks_is_fine) {
    BOOST_TEST(!chatTextProblem("哈哈"));
    BOOST_TEST(!chatTextProblem("第一行\n第二行\r\n\t缩进"));
    BOOST_TEST(!chatTextProblem(std::string(12 * 1024, 'a')));
    BOOST_TEST(!chatTextProblem("😀"));
}

BOOST_AUTO_TEST_CASE(text_that_is_too_long_empty_or_malformed_is_refused) {
    BOOST_TEST(chatTextProblem(std::string(12 * 1024 + 1, 'a')).has_value());
    std::string chinese;
    while (chinese.size() <= 12 * 1024) chinese += "汉";  // 3 bytes each: counted in bytes
    BOOST_TEST(chatTextProblem(chinese).has_value());
    BOOST_TEST(chatTextProblem("").has_value());
    BOOST_TEST(chatTextProblem(" \n\t ").has_value());
    BOOST_TEST(chatTextProblem("a\x01"
                               "b")
                   .has_value());
    BOOST_TEST(chatTextProblem("\x7f").has_value());
    BOOST_TEST(chatTextProblem("\xC0\xAF").has_value());
}

BOOST_AUTO_TEST_CASE(client_msg_ids_are_short_plain_keys) {
    BOOST_TEST(isValidClientMsgId("a1b2-c3_d4.e5:f6"));
    BOOST_TEST(isValidClientMsgId(std::string(64, 'x')));
    BOOST_TEST(!isValidClientMsgId(std::string(65, 'x')));
    BOOST_TEST(!isValidClientMsgId(""));
    BOOST_TEST(!isValidClientMsgId("has space"));
    BOOST_TEST(!isValidClientMsgId("汉字"));
}

BOOST_AUTO_TEST_CASE(sender_recalls_within_the_window_only) {
    RecallCase c{true, false, 1'000'000, 1'000'000 + kWindow, kWindow};
    BOOST_TEST((recallVerdict(c) == RecallVerdict::Allowed));
    c.nowMs += 1;
    BOOST_TEST((recallVerdict(c) == RecallVerdict::WindowPassed));
}

BOOST_AUTO_TEST_CASE(group_owner_or_admin_recalls_at_any_time) {
    const RecallCase manager{false, true, 0, 365LL * 24 * 3600 * 1000, kWindow};
    BOOST_TEST((recallVerdict(manager) == RecallVerdict::Allowed));
    const RecallCase managingSender{true, true, 0, 10 * kWindow, kWindow};
    BOOST_TEST((recallVerdict(managingSender) == RecallVerdict::Allowed));
}

BOOST_AUTO_TEST_CASE(anyone_else_never_recalls) {
    const RecallCase other{false, false, 1000, 1000, kWindow};
    BOOST_TEST((recallVerdict(other) == RecallVerdict::NotAllowed));
}

BOOST_AUTO_TEST_CASE(uploads_land_in_the_folder_of_their_month) {
    BOOST_TEST(mediaMonthFolder(0) == "197001");
    BOOST_TEST(mediaMonthFolder(1'763'719'200'000) == "202511");  // 2025-11-21 UTC
    BOOST_TEST(mediaMonthFolder(1'767'225'599'000) == "202512");  // 2025-12-31 23:59:59 UTC
}

BOOST_AUTO_TEST_CASE(our_own_chat_media_urls_are_recognised) {
    BOOST_TEST(chatMediaPath(kBase + "/upload/chat/202511/100001_ab12.png", kBase).value_or("") ==
               "202511/100001_ab12.png");
    BOOST_TEST(isChatImageExtension("202511/a.gif"));
    BOOST_TEST(isChatVoiceExtension("202511/a.amr"));
    BOOST_TEST(!isChatVoiceExtension("202511/a.png"));
}

BOOST_AUTO_TEST_CASE(other_urls_are_not_chat_media) {
    for (const std::string& bad :
         {std::string("http://evil.example/upload/chat/202511/a.png"),
          kBase + "/upload/chat/202511/../secret.png", kBase + "/upload/chat/202511/.hidden.png",
          kBase + "/upload/chat/2025-1/a.png", kBase + "/upload/chat/202511/a.exe",
          kBase + "/upload/chat/202511/a.png.html", kBase + "/upload/chat/202511/sub/a.png",
          kBase + "/upload/images/userPhoto/a.png", kBase + "/upload/chat/202511/a b.png",
          kBase + "/upload/chat/202511/", kBase + "/upload/chat/202511/a"}) {
        BOOST_TEST(!chatMediaPath(bad, kBase), bad);
    }
}

BOOST_AUTO_TEST_SUITE_END()
