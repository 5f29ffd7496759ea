// Cities, categories, shops, goods, activities and their pictures entered by site staff:
// what they enter reads at once through the app's shop routes, every write is audited
// with its before and after, and a shop that others hang on is deleted only when asked.
#define BOOST_TEST_MODULE api_manager_catalog
#include <cmath>
#include <ctime>

#include "manager_helpers.hpp"
#include "sample_images.hpp"

using namespace managertest;

namespace {

// Futian, Shenzhen.
constexpr double kLon = 114.0579, kLat = 22.5431;

std::string unique(const std::string& prefix) {
    static int counter = 0;
    return prefix + std::to_string(api::nowMillis() % 100000000) + "-" + std::to_string(counter++);
}

std::string chinaDate(int daysFromToday) {
    const std::time_t t = std::time(nullptr) + 8 * 3600 + daysFromToday * 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

struct Catalog {
    api::TestUser owner = api::newStaff("owner");
    api::TestUser admin = api::newStaff("admin");
    long long city = 0;
    long long top = 0;
    long long child = 0;

    Catalog() {
        const api::Response c =
            call(owner, "city!add", {{"name", unique("管城")}, {"sort", "900"}});
        MMX_REQUIRE_OK(c);
        city = idIn(c, "city");
        const api::Response t = call(owner, "category!add", {{"name", unique("大类")}});
        MMX_REQUIRE_OK(t);
        top = idIn(t, "category");
        const api::Response k =
            call(owner, "category!add", {{"name", unique("小类")}, {"parentId", api::id(top)}});
        MMX_REQUIRE_OK(k);
        child = idIn(k, "category");
    }

    std::string picture() {
        const api::Response r = api::http().postMultipart(
            "/manager/media!upload", {}, {{"file", "a.png", api::images::png(), "image/png"}},
            api::authHeaders(admin.session));
        MMX_REQUIRE_OK(r);
        return r.data("url")->GetString();
    }

    api::Params shopParams(const std::string& name, double lon, double lat) {
        return {{"name", name},
                {"city", api::id(city)},
                {"category", api::id(child)},
                {"long", std::to_string(lon)},
                {"lat", std::to_string(lat)},
                {"address", "福田区深南大道1号"},
                {"hours", "10:00-22:00"},
                {"phone", "0755-12345678"},
                {"intro", "管理后台录入"},
                {"picList", picture()}};
    }

    long long addShop(const std::string& name, double lon = kLon, double lat = kLat) {
        const api::Response r = call(admin, "shop!add", shopParams(name, lon, lat));
        MMX_REQUIRE_OK(r);
        return idIn(r, "shop");
    }
};

const rapidjson::Value* findById(const rapidjson::Value* list, long long id,
                                 const char* key = "id") {
    if (list == nullptr || !list->IsArray()) return nullptr;
    for (const auto& item : list->GetArray()) {
        if (item[key].GetInt64() == id) return &item;
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_shop_added_by_staff_is_listed_near_its_place_by_the_app_at_once) {
    Catalog catalog;
    const std::string name = unique("福田管理店");
    const long long sid = catalog.addShop(name, kLon + 0.001, kLat);
    const api::TestUser phone = api::newUser();

    const api::Response near = api::get(phone, "/shop/shop!list",
                                        {{"city", api::id(catalog.city)},
                                         {"long", std::to_string(kLon)},
                                         {"lat", std::to_string(kLat)}});
    MMX_REQUIRE_OK(near);
    const rapidjson::Value* shop = findById(near.data("shopList"), sid);
    BOOST_REQUIRE_MESSAGE(shop != nullptr, near.describe());
    BOOST_CHECK_EQUAL((*shop)["name"].GetString(), name);
    // 0.001° of longitude at 22.5° N is about 103 m.
    BOOST_CHECK_CLOSE((*shop)["distance"].GetDouble(), 0.10, 5.0);
    BOOST_CHECK_EQUAL((*shop)["picList"].Size(), 1u);

    const api::Response info = api::get(phone, "/shop/shop!info", {{"sid", api::id(sid)}});
    MMX_REQUIRE_OK(info);
    BOOST_CHECK_EQUAL((*info.data("info"))["address"].GetString(), "福田区深南大道1号");
    BOOST_CHECK_CLOSE((*info.data("info"))["long"].GetDouble(), kLon + 0.001, 1e-6);
    BOOST_CHECK_EQUAL((*info.data("info"))["phone"].GetString(), "0755-12345678");

    // Found by name too (its search keys were written with it).
    const api::Response search = api::get(phone, "/shop/shop!search",
                                          {{"city", api::id(catalog.city)}, {"name", "福田管理"}});
    MMX_REQUIRE_OK(search);
    BOOST_CHECK(findById(search.data("shopList"), sid) != nullptr);
    // And in the category's list, under its top category.
    const api::Response byCategory =
        api::get(phone, "/shop/shop!list",
                 {{"city", api::id(catalog.city)}, {"category", api::id(catalog.top)}});
    BOOST_CHECK(findById(byCategory.data("shopList"), sid) != nullptr);
}

BOOST_AUTO_TEST_CASE(a_shop_update_is_audited_with_before_and_after_and_renamed_for_search) {
    Catalog catalog;
    const std::string oldName = unique("旧名店"), newName = unique("新名店");
    const long long sid = catalog.addShop(oldName);
    const auto added = lastAudit(catalog.owner, "shop", sid);
    BOOST_CHECK_EQUAL(added["action"].GetString(), "shop.add");
    BOOST_CHECK(added["before"].IsNull());
    BOOST_CHECK_EQUAL(added["after"]["name"].GetString(), oldName);
    BOOST_CHECK_EQUAL(added["staffId"].GetInt64(), catalog.admin.session.userId);

    const api::Response r = call(catalog.admin, "shop!update",
                                 {{"sid", api::id(sid)}, {"name", newName}, {"hours", "全天"}});
    MMX_REQUIRE_OK(r);
    BOOST_CHECK_EQUAL((*r.data("shop"))["name"].GetString(), newName);
    BOOST_CHECK_EQUAL((*r.data("shop"))["address"].GetString(), "福田区深南大道1号");
    const auto entry = lastAudit(catalog.owner, "shop", sid);
    BOOST_CHECK_EQUAL(entry["action"].GetString(), "shop.update");
    BOOST_CHECK_EQUAL(entry["before"]["name"].GetString(), oldName);
    BOOST_CHECK_EQUAL(entry["after"]["name"].GetString(), newName);
    BOOST_CHECK_EQUAL(entry["after"]["hours"].GetString(), "全天");

    const api::TestUser phone = api::newUser();
    const api::Response found =
        api::get(phone, "/shop/shop!search", {{"city", api::id(catalog.city)}, {"name", "新名"}});
    BOOST_CHECK(findById(found.data("shopList"), sid) != nullptr);
    const api::Response gone =
        api::get(phone, "/shop/shop!search", {{"city", api::id(catalog.city)}, {"name", "旧名"}});
    BOOST_CHECK(findById(gone.data("shopList"), sid) == nullptr);
}

BOOST_AUTO_TEST_CASE(
    deleting_a_shop_with_fans_goods_or_activities_is_refused_with_counts_unless_cascade) {
    Catalog catalog;
    const long long sid = catalog.addShop(unique("满店"));
    MMX_REQUIRE_OK(call(catalog.admin, "goods!add", {{"sid", api::id(sid)}, {"price", "1000"}}));
    MMX_REQUIRE_OK(call(catalog.admin, "goods!add", {{"sid", api::id(sid)}, {"price", "2000"}}));
    MMX_REQUIRE_OK(call(catalog.admin, "activity!add",
                        {{"sid", api::id(sid)},
                         {"title", "开业"},
                         {"content", "全场八折"},
                         {"bt", chinaDate(0)},
                         {"et", chinaDate(7)}}));
    const api::TestUser fan = api::newUser();
    // No fan route exists yet: the fan is written as the fan routes will write one.
    api::runSql("INSERT INTO shop_fan (user_id, shop_id, created_at) VALUES (" + api::id(fan) +
                ", " + api::id(sid) + ", 0);");

    const api::Response refused = call(catalog.admin, "shop!delete", {{"sid", api::id(sid)}});
    MMX_CHECK_FAILS_WITH(refused, "CONFLICT");
    BOOST_REQUIRE(refused.data("goods") != nullptr);
    BOOST_CHECK_EQUAL(refused.data("fans")->GetInt64(), 1);
    BOOST_CHECK_EQUAL(refused.data("goods")->GetInt64(), 2);
    BOOST_CHECK_EQUAL(refused.data("activities")->GetInt64(), 1);
    MMX_CHECK_OK(api::get(fan, "/shop/shop!info", {{"sid", api::id(sid)}}));

    MMX_REQUIRE_OK(call(catalog.admin, "shop!delete", {{"sid", api::id(sid)}, {"cascade", "1"}}));
    MMX_CHECK_FAILS_WITH(api::get(fan, "/shop/shop!info", {{"sid", api::id(sid)}}), "NOT_FOUND");
    const api::Response goods = call(catalog.admin, "goods!list", {{"sid", api::id(sid)}});
    MMX_CHECK_FAILS_WITH(goods, "NOT_FOUND");
    const auto entry = lastAudit(catalog.owner, "shop", sid);
    BOOST_CHECK_EQUAL(entry["action"].GetString(), "shop.deleteCascade");
    BOOST_CHECK(entry["after"].IsNull());
}

BOOST_AUTO_TEST_CASE(an_empty_shop_is_deleted_without_cascade) {
    Catalog catalog;
    const long long sid = catalog.addShop(unique("空店"));
    MMX_REQUIRE_OK(call(catalog.admin, "shop!delete", {{"sid", api::id(sid)}}));
    MMX_CHECK_FAILS_WITH(call(catalog.admin, "shop!info", {{"sid", api::id(sid)}}), "NOT_FOUND");
    BOOST_CHECK_EQUAL(lastAudit(catalog.owner, "shop", sid)["action"].GetString(), "shop.delete");
}

BOOST_AUTO_TEST_CASE(goods_entered_in_fen_read_in_yuan_through_the_app) {
    Catalog catalog;
    const long long sid = catalog.addShop(unique("货店"));
    const api::Response added = call(catalog.admin, "goods!add",
                                     {{"sid", api::id(sid)},
                                      {"desp", "羊毛衫"},
                                      {"price", "12800"},
                                      {"promot", "9900"},
                                      {"barcode", "6901234567892"},
                                      {"basic", R"([{"key":"材质","value":"羊毛"}])"},
                                      {"picList", catalog.picture()}});
    MMX_REQUIRE_OK(added);
    const long long gid = idIn(added, "goods");
    const api::TestUser phone = api::newUser();
    const api::Response info = api::get(phone, "/shop/goods!info", {{"gid", api::id(gid)}});
    MMX_REQUIRE_OK(info);
    BOOST_CHECK_NE(info.body.find("\"price\":128"), std::string::npos);
    BOOST_CHECK_NE(info.body.find("\"promot\":99"), std::string::npos);
    BOOST_CHECK_NE(info.body.find("材质"), std::string::npos);

    MMX_REQUIRE_OK(call(catalog.admin, "goods!update", {{"gid", api::id(gid)}, {"promot", ""}}));
    const api::Response after = call(catalog.admin, "goods!info", {{"gid", api::id(gid)}});
    MMX_REQUIRE_OK(after);
    BOOST_CHECK((*after.data("goods"))["promot"].IsNull());
    BOOST_CHECK_EQUAL((*after.data("goods"))["price"].GetInt64(), 12800);
    const auto entry = lastAudit(catalog.owner, "goods", gid);
    BOOST_CHECK_EQUAL(entry["before"]["promot"].GetInt64(), 9900);
    BOOST_CHECK(entry["after"]["promot"].IsNull());

    const api::Response list = call(catalog.admin, "goods!list", {{"sid", api::id(sid)}});
    MMX_REQUIRE_OK(list);
    BOOST_CHECK_EQUAL(list.data("total")->GetInt64(), 1);
    MMX_REQUIRE_OK(call(catalog.admin, "goods!delete", {{"gid", api::id(gid)}}));
    MMX_CHECK_FAILS_WITH(api::get(phone, "/shop/goods!info", {{"gid", api::id(gid)}}), "NOT_FOUND");
    BOOST_CHECK_EQUAL(lastAudit(catalog.owner, "goods", gid)["action"].GetString(), "goods.delete");
}

BOOST_AUTO_TEST_CASE(an_activity_entered_by_staff_reads_through_the_app_and_dates_are_checked) {
    Catalog catalog;
    const long long sid = catalog.addShop(unique("活动店"));
    const api::Response bad = call(catalog.admin, "activity!add",
                                   {{"sid", api::id(sid)},
                                    {"title", "开业"},
                                    {"content", "八折"},
                                    {"bt", chinaDate(3)},
                                    {"et", chinaDate(1)}});
    MMX_CHECK_FAILS_WITH(bad, "BAD_PARAM");
    BOOST_REQUIRE(bad.data("field") != nullptr);
    BOOST_CHECK_EQUAL(bad.data("field")->GetString(), "et");
    const api::Response notADate = call(catalog.admin, "activity!add",
                                        {{"sid", api::id(sid)},
                                         {"title", "开业"},
                                         {"content", "八折"},
                                         {"bt", "2026-02-30"},
                                         {"et", chinaDate(1)}});
    BOOST_CHECK_EQUAL(notADate.data("field")->GetString(), "bt");

    const api::Response added = call(catalog.admin, "activity!add",
                                     {{"sid", api::id(sid)},
                                      {"title", "开业"},
                                      {"content", "八折"},
                                      {"bt", chinaDate(0)},
                                      {"et", chinaDate(7)}});
    MMX_REQUIRE_OK(added);
    const long long actId = idIn(added, "activity", "actID");
    const api::TestUser phone = api::newUser();
    const api::Response byShop = api::get(phone, "/shop/activity!byShop", {{"sid", api::id(sid)}});
    MMX_REQUIRE_OK(byShop);
    BOOST_CHECK_NE(byShop.body.find("开业"), std::string::npos);

    MMX_REQUIRE_OK(
        call(catalog.admin, "activity!update", {{"actID", api::id(actId)}, {"title", "周年庆"}}));
    const api::Response info = api::get(phone, "/shop/activity!info", {{"actID", api::id(actId)}});
    BOOST_CHECK_NE(info.body.find("周年庆"), std::string::npos);
    const api::Response list = call(catalog.admin, "activity!list", {{"sid", api::id(sid)}});
    MMX_REQUIRE_OK(list);
    BOOST_CHECK_EQUAL(list.data("total")->GetInt64(), 1);
    MMX_REQUIRE_OK(call(catalog.admin, "activity!delete", {{"actID", api::id(actId)}}));
    MMX_CHECK_FAILS_WITH(api::get(phone, "/shop/activity!info", {{"actID", api::id(actId)}}),
                         "NOT_FOUND");
    BOOST_CHECK_EQUAL(lastAudit(catalog.owner, "activity", actId)["action"].GetString(),
                      "activity.delete");
}

BOOST_AUTO_TEST_CASE(cities_are_unique_by_name_and_kept_while_shops_are_in_them) {
    Catalog catalog;
    const api::TestUser phone = api::newUser();
    const api::Response cities = api::get(phone, "/shop/city!list");
    BOOST_CHECK(findById(cities.data("cityList"), catalog.city) != nullptr);

    const std::string name = unique("重名城");
    MMX_REQUIRE_OK(call(catalog.owner, "city!add", {{"name", name}}));
    const api::Response twice = call(catalog.owner, "city!add", {{"name", name}});
    MMX_CHECK_FAILS_WITH(twice, "CONFLICT");

    const long long sid = catalog.addShop(unique("城中店"));
    const api::Response kept = call(catalog.owner, "city!delete", {{"id", api::id(catalog.city)}});
    MMX_CHECK_FAILS_WITH(kept, "CONFLICT");
    BOOST_CHECK_EQUAL(kept.data("shops")->GetInt64(), 1);
    MMX_REQUIRE_OK(call(catalog.owner, "shop!delete", {{"sid", api::id(sid)}}));
    MMX_REQUIRE_OK(call(catalog.owner, "city!update",
                        {{"id", api::id(catalog.city)}, {"name", unique("改名城")}}));
    MMX_REQUIRE_OK(call(catalog.owner, "city!delete", {{"id", api::id(catalog.city)}}));
    const api::Response after = api::get(phone, "/shop/city!list");
    BOOST_CHECK(findById(after.data("cityList"), catalog.city) == nullptr);
    BOOST_CHECK_EQUAL(lastAudit(catalog.owner, "city", catalog.city)["action"].GetString(),
                      "city.delete");
}

BOOST_AUTO_TEST_CASE(categories_have_two_levels_and_show_in_the_apps_tree) {
    Catalog catalog;
    const api::Response third =
        call(catalog.owner, "category!add",
             {{"name", unique("三级")}, {"parentId", api::id(catalog.child)}});
    MMX_CHECK_FAILS_WITH(third, "BAD_PARAM");
    BOOST_CHECK_EQUAL(third.data("field")->GetString(), "parentId");

    const api::TestUser phone = api::newUser();
    const api::Response tree = api::get(phone, "/shop/category!list");
    const rapidjson::Value* top = findById(tree.data("categoryList"), catalog.top);
    BOOST_REQUIRE(top != nullptr);
    BOOST_CHECK(findById(&(*top)["child"], catalog.child) != nullptr);

    const api::Response list =
        call(catalog.admin, "category!list", {{"parentId", api::id(catalog.top)}});
    MMX_REQUIRE_OK(list);
    BOOST_CHECK_EQUAL(list.data("total")->GetInt64(), 1);
    MMX_CHECK_FAILS_WITH(call(catalog.owner, "category!delete", {{"id", api::id(catalog.top)}}),
                         "CONFLICT");
    MMX_REQUIRE_OK(call(catalog.owner, "category!update",
                        {{"id", api::id(catalog.child)}, {"pic", catalog.picture()}}));
    MMX_REQUIRE_OK(call(catalog.owner, "category!delete", {{"id", api::id(catalog.child)}}));
    MMX_REQUIRE_OK(call(catalog.owner, "category!delete", {{"id", api::id(catalog.top)}}));
    BOOST_CHECK_EQUAL(lastAudit(catalog.owner, "category", catalog.top)["action"].GetString(),
                      "category.delete");
}

BOOST_AUTO_TEST_CASE(each_bad_shop_field_is_refused_naming_it) {
    Catalog catalog;
    const std::string pic = catalog.picture();
    const auto fieldOf = [&](api::Params params) {
        const api::Response r = call(catalog.admin, "shop!add", params);
        BOOST_CHECK_EQUAL(r.code(), "BAD_PARAM");
        const rapidjson::Value* field = r.data("field");
        return field != nullptr ? std::string(field->GetString()) : std::string("(none) ") + r.body;
    };
    const std::string city = api::id(catalog.city), category = api::id(catalog.child);
    BOOST_CHECK_EQUAL(
        fieldOf({{"city", city}, {"category", category}, {"long", "114"}, {"lat", "22"}}), "name");
    BOOST_CHECK_EQUAL(
        fieldOf({{"name", "店"}, {"city", city}, {"category", category}, {"long", "114"}}), "lat");
    BOOST_CHECK_EQUAL(fieldOf({{"name", "店"},
                               {"city", city},
                               {"category", category},
                               {"long", "200"},
                               {"lat", "22"}}),
                      "long");
    BOOST_CHECK_EQUAL(fieldOf({{"name", "店"},
                               {"city", "999999999"},
                               {"category", category},
                               {"long", "114"},
                               {"lat", "22"}}),
                      "city");
    BOOST_CHECK_EQUAL(fieldOf({{"name", "店"},
                               {"city", city},
                               {"category", "999999999"},
                               {"long", "114"},
                               {"lat", "22"}}),
                      "category");
    BOOST_CHECK_EQUAL(fieldOf({{"name", "店"},
                               {"city", city},
                               {"category", category},
                               {"long", "114"},
                               {"lat", "22"},
                               {"picList", "http://evil.example/x.png"}}),
                      "picList");
    BOOST_CHECK_EQUAL(fieldOf({{"name", "店"},
                               {"city", city},
                               {"category", category},
                               {"long", "114"},
                               {"lat", "22"},
                               {"picList", pic + ".missing"}}),
                      "picList");
}

BOOST_AUTO_TEST_CASE(an_uploaded_picture_is_checked_re_encoded_and_served) {
    Catalog catalog;
    const api::Response notAPicture = api::http().postMultipart(
        "/manager/media!upload", {},
        {{"file", "a.png", std::string("GIF89a<script>alert(1)</script>"), "image/png"}},
        api::authHeaders(catalog.admin.session));
    MMX_CHECK_FAILS_WITH(notAPicture, "BAD_PARAM");
    BOOST_REQUIRE(notAPicture.data("field") != nullptr);
    BOOST_CHECK_EQUAL(notAPicture.data("field")->GetString(), "file");
    const std::string url = catalog.picture();
    BOOST_CHECK_NE(url.find("/upload/shop/"), std::string::npos);
    const api::Response served = api::http().request("GET", url, "", {});
    BOOST_CHECK_EQUAL(served.status, 200);
    BOOST_CHECK_EQUAL(served.body.substr(1, 3), "PNG");
}
