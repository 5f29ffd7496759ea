// The action phone's translation tables: which `mess` tells each refusal, and which house
// field each data_type name is.
#include <boost/test/unit_test.hpp>

#include "dialects/actions/answers.hpp"
#include "dialects/actions/fields.hpp"

using namespace mmx;
using namespace mmx::dialects::actions;

BOOST_AUTO_TEST_SUITE(actions_dialect)

BOOST_AUTO_TEST_CASE(each_refusal_is_told_with_the_phones_line_for_its_action) {
    struct Case {
        Action action;
        ErrorCode code;
        std::string_view mess;
    };
    const Case cases[] = {
        {Action::Login, ErrorCode::BadCredentials, "password error"},
        {Action::Login, ErrorCode::BadParam, "id error"},
        {Action::Login, ErrorCode::Forbidden, "account disabled"},
        {Action::Login, ErrorCode::RateLimited, "too many requests"},
        {Action::Logon, ErrorCode::BadParam, "username format error"},
        {Action::Logon, ErrorCode::Conflict, "username exists"},
        {Action::Logon, ErrorCode::Forbidden, "registration closed"},
        {Action::Logon, ErrorCode::RateLimited, "too many requests"},
        {Action::Logon, ErrorCode::ServerError, "create user fail"},
        {Action::Update, ErrorCode::Conflict, "old data error"},
        {Action::Update, ErrorCode::BadParam, "data format error"},
        {Action::Update, ErrorCode::Forbidden, "id error"},
        {Action::Update, ErrorCode::AuthRequired, "session missing"},
        {Action::Update, ErrorCode::TokenInvalid, "session invalid"},
        {Action::Update, ErrorCode::TokenExpired, "session expired"},
        {Action::Update, ErrorCode::ServerError, "server error"},
        {Action::GetMessage, ErrorCode::NotFound, "id error"},
        {Action::GetMessage, ErrorCode::BadParam, "data format error"},
        {Action::GetMessage, ErrorCode::AuthRequired, "session missing"},
        {Action::GetMessage, ErrorCode::ServerError, "get data false"},
        {Action::Unknown, ErrorCode::BadParam, "unknown action"},
    };
    for (const Case& c : cases) BOOST_TEST(messFor(c.action, c.code) == c.mess);
    BOOST_TEST(faultMessFor(Action::Logon) == "create user fail");
    BOOST_TEST(faultMessFor(Action::GetMessage) == "get data false");
    BOOST_TEST(faultMessFor(Action::Update) == "server error");
    BOOST_TEST(faultMessFor(Action::Login) == "server error");
}

BOOST_AUTO_TEST_CASE(only_the_four_actions_are_known_and_exactly_as_spelt) {
    BOOST_TEST((actionNamed("Login") == Action::Login));
    BOOST_TEST((actionNamed("Logon") == Action::Logon));
    BOOST_TEST((actionNamed("Update") == Action::Update));
    BOOST_TEST((actionNamed("GetMessage") == Action::GetMessage));
    for (const std::string_view other : {"", "login", "Logout", "GetMessages"}) {
        BOOST_TEST((actionNamed(other) == Action::Unknown));
    }
}

BOOST_AUTO_TEST_CASE(the_field_names_are_the_houses_profile_fields) {
    struct Case {
        std::string_view name;
        FieldKind kind;
        db::ProfileField field;
    };
    const Case cases[] = {
        {"nickname", FieldKind::Profile, db::ProfileField::NickName},
        {"gender", FieldKind::Profile, db::ProfileField::Sex},
        {"sex", FieldKind::Profile, db::ProfileField::Sex},
        {"city", FieldKind::Profile, db::ProfileField::City},
        {"street", FieldKind::Profile, db::ProfileField::Street},
        {"signature", FieldKind::Profile, db::ProfileField::Signature},
        {"portrait", FieldKind::Profile, db::ProfileField::UserPhoto},
    };
    for (const Case& c : cases) {
        const auto found = phoneField(c.name);
        BOOST_REQUIRE(found.has_value());
        BOOST_TEST((found->kind == c.kind));
        BOOST_TEST((found->field == c.field));
    }
    BOOST_TEST((phoneField("id")->kind == FieldKind::UserId));
    BOOST_TEST((phoneField("username")->kind == FieldKind::UserName));
    for (const std::string_view unknown : {"", "Nickname", "nickName", "password", "mobile"}) {
        BOOST_TEST(!phoneField(unknown).has_value());
    }
}

BOOST_AUTO_TEST_SUITE_END()
