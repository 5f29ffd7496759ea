// Reading and updating a profile: readUser (self in full, others' public fields)
// and updateUser (only the fields sent change; a bad value changes nothing).
#define BOOST_TEST_MODULE api_profile
#include <map>

#include "api_test.hpp"

namespace {

const std::string kReadUser = "/user/user!readUser";
const std::string kUpdateUser = "/user/user!updateUser";

using Profile = std::map<std::string, std::string>;

std::string repeat(const std::string& s, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) out += s;
    return out;
}

Profile profileOf(const api::Response& r) {
    const rapidjson::Value* user = r.data("userVO");
    BOOST_REQUIRE_MESSAGE(r.success() && user != nullptr && user->IsObject(), r.describe());
    Profile p;
    for (auto it = user->MemberBegin(); it != user->MemberEnd(); ++it) {
        p[it->name.GetString()] = api::scalarText(it->value);
    }
    return p;
}

Profile readSelf(const api::Session& s) {
    return profileOf(api::http().post(kReadUser, {}, api::authHeaders(s)));
}

api::Response update(const api::Session& s, const api::Params& params) {
    return api::http().post(kUpdateUser, params, api::authHeaders(s));
}

// A full, valid profile; the key is the parameter, the short name is the userVO field.
const api::Params kFullUpdate = {
    {"userVO.sex", "2"},
    {"userExtendVO.age", "28"},
    {"userExtendVO.country", "001"},
    {"userExtendVO.province", "44"},
    {"userExtendVO.city", "4403"},
    {"userExtendVO.district", "440304"},
    {"userExtendVO.street", "福华一路10001号"},
    {"userExtendVO.company", "汇梦互联网有限公司"},
    {"userExtendVO.occupation", "互联网/电子商务"},
    {"userExtendVO.role", "高级软件工程师"},
    {"userExtendVO.degrees", "本科"},
    {"userExtendVO.school", "深圳大学"},
    {"userExtendVO.nickName", "彪彪小王子"},
    {"userExtendVO.signature", "这里是个性签名"},
};

std::string fieldOf(const std::string& param) {
    return param.substr(param.find('.') + 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(read_user)

BOOST_AUTO_TEST_CASE(read_self_returns_the_full_profile_with_phone_and_street) {
    const api::TestUser u = api::newUser();
    const Profile p = readSelf(u.session);
    for (const char* field : {"userId", "sex", "age", "phoneNumber", "country", "province", "city",
                              "district", "street", "company", "occupation", "role", "degrees",
                              "school", "nickName", "userPhoto", "signature"}) {
        BOOST_CHECK_MESSAGE(p.count(field) == 1, "own userVO lacks " << field);
    }
    BOOST_CHECK_EQUAL(p.at("userId"), u.session.uid);
    BOOST_CHECK_EQUAL(p.at("phoneNumber"), u.mobile);
}

BOOST_AUTO_TEST_CASE(read_user_answers_get_too) {
    const api::TestUser u = api::newUser();
    const api::Response r = api::http().get(kReadUser, {}, api::authHeaders(u.session));
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL(profileOf(r).at("phoneNumber"), u.mobile);
}

BOOST_AUTO_TEST_CASE(read_other_user_shows_public_fields_without_phone_and_street) {
    const api::TestUser me = api::newUser();
    const api::TestUser other = api::newUser();
    MMX_REQUIRE_OK(update(other.session, kFullUpdate));

    for (const bool viaGet : {false, true}) {
        BOOST_TEST_CONTEXT((viaGet ? "GET" : "POST")) {
            const api::Params query{{"userVO.userId", other.session.uid}};
            const api::Response r =
                viaGet ? api::http().get(kReadUser, query, api::authHeaders(me.session))
                       : api::http().post(kReadUser, query, api::authHeaders(me.session));
            MMX_REQUIRE_OK(r);
            const Profile p = profileOf(r);
            BOOST_CHECK_EQUAL(p.count("phoneNumber"), 0u);
            BOOST_CHECK_EQUAL(p.count("street"), 0u);
            BOOST_CHECK(r.body.find(other.mobile) == std::string::npos);
            BOOST_CHECK_EQUAL(p.count("userId") ? p.at("userId") : "", other.session.uid);
            BOOST_CHECK_EQUAL(p.count("nickName") ? p.at("nickName") : "", "彪彪小王子");
        }
    }
}

BOOST_AUTO_TEST_CASE(read_unknown_user_is_not_found) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(api::http().post(kReadUser, {{"userVO.userId", "987654321098"}},
                                          api::authHeaders(u.session)),
                         "NOT_FOUND");
}

BOOST_AUTO_TEST_CASE(read_non_numeric_user_id_is_bad_param) {
    const api::TestUser u = api::newUser();
    for (const char* id : {"abc", "12x", "1.5", "99999999999999999999999"}) {
        BOOST_TEST_CONTEXT("userId '" << id << "'") {
            MMX_CHECK_FAILS_WITH(
                api::http().post(kReadUser, {{"userVO.userId", id}}, api::authHeaders(u.session)),
                "BAD_PARAM");
        }
    }
}

BOOST_AUTO_TEST_CASE(read_user_needs_a_session) {
    MMX_CHECK_FAILS_WITH(api::http().post(kReadUser, {}, api::clientHeader(api::uniqueClient())),
                         "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(update_user)

BOOST_AUTO_TEST_CASE(update_of_every_field_reads_back) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(update(u.session, kFullUpdate));
    const Profile p = readSelf(u.session);
    for (const auto& [param, value] : kFullUpdate) {
        const std::string field = fieldOf(param);
        BOOST_CHECK_MESSAGE(p.count(field) && p.at(field) == value,
                            field << " reads back as '" << (p.count(field) ? p.at(field) : "")
                                  << "', sent '" << value << "'");
    }
}

BOOST_AUTO_TEST_CASE(update_changes_only_the_fields_sent) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(update(u.session, kFullUpdate));
    Profile expected = readSelf(u.session);
    MMX_REQUIRE_OK(update(u.session, {{"userExtendVO.nickName", "新的昵称"}}));
    expected["nickName"] = "新的昵称";
    BOOST_CHECK(readSelf(u.session) == expected);
}

BOOST_AUTO_TEST_CASE(boundary_lengths_count_characters_not_bytes) {
    const api::TestUser u = api::newUser();
    const api::Params longest = {
        {"userExtendVO.nickName", repeat("汉", 30)},
        {"userExtendVO.signature", repeat("签", 140)},
        {"userExtendVO.country", repeat("国", 16)},
        {"userExtendVO.district", repeat("区", 16)},
        {"userExtendVO.street", repeat("街", 100)},
        {"userExtendVO.school", repeat("学", 100)},
        {"userExtendVO.role", repeat("职", 50)},
        {"userExtendVO.degrees", repeat("历", 20)},
        {"userExtendVO.age", "150"},
    };
    MMX_REQUIRE_OK(update(u.session, longest));
    const Profile p = readSelf(u.session);
    for (const auto& [param, value] : longest) {
        BOOST_CHECK_MESSAGE(p.at(fieldOf(param)) == value, param << " did not read back");
    }
    MMX_CHECK_OK(update(u.session, {{"userExtendVO.age", "1"}, {"userExtendVO.nickName", "a"}}));
}

BOOST_AUTO_TEST_CASE(text_round_trips_verbatim) {
    const api::TestUser u = api::newUser();
    const api::Params tricky = {
        {"userExtendVO.nickName", "小王😀 \"q\" \\ <b>"},
        {"userExtendVO.signature", "第一行 第二行 '; DROP TABLE users; -- </script>%00%"},
        {"userExtendVO.company", "O'Reilly & 儿子"},
    };
    MMX_REQUIRE_OK(update(u.session, tricky));
    const Profile p = readSelf(u.session);
    for (const auto& [param, value] : tricky) {
        BOOST_CHECK_MESSAGE(p.at(fieldOf(param)) == value,
                            param << " reads back as '" << p.at(fieldOf(param)) << "'");
    }
}

BOOST_AUTO_TEST_CASE(emoji_counts_as_one_character) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_OK(update(u.session, {{"userExtendVO.nickName", repeat("😀", 30)}}));
    BOOST_CHECK_EQUAL(readSelf(u.session).at("nickName"), repeat("😀", 30));
    MMX_CHECK_FAILS_WITH(update(u.session, {{"userExtendVO.nickName", repeat("😀", 31)}}),
                         "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(each_bad_value_is_bad_param_naming_the_field_and_changes_nothing) {
    const api::TestUser u = api::newUser();
    MMX_REQUIRE_OK(update(u.session, kFullUpdate));
    const Profile before = readSelf(u.session);
    const api::Params bad = {
        {"userVO.sex", "0"},
        {"userVO.sex", "3"},
        {"userVO.sex", "男"},
        {"userExtendVO.age", "0"},
        {"userExtendVO.age", "151"},
        {"userExtendVO.age", "abc"},
        {"userExtendVO.age", "1.5"},
        {"userExtendVO.age", "-3"},
        {"userExtendVO.country", repeat("国", 17)},
        {"userExtendVO.province", repeat("a", 17)},
        {"userExtendVO.city", repeat("市", 17)},
        {"userExtendVO.district", repeat("区", 17)},
        {"userExtendVO.street", repeat("街", 101)},
        {"userExtendVO.company", repeat("c", 101)},
        {"userExtendVO.school", repeat("学", 101)},
        {"userExtendVO.occupation", repeat("业", 51)},
        {"userExtendVO.role", repeat("r", 51)},
        {"userExtendVO.degrees", repeat("历", 21)},
        {"userExtendVO.nickName", ""},
        {"userExtendVO.nickName", repeat("汉", 31)},
        {"userExtendVO.nickName", "bad\xff\xfeutf8"},
        {"userExtendVO.signature", repeat("签", 141)},
    };
    for (const auto& [param, value] : bad) {
        BOOST_TEST_CONTEXT(param << " = '" << value.substr(0, 40) << "'") {
            const api::Response r = update(u.session, {{param, value}});
            MMX_CHECK_FAILS_WITH(r, "BAD_PARAM");
            BOOST_CHECK_MESSAGE(r.info().find(fieldOf(param)) != std::string::npos,
                                "info does not name the field: " << r.info());
        }
    }
    BOOST_CHECK(readSelf(u.session) == before);
}

BOOST_AUTO_TEST_CASE(a_bad_value_beside_good_ones_changes_nothing) {
    const api::TestUser u = api::newUser();
    const Profile before = readSelf(u.session);
    api::Params params = kFullUpdate;
    params.emplace_back("userExtendVO.age", "999");
    params.erase(params.begin() + 1);  // the valid age, so the bad one is the only one
    MMX_CHECK_FAILS_WITH(update(u.session, params), "BAD_PARAM");
    BOOST_CHECK(readSelf(u.session) == before);
}

BOOST_AUTO_TEST_CASE(update_of_another_user_is_forbidden) {
    const api::TestUser me = api::newUser();
    const api::TestUser other = api::newUser();
    const Profile before = readSelf(other.session);
    MMX_CHECK_FAILS_WITH(update(me.session, {{"userVO.userId", other.session.uid},
                                             {"userExtendVO.nickName", "冒名顶替"}}),
                         "FORBIDDEN");
    BOOST_CHECK(readSelf(other.session) == before);
    MMX_CHECK_OK(
        update(me.session, {{"userVO.userId", me.session.uid}, {"userExtendVO.nickName", "本人"}}));
}

BOOST_AUTO_TEST_CASE(update_of_the_phone_number_is_bad_param) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(update(u.session, {{"userExtendVO.phoneNumber", api::uniqueMobile()}}),
                         "BAD_PARAM");
    BOOST_CHECK_EQUAL(readSelf(u.session).at("phoneNumber"), u.mobile);
}

BOOST_AUTO_TEST_CASE(update_without_any_field_is_bad_param) {
    const api::TestUser u = api::newUser();
    MMX_CHECK_FAILS_WITH(update(u.session, {}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(update(u.session, {{"userVO.userId", u.session.uid}}), "BAD_PARAM");
}

BOOST_AUTO_TEST_CASE(update_user_needs_a_session) {
    MMX_CHECK_FAILS_WITH(api::http().post(kUpdateUser, {{"userExtendVO.nickName", "x"}},
                                          api::clientHeader(api::uniqueClient())),
                         "AUTH_REQUIRED");
}

BOOST_AUTO_TEST_CASE(the_city_is_one_of_the_app_cities_by_id_or_by_its_name) {
    const api::TestUser u = api::newUser();
    // A city of the app's own, made for this test (the shop side lists it in city!list).
    const std::string name = "测城" + std::to_string(api::nowMillis() % 10000000000LL);
    api::runSql("INSERT INTO city (name, sort) VALUES ('" + name + "', 99);");
    const api::Response cities =
        api::http().post("/shop/city!list", {}, api::authHeaders(u.session));
    MMX_REQUIRE_OK(cities);
    std::string cityId;
    for (const auto& city : cities.data("cityList")->GetArray()) {
        if (api::scalarText(city["name"]) == name) cityId = api::scalarText(city["id"]);
    }
    BOOST_REQUIRE(!cityId.empty());

    MMX_REQUIRE_OK(update(u.session, {{"cityId", cityId}}));
    Profile p = readSelf(u.session);
    BOOST_CHECK_EQUAL(p["cityId"], cityId);
    BOOST_CHECK_EQUAL(p["city"], name);

    // by its name, as older phones send it: linked to the same city
    MMX_REQUIRE_OK(update(u.session, {{"userExtendVO.city", "别处"}}));
    BOOST_CHECK(readSelf(u.session).count("cityId") == 0);  // free text: no city of ours
    MMX_REQUIRE_OK(update(u.session, {{"userExtendVO.city", name}}));
    BOOST_CHECK_EQUAL(readSelf(u.session)["cityId"], cityId);

    MMX_CHECK_FAILS_WITH(update(u.session, {{"cityId", "999999999"}}), "BAD_PARAM");
    MMX_CHECK_FAILS_WITH(update(u.session, {{"cityId", "abc"}}), "BAD_PARAM");
    BOOST_CHECK_EQUAL(readSelf(u.session)["cityId"], cityId);  // a refusal changes nothing
}

BOOST_AUTO_TEST_SUITE_END()
