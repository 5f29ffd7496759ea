// Fan shops and favourites against MariaDB: the shop's `fans` column is exactly its
// fan rows after any sequence of concerns and unconcerns, and a refused concern leaves
// neither a row nor a count behind.
#include "services/collections.hpp"

#include <sodium.h>

#include <boost/test/unit_test.hpp>

#include "db_fixture.hpp"

using namespace mmx;
using dbtest::codeOf;
using dbtest::newUser;

namespace {

constexpr std::string_view kFansAndRows =
    "SELECT s.fans, (SELECT COUNT(*) FROM shop_fan f WHERE f.shop_id = s.id)"
    " FROM shop s WHERE s.id = ?";

// Shop and goods ids of this run: explicit, in a range of their own between the API
// suites' (shop_helpers.hpp's uniqueId, about 1e15) and the tables' own ids, which the
// test stack starts at 5e15 (tests/api/auto_ids.sh).
std::int64_t freshId() {
    static std::int64_t next = 3'000'000'000'000'000LL + (nowMs() % 1'000'000'000LL) * 1000;
    return next++;
}

// A shop of a city and category of its own; returns its id.
std::int64_t newShop(Services& services) {
    const std::string tag = std::to_string(randombytes_uniform(1'000'000'000));
    const auto city = services.db.execute("INSERT INTO city (name) VALUES (?)",
                                          {std::string_view("库测城" + tag)});
    const auto category = services.db.execute("INSERT INTO shop_category (name) VALUES (?)",
                                              {std::string_view("库测类" + tag)});
    const std::int64_t id = freshId();
    services.db.execute(
        "INSERT INTO shop (id, city_id, category_id, name, location, created_at)"
        " VALUES (?, ?, ?, ?, POINT(114, 22.5), 0)",
        {id, static_cast<std::int64_t>(city.insertId), static_cast<std::int64_t>(category.insertId),
         std::string_view("库测店")});
    return id;
}

std::pair<std::int64_t, std::int64_t> fansAndRows(Services& services, std::int64_t shop) {
    const auto row = services.db.queryOne(kFansAndRows, {shop});
    return {row->i64(0), row->i64(1)};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(collections, dbtest::Stack)

BOOST_AUTO_TEST_CASE(the_fans_column_is_exactly_the_fan_rows_after_any_sequence) {
    Services services(config);
    const std::int64_t shop = newShop(services);
    const std::int64_t a = newUser(services), b = newUser(services), c = newUser(services);
    const struct {
        std::int64_t user;
        bool concern;
        std::int64_t fans;
    } steps[] = {{a, true, 1}, {a, true, 1},  {b, true, 2},  {c, false, 2},
                 {c, true, 3}, {a, false, 2}, {a, false, 2}, {b, false, 1},
                 {a, true, 2}, {c, false, 1}, {a, false, 0}, {a, false, 0}};
    for (const auto& step : steps) {
        if (step.concern) {
            services::concernShop(services, step.user, shop);
        } else {
            services::unconcernShop(services, step.user, shop);
        }
        const auto [fans, rows] = fansAndRows(services, shop);
        BOOST_TEST(fans == step.fans);
        BOOST_TEST(rows == step.fans);
    }
}

BOOST_AUTO_TEST_CASE(a_concern_past_the_cap_leaves_no_row_and_no_count) {
    Config tight = config;
    tight.maxFanShops = 2;
    Services services(tight);
    const std::int64_t me = newUser(services);
    const std::int64_t first = newShop(services), second = newShop(services),
                       third = newShop(services);
    services::concernShop(services, me, first);
    services::concernShop(services, me, second);
    BOOST_TEST(
        (codeOf([&] { services::concernShop(services, me, third); }) == ErrorCode::Conflict));
    BOOST_TEST(fansAndRows(services, third).first == 0);
    BOOST_TEST(fansAndRows(services, third).second == 0);
    services::concernShop(services, me, second);  // a repeat at the cap is still fine
    BOOST_TEST(fansAndRows(services, second).first == 1);
}

BOOST_AUTO_TEST_CASE(goods_removed_from_the_shop_leave_the_favourites) {
    Services services(config);
    const std::int64_t me = newUser(services);
    const std::int64_t shop = newShop(services);
    const std::int64_t goods = freshId();
    services.db.execute(
        "INSERT INTO goods (id, shop_id, price, published_at) VALUES (?, ?, 100, 0)",
        {goods, shop});
    services::concernGoods(services, me, goods);
    BOOST_TEST(services::myFavorites(services, me, 0, 10).total == 1);
    services.db.execute("DELETE FROM goods WHERE id = ?", {goods});
    BOOST_TEST(services::myFavorites(services, me, 0, 10).total == 0);
    BOOST_TEST(
        (codeOf([&] { services::concernGoods(services, me, goods); }) == ErrorCode::NotFound));
}

BOOST_AUTO_TEST_SUITE_END()
