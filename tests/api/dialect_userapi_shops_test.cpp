// The user-API phone's shop side, as its API notes (MMX.User.Api, versions 1 and 2) describe
// it: REST paths under /user/… and /userweb/…, the HTTP method each names, parameters in the
// query string, a form or JSON under the notes' names, answers {"err": 0, …} with the notes'
// field names, and the house's identity headers. What the notes give no route for (the
// login of this branch, shops and goods, a friendship, the privacy switches) is set up and
// checked through the house's routes.
#define BOOST_TEST_MODULE api_dialect_userapi_shops
#include <algorithm>
#include <atomic>

#include "collection_helpers.hpp"

using namespace collectiontest;

namespace {

// The phone: the identity headers of its login on every request; GET and DELETE with a query
// string, POST and PUT with a JSON body (or a form, as the test says).
struct Phone {
    api::Session session;

    api::Response send(const std::string& method, const std::string& path,
                       const api::Params& query = {}, const std::string& json = "") const {
        api::Headers headers = api::authHeaders(session);
        if (!json.empty()) headers.emplace_back("Content-Type", "application/json");
        const std::string url = query.empty() ? path : path + "?" + api::http().formEncode(query);
        return api::http().request(method, url, json, headers);
    }
    api::Response get(const std::string& path, const api::Params& query = {}) const {
        return send("GET", path, query);
    }
    api::Response post(const std::string& path, const std::string& json) const {
        return send("POST", path, {}, json);
    }
    api::Response form(const std::string& method, const std::string& path,
                       const api::Params& fields) const {
        api::Headers headers = api::authHeaders(session);
        headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        return api::http().request(method, path, api::http().formEncode(fields), headers);
    }
};

Phone phoneOf(const api::TestUser& user) {
    return Phone{user.session};
}

int errOf(const api::Response& r) {
    BOOST_REQUIRE_MESSAGE(
        r.status == 200 && r.isJson() && r.json.HasMember("err") && r.json["err"].IsInt(),
        r.describe());
    if (r.json["err"].GetInt() != 0) {
        BOOST_CHECK_MESSAGE(r.json.HasMember("msg") && r.json["msg"].IsString(), r.describe());
    }
    return r.json["err"].GetInt();
}

#define REQUIRE_ERR_0(r)                                                \
    do {                                                                \
        const api::Response& answer_ = (r);                             \
        BOOST_REQUIRE_MESSAGE(errOf(answer_) == 0, answer_.describe()); \
    } while (0)

const rapidjson::Value& member(const api::Response& r, const char* name) {
    BOOST_REQUIRE_MESSAGE(r.json.HasMember(name), name << " missing: " << r.describe());
    return r.json[name];
}

std::vector<long long> idsIn(const rapidjson::Value& list, const char* key = "id") {
    std::vector<long long> ids;
    BOOST_REQUIRE(list.IsArray());
    for (const auto& item : list.GetArray()) ids.push_back(item[key].GetInt64());
    return ids;
}

std::vector<long long> numbersIn(const rapidjson::Value& list) {
    std::vector<long long> ids;
    BOOST_REQUIRE(list.IsArray());
    for (const auto& item : list.GetArray()) ids.push_back(item.GetInt64());
    return ids;
}

bool contains(const std::vector<long long>& ids, long long id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A user's upload, so that a try-on picture may name it (as an upload route would leave it).
std::string myUpload(const api::TestUser& u) {
    const std::string name = "fit_" + std::to_string(uniqueId()) + ".jpg";
    api::runSql("INSERT INTO upload (name, owner_id, kind, created_at) VALUES ('chat/202601/" +
                name + "', " + std::to_string(u.session.userId) + ", 'image', 0);");
    return api::stackEnv().baseUrl + "/upload/chat/202601/" + name;
}

// A town of its own: a city, a category, two shops near a point and one farther, goods with
// prices, a barcode and a promotion, and an activity valid today.
struct Town {
    World world;
    Category category = newCategory(world.user);
    std::string name = uniqueName("鞋店");
    long long near = insertShop({world.city, category.child, name + "近", 113.9400, 22.5400});
    long long far = insertShop({world.city, category.child, name + "远", 113.9900, 22.5900});
    long long goods = insertGoods(near, 19900, api::nowMillis(), 1, "12800");
    long long older = insertGoods(near, 5000, api::nowMillis() - 30 * kDayMs);
    std::string barcode = "bc" + std::to_string(uniqueId());

    Town() {
        api::runSql(
            "UPDATE shop SET address = '深南大道1号', hours = '10:00-22:00', phone = "
            "'0755-1234', intro = '好鞋', recommend_rank = 1, recommend_word = '推荐' "
            "WHERE id = " +
            api::id(near) + "; UPDATE goods SET barcode = '" + barcode +
            "' WHERE id = " + api::id(goods) + ";");
        insertActivity(near, world.city, -1, 3);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(user_api_shops)

BOOST_AUTO_TEST_CASE(the_whole_flow_browses_shops_and_goods_collects_them_and_logs_out) {
    Town t;
    const api::TestUser& me = t.world.user;
    const Phone phone = phoneOf(me);
    const std::string city = api::id(t.world.city);

    // Categories and cities.
    const api::Response categories = phone.get("/user/category");
    REQUIRE_ERR_0(categories);
    bool foundChild = false;
    for (const auto& top : member(categories, "categoryList").GetArray()) {
        BOOST_REQUIRE(top.HasMember("pic") && top.HasMember("child"));
        for (const auto& child : top["child"].GetArray()) {
            foundChild = foundChild || child["id"].GetInt64() == t.category.child;
        }
    }
    BOOST_TEST(foundChild);
    const api::Response cities = phone.get("/user/city");
    REQUIRE_ERR_0(cities);
    BOOST_TEST(contains(idsIn(member(cities, "cityList")), t.world.city));

    // Recommended, near the phone, by name, by id.
    const api::Response recommended = phone.get("/user/shop/recommend", {{"city", city}});
    REQUIRE_ERR_0(recommended);
    const auto& firstRecommended = member(recommended, "shopList")[0];
    BOOST_TEST(firstRecommended["id"].GetInt64() == t.near);
    BOOST_TEST(std::string(firstRecommended["dec"].GetString()) == "推荐");
    const api::Response nearby = phone.get("/user/shop", {{"category", api::id(t.category.child)},
                                                          {"city", city},
                                                          {"long", "113.94"},
                                                          {"lat", "22.54"},
                                                          {"offset", "0"},
                                                          {"count", "5"}});
    REQUIRE_ERR_0(nearby);
    BOOST_TEST((idsIn(member(nearby, "shopList")) == std::vector<long long>{t.near, t.far}));
    const auto& nearCard = member(nearby, "shopList")[0];
    BOOST_TEST(nearCard["distance"].GetDouble() < 0.01);
    BOOST_TEST(member(nearby, "shopList")[1]["distance"].GetDouble() > 7.0);
    BOOST_TEST(nearCard["picList"].IsArray());
    BOOST_TEST(nearCard["fans"].GetInt64() == 0);
    const api::Response second = phone.get(
        "/user/shop",
        {{"city", city}, {"long", "113.94"}, {"lat", "22.54"}, {"offset", "1"}, {"count", "1"}});
    REQUIRE_ERR_0(second);
    BOOST_TEST((idsIn(member(second, "shopList")) == std::vector<long long>{t.far}));
    const api::Response found = phone.get("/user/shop/search", {{"name", t.name + "远"},
                                                                {"city", city},
                                                                {"long", "113.94"},
                                                                {"lat", "22.54"},
                                                                {"offset", "0"},
                                                                {"count", "5"}});
    REQUIRE_ERR_0(found);
    BOOST_TEST((idsIn(member(found, "shopList")) == std::vector<long long>{t.far}));
    const api::Response named = phone.get("/user/shop/name", {{"sid", api::id(t.near)}});
    REQUIRE_ERR_0(named);
    BOOST_TEST(std::string(member(named, "shopName").GetString()) == t.name + "近");
    const api::Response info = phone.get("/user/shop/info", {{"sid", api::id(t.near)}});
    REQUIRE_ERR_0(info);
    const auto& shopInfo = member(info, "info");
    BOOST_TEST(std::string(shopInfo["address"].GetString()) == "深南大道1号");
    BOOST_TEST(std::string(shopInfo["hours"].GetString()) == "10:00-22:00");
    BOOST_TEST(std::string(shopInfo["phone"].GetString()) == "0755-1234");
    BOOST_TEST(std::string(shopInfo["intro"].GetString()) == "好鞋");
    BOOST_TEST(shopInfo["long"].GetDouble() == 113.94);
    BOOST_TEST(shopInfo["isFans"].GetBool() == false);

    // In the shop and out again, seen by the house too.
    REQUIRE_ERR_0(phone.send("POST", "/user/shop/enter", {{"sid", api::id(t.near)}}));
    const api::Response inside = phone.get("/user/shop/customer", {{"sid", api::id(t.near)}});
    REQUIRE_ERR_0(inside);
    BOOST_TEST(member(inside, "count").GetInt64() == 1);
    REQUIRE_ERR_0(phone.form("POST", "/user/shop/exit", {{"sid", api::id(t.near)}}));
    const api::Response houseCount =
        callGet(me, "/shop/shop!customers", {{"sid", api::id(t.near)}});
    MMX_REQUIRE_OK(houseCount);
    BOOST_TEST((*houseCount.data("count")).GetInt64() == 0);
    const api::Response visited = phone.get(
        "/user/shop/visit",
        {{"time", std::to_string(api::nowMillis() / 1000 + 60)}, {"direct", "1"}, {"count", "5"}});
    REQUIRE_ERR_0(visited);
    BOOST_TEST((idsIn(member(visited, "shopList")) == std::vector<long long>{t.near}));
    BOOST_TEST(std::string(member(visited, "shopList")[0]["name"].GetString()) == t.name + "近");

    // Activities: of the shop, of the city, one by id.
    const api::Response ofShop = phone.get("/user/shop/activity", {{"sid", api::id(t.near)}});
    REQUIRE_ERR_0(ofShop);
    BOOST_REQUIRE_EQUAL(member(ofShop, "actList").Size(), 1u);
    const long long act = member(ofShop, "actList")[0]["id"].GetInt64();
    BOOST_TEST(std::string(member(ofShop, "actList")[0]["bt"].GetString()) == chinaDate(-1));
    const api::Response ofCity =
        phone.get("/user/activity", {{"city", city}, {"offset", "0"}, {"count", "5"}});
    REQUIRE_ERR_0(ofCity);
    BOOST_TEST((idsIn(member(ofCity, "actList"), "actID") == std::vector<long long>{act}));
    BOOST_TEST(member(ofCity, "actList")[0]["shopID"].GetInt64() == t.near);
    const api::Response one = phone.get("/userweb/activity/" + api::id(act));
    REQUIRE_ERR_0(one);
    BOOST_TEST(member(one, "actID").GetInt64() == act);
    BOOST_TEST(std::string(member(one, "shopName").GetString()) == t.name + "近");
    BOOST_TEST(std::string(member(one, "et").GetString()) == chinaDate(3));

    // Goods: a shop's page, one by id and by barcode, prices, several shops at once.
    const api::Response goods =
        phone.get("/user/goods", {{"sid", api::id(t.near)}, {"offset", "0"}, {"count", "5"}});
    REQUIRE_ERR_0(goods);
    BOOST_TEST((idsIn(member(goods, "goodsList")) == std::vector<long long>{t.goods, t.older}));
    BOOST_TEST(member(goods, "goodsList")[0]["price"].GetInt64() == 199);
    BOOST_TEST(member(goods, "goodsList")[0]["promot"].GetInt64() == 128);
    BOOST_TEST(std::string(member(goods, "goodsList")[0]["pic"].GetString()) == "http://x/f1.jpg");
    const api::Response byId = phone.get("/user/goods/info", {{"gid", api::id(t.goods)}});
    REQUIRE_ERR_0(byId);
    BOOST_TEST(member(byId, "info")["shop_id"].GetInt64() == t.near);
    BOOST_TEST(std::string(member(byId, "info")["basic"][0]["key"].GetString()) == "颜色");
    const api::Response byCode = phone.get("/user/goods/info", {{"barcode", t.barcode}});
    REQUIRE_ERR_0(byCode);
    BOOST_TEST(member(byCode, "info")["id"].GetInt64() == t.goods);
    const api::Response promot =
        phone.get("/user/goods/promot", {{"gid", api::id(t.goods)}, {"gid", api::id(t.older)}});
    REQUIRE_ERR_0(promot);
    BOOST_TEST(
        (idsIn(member(promot, "goodsList"), "gid") == std::vector<long long>{t.goods, t.older}));
    BOOST_TEST(member(promot, "goodsList")[0]["promot"].GetInt64() == 128);
    BOOST_TEST(member(promot, "goodsList")[1]["promot"].IsNull());
    BOOST_TEST(member(promot, "goodsList")[0]["status"].GetInt64() == 1);
    const api::Response news = phone.get("/user/goods/promot/news", {{"gid", api::id(t.goods)}});
    REQUIRE_ERR_0(news);
    BOOST_TEST(member(news, "goods")[0]["desp"].IsString());
    BOOST_TEST(member(news, "goods")[0]["picList"].Size() == 2u);
    const api::Response shopGoods =
        phone.get("/userweb/shopgoods/" + api::id(t.near) + ",%20" + api::id(t.far));
    REQUIRE_ERR_0(shopGoods);
    BOOST_TEST(member(shopGoods, "total_num").GetInt64() == 2);
    BOOST_TEST(
        (idsIn(member(shopGoods, "shops"), "shop_id") == std::vector<long long>{t.near, t.far}));
    BOOST_TEST(member(shopGoods, "shops")[0]["goods"].Size() == 2u);

    // A try-on picture: added with PUT (JSON), listed with GET.
    const std::string picture = myUpload(me);
    REQUIRE_ERR_0(phone.send("PUT", "/user/goods/fit", {},
                             "{\"goodsID\":" + api::id(t.goods) + ",\"picURL\":\"" + picture +
                                 "\",\"description\":\"合身\"}"));
    const api::Response fits =
        phone.get("/user/goods/fit", {{"gid", api::id(t.goods)}, {"offset", "0"}, {"count", "5"}});
    REQUIRE_ERR_0(fits);
    BOOST_REQUIRE_EQUAL(member(fits, "picList").Size(), 1u);
    BOOST_TEST(std::string(member(fits, "picList")[0].GetString()) == picture);

    // Collections: concern both shops and the goods, the phone's diff and info.
    REQUIRE_ERR_0(phone.send("POST", "/user/shop/concern", {{"sid", api::id(t.near)}}));
    REQUIRE_ERR_0(phone.send("POST", "/user/shop/concern", {{"sid", api::id(t.far)}}));
    REQUIRE_ERR_0(phone.form("POST", "/user/goods/concern", {{"gid", api::id(t.goods)}}));
    BOOST_TEST(shopFans(me, t.near) == 1);
    BOOST_TEST((fanShopsOf(me) == std::set<long long>{t.near, t.far}));
    const api::Response fansDiff =
        phone.post("/user/fans/diff", "{\"shopIDs\":[" + api::id(t.near) + ",4000000000]}");
    REQUIRE_ERR_0(fansDiff);
    BOOST_TEST((numbersIn(member(fansDiff, "addShopIDs")) == std::vector<long long>{t.far}));
    BOOST_TEST((numbersIn(member(fansDiff, "delShopIDs")) == std::vector<long long>{4000000000}));
    const api::Response fansInfo =
        phone.get("/user/fans/info", {{"sid", api::id(t.near)}, {"sid", api::id(t.far)}});
    REQUIRE_ERR_0(fansInfo);
    BOOST_TEST((idsIn(member(fansInfo, "shopList")) == std::vector<long long>{t.near, t.far}));
    BOOST_TEST(member(fansInfo, "shopList")[0]["msgEnable"].GetInt() == 2);
    const api::Response fansNews =
        phone.get("/user/fans/news", {{"sid", api::id(t.near)}, {"sid", api::id(t.far)}});
    REQUIRE_ERR_0(fansNews);
    BOOST_TEST(member(fansNews, "shopList")[0]["hasAct"].GetInt() == 1);
    BOOST_TEST(member(fansNews, "shopList")[0]["hasNew"].GetInt() == 1);
    BOOST_TEST(member(fansNews, "shopList")[1]["hasAct"].GetInt() == 0);
    const api::Response favoriteDiff = phone.post("/user/favorite/diff", "{\"goodsIDs\":[]}");
    REQUIRE_ERR_0(favoriteDiff);
    BOOST_TEST((numbersIn(member(favoriteDiff, "addGoodsIDs")) == std::vector<long long>{t.goods}));
    BOOST_TEST(member(favoriteDiff, "delGoodsIDs").Size() == 0u);
    const api::Response favoriteInfo =
        phone.get("/user/favorite/info", {{"gid", api::id(t.goods)}});
    REQUIRE_ERR_0(favoriteInfo);
    const auto& favorite = member(favoriteInfo, "goodsList")[0];
    BOOST_TEST(favorite["gid"].GetInt64() == t.goods);
    BOOST_TEST(favorite["sid"].GetInt64() == t.near);
    BOOST_TEST(favorite["price"].GetInt64() == 199);
    const api::Response mine =
        phone.get("/userweb/" + api::id(me) + "/favorites", {{"offset", "0"}, {"limit", "1"}});
    REQUIRE_ERR_0(mine);
    BOOST_TEST(member(mine, "total_num").GetInt64() == 1);
    BOOST_TEST((idsIn(member(mine, "goods")) == std::vector<long long>{t.goods}));
    BOOST_TEST(member(mine, "goods")[0]["status"].GetInt64() == 1);

    // Messages from fan shops: off for every one (-1), then on again for one, sent as 1.
    REQUIRE_ERR_0(phone.post("/user/setting/message", "{\"shopID\":-1,\"msgEnable\":0}"));
    REQUIRE_ERR_0(
        phone.post("/user/setting/message", "{\"shopID\":" + api::id(t.far) + ",\"msgEnable\":1}"));
    const api::Response switches =
        call(me, "/shop/fans!info", {{"sid", api::id(t.near)}, {"sid", api::id(t.far)}});
    MMX_REQUIRE_OK(switches);
    BOOST_TEST((field(switches, "shopList", "msgEnable") == std::vector<long long>{0, 2}));

    const api::Response counted = phone.get("/user/ffv/count", {{"uid", api::id(me)}});
    REQUIRE_ERR_0(counted);
    BOOST_TEST(member(counted, "ffvCount")["fans"].GetInt64() == 2);
    BOOST_TEST(member(counted, "ffvCount")["favorite"].GetInt64() == 1);
    BOOST_TEST(member(counted, "ffvCount")["visited"].GetInt64() == 1);

    // Unconcern with DELETE, seen by the house.
    REQUIRE_ERR_0(phone.send("DELETE", "/user/shop/concern", {{"sid", api::id(t.far)}}));
    REQUIRE_ERR_0(phone.send("DELETE", "/user/goods/concern", {{"gid", api::id(t.goods)}}));
    BOOST_TEST((fanShopsOf(me) == std::set<long long>{t.near}));
    const api::Response favouritesLeft = call(me, "/shop/favorite!diff");
    MMX_REQUIRE_OK(favouritesLeft);
    BOOST_TEST(numbers(favouritesLeft, "addGoodsIDs").empty());

    // Log out (the house's signOut ends the session the headers name): the phone is refused.
    MMX_REQUIRE_OK(api::post(me, "/user/user!signOut"));
    BOOST_TEST(errOf(phone.get("/user/city")) == 1003);
}

BOOST_AUTO_TEST_CASE(a_friends_collections_show_while_the_friend_allows_them) {
    Town t;
    const api::TestUser& me = t.world.user;
    const api::TestUser buddy = api::newUser();
    api::befriend(me, buddy);
    MMX_REQUIRE_OK(call(buddy, "/shop/goods!concern", {{"gid", api::id(t.goods)}}));
    MMX_REQUIRE_OK(call(buddy, "/shop/shop!concern", {{"sid", api::id(t.near)}}));
    MMX_REQUIRE_OK(call(buddy, "/shop/shop!enter", {{"sid", api::id(t.far)}}));
    const Phone phone = phoneOf(me);
    const api::Params page = {{"uid", api::id(buddy)}, {"offset", "0"}, {"count", "5"}};

    const api::Response favorites = phone.get("/user/friend/favorite", page);
    REQUIRE_ERR_0(favorites);
    BOOST_TEST((idsIn(member(favorites, "goodsList")) == std::vector<long long>{t.goods}));
    BOOST_TEST(member(favorites, "goodsList")[0]["desc"].IsString());
    BOOST_TEST(member(favorites, "goodsList")[0]["promot"].GetInt64() == 128);
    const api::Response fans = phone.get("/user/friend/fans", page);
    REQUIRE_ERR_0(fans);
    BOOST_TEST((idsIn(member(fans, "shopList")) == std::vector<long long>{t.near}));
    BOOST_TEST(member(fans, "shopList")[0]["hasAct"].GetInt() == 1);
    const api::Response visits = phone.get("/user/friend/visit", page);
    REQUIRE_ERR_0(visits);
    BOOST_TEST((idsIn(member(visits, "shopList")) == std::vector<long long>{t.far}));
    const api::Response theirs =
        phone.get("/userweb/" + api::id(buddy) + "/favorites", {{"offset", "0"}, {"limit", "5"}});
    REQUIRE_ERR_0(theirs);
    BOOST_TEST(member(theirs, "total_num").GetInt64() == 1);
    const api::Response counts = phone.get("/user/ffv/count", {{"uid", api::id(buddy)}});
    REQUIRE_ERR_0(counts);
    BOOST_TEST(member(counts, "ffvCount")["favorite"].GetInt64() == 1);

    // The friend hides favourites: the lists and the count of them are no longer shown.
    MMX_REQUIRE_OK(call(buddy, "/user/setting!privacy", {{"favoriteEnable", "0"}}));
    BOOST_TEST(errOf(phone.get("/user/friend/favorite", page)) == 1006);
    BOOST_TEST(errOf(phone.get("/userweb/" + api::id(buddy) + "/favorites")) == 1006);
    const api::Response hidden = phone.get("/user/ffv/count", {{"uid", api::id(buddy)}});
    REQUIRE_ERR_0(hidden);
    BOOST_TEST(member(hidden, "ffvCount")["favorite"].IsNull());
    BOOST_TEST(member(hidden, "ffvCount")["fans"].GetInt64() == 1);
    REQUIRE_ERR_0(phone.get("/user/friend/fans", page));
}

BOOST_AUTO_TEST_CASE(refusals_carry_the_notes_numeric_codes) {
    Town t;
    const api::TestUser& me = t.world.user;
    const Phone phone = phoneOf(me);
    const api::TestUser stranger = api::newUser();
    MMX_REQUIRE_OK(call(stranger, "/shop/goods!concern", {{"gid", api::id(t.goods)}}));

    // No login, a wrong password's non-session, a forged token.
    const api::Response bare =
        api::http().request("GET", "/user/city", "", api::clientHeader(api::uniqueClient()));
    BOOST_TEST(errOf(bare) == 1002);
    MMX_CHECK_FAILS_WITH(
        api::http().post("/user/user!login",
                         {{"userVO.userName", me.mobile}, {"userVO.password", me.password + "x"}},
                         api::clientHeader(api::uniqueClient())),
        "BAD_CREDENTIALS");
    Phone forged = phone;
    forged.session.accessToken = std::string(64, 'a');
    BOOST_TEST(errOf(forged.get("/user/city")) == 1003);

    // Someone else's id: a stranger's collections are not shown.
    const api::Params strangerPage = {{"uid", api::id(stranger)}};
    BOOST_TEST(errOf(phone.get("/user/friend/favorite", strangerPage)) == 1006);
    BOOST_TEST(errOf(phone.get("/user/friend/fans", strangerPage)) == 1006);
    BOOST_TEST(errOf(phone.get("/user/friend/visit", strangerPage)) == 1006);
    BOOST_TEST(errOf(phone.get("/user/ffv/count", strangerPage)) == 1006);
    BOOST_TEST(errOf(phone.get("/userweb/" + api::id(stranger) + "/favorites")) == 1006);
    BOOST_TEST(errOf(phone.post("/user/setting/message",
                                "{\"shopID\":" + api::id(t.near) + ",\"msgEnable\":0}")) == 1007);

    // Bad input, each named.
    BOOST_TEST(errOf(phone.get("/user/shop/info", {{"sid", "abc"}})) == 1001);
    BOOST_TEST(errOf(phone.get("/user/shop/name")) == 1001);
    BOOST_TEST(errOf(phone.get("/user/shop", {{"city", api::id(t.world.city)}, {"long", "1"}})) ==
               1001);
    BOOST_TEST(errOf(phone.get("/user/shop", {{"city", api::id(t.world.city)}, {"count", "51"}})) ==
               1001);
    BOOST_TEST(errOf(phone.get("/user/goods/info")) == 1001);
    BOOST_TEST(errOf(phone.get("/user/goods/promot")) == 1001);
    BOOST_TEST(errOf(phone.get("/userweb/shopgoods/1,x")) == 1001);
    BOOST_TEST(errOf(phone.post("/user/setting/message", "{\"shopID\":-1,\"msgEnable\":3}")) ==
               1001);
    BOOST_TEST(errOf(phone.post("/user/setting/message", "{\"shopID\":0,\"msgEnable\":2}")) ==
               1001);
    BOOST_TEST(errOf(phone.post("/user/fans/diff", "{\"shopIDs\":[1,-2]}")) == 1001);
    BOOST_TEST(errOf(phone.send("PUT", "/user/goods/fit", {},
                                "{\"goodsID\":" + api::id(t.goods) +
                                    ",\"picURL\":\"http://elsewhere.example/a.jpg\"}")) == 1001);

    // Unknown things.
    BOOST_TEST(errOf(phone.get("/user/shop/info", {{"sid", "4000000000"}})) == 1007);
    BOOST_TEST(errOf(phone.get("/user/goods/info", {{"barcode", "no-such-code"}})) == 1007);
    BOOST_TEST(errOf(phone.get("/userweb/activity/4000000000")) == 1007);
    BOOST_TEST(errOf(phone.send("POST", "/user/shop/concern", {{"sid", "4000000000"}})) == 1007);

    // A path under a method it does not take: the house's 405.
    MMX_CHECK_ANSWER(phone.send("POST", "/user/city"), 405, "METHOD_NOT_ALLOWED");
    MMX_CHECK_ANSWER(phone.send("GET", "/user/shop/enter", {{"sid", api::id(t.near)}}), 405,
                     "METHOD_NOT_ALLOWED");
}

BOOST_AUTO_TEST_CASE(concurrent_concerns_count_each_fan_once) {
    Town t;
    std::vector<api::TestUser> fans;
    for (int i = 0; i < 6; ++i) fans.push_back(api::newUser());
    std::atomic<int> refused{0};
    std::vector<std::function<void()>> tasks;
    for (const auto& fan : fans) {
        for (int repeat = 0; repeat < 2; ++repeat) {
            tasks.emplace_back([&, session = fan.session] {
                api::HttpClient http(api::stackEnv().baseUrl);
                const api::Response r =
                    http.request("POST", "/user/shop/concern?sid=" + api::id(t.near), "",
                                 api::authHeaders(session));
                if (!r.isJson() || !r.json.HasMember("err") || r.json["err"].GetInt() != 0) {
                    ++refused;
                }
            });
        }
    }
    api::runTogether(std::move(tasks));
    BOOST_TEST(refused.load() == 0);
    BOOST_TEST(shopFans(t.world.user, t.near) == 6);
    for (const auto& fan : fans) BOOST_TEST((fanShopsOf(fan) == std::set<long long>{t.near}));
}

BOOST_AUTO_TEST_SUITE_END()
