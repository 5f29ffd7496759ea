// How shops show money, distance and dates: yuan from fen, kilometres from metres, the
// China date of an instant; and the box around a point that a page near it reads.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numbers>
#include <string>

#include "core/china_time.hpp"
#include "core/geo.hpp"
#include "core/money.hpp"
#include "fcgi/response.hpp"
#include "services/shop_json.hpp"

namespace {

// What the answer's body carries for `fen` under "price".
std::string writtenYuan(std::int64_t fen) {
    mmx::Response response;
    mmx::JsonObject data = response.data();
    mmx::shop::setYuan(data, "price", fen);
    const std::string body = response.body();
    const auto at = body.find("\"price\":") + 8;
    return body.substr(at, body.find_first_of(",}", at) - at);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shop_format)

BOOST_AUTO_TEST_CASE(yuan_text_is_built_from_integer_fen) {
    const struct {
        std::int64_t fen;
        const char* yuan;
    } cases[] = {{0, "0"},
                 {1, "0.01"},
                 {10, "0.1"},
                 {99, "0.99"},
                 {100, "1"},
                 {1280, "12.8"},
                 {1205, "12.05"},
                 {9900, "99"},
                 {-50, "-0.5"},
                 {123456789, "1234567.89"},
                 {INT64_MIN, "-92233720368547758.08"}};
    for (const auto& c : cases) BOOST_CHECK_EQUAL(mmx::yuanText(c.fen), c.yuan);
}

BOOST_AUTO_TEST_CASE(every_amount_to_ten_thousand_yuan_is_written_exactly_as_its_decimal) {
    // The answer writes a double parsed from the exact decimal; RapidJSON writes the
    // shortest text that reads back as that double, which is the decimal itself.
    for (std::int64_t fen = 0; fen <= 1'000'000; ++fen) {
        if (writtenYuan(fen) != mmx::yuanText(fen)) {
            BOOST_FAIL("fen " << fen << " written as " << writtenYuan(fen));
        }
    }
    for (const std::int64_t fen : {99'999'999LL, 100'000'001LL, 12'345'678'99LL}) {
        BOOST_CHECK_EQUAL(writtenYuan(fen), mmx::yuanText(fen));
    }
}

BOOST_AUTO_TEST_CASE(kilometres_keep_two_decimals_rounded_from_whole_metres) {
    const struct {
        long long meters;
        const char* km;
    } cases[] = {{0, "0"},    {4, "0"},       {5, "0.01"},    {994, "0.99"}, {995, "1"},
                 {1000, "1"}, {1234, "1.23"}, {1235, "1.24"}, {1500, "1.5"}, {20015086, "20015.09"},
                 {-3, "0"}};
    for (const auto& c : cases) BOOST_CHECK_EQUAL(mmx::kilometresText(c.meters), c.km);
}

BOOST_AUTO_TEST_CASE(the_china_date_turns_at_16_00_utc) {
    // 2026-01-31 15:59:59.999 UTC is 23:59:59.999 in China; a millisecond later, Feb 1.
    const std::int64_t lastMs = 1769875199999;
    BOOST_CHECK_EQUAL(mmx::chinaDate(lastMs), "2026-01-31");
    BOOST_CHECK_EQUAL(mmx::chinaDate(lastMs + 1), "2026-02-01");
    BOOST_CHECK_EQUAL(mmx::chinaDate(0), "1970-01-01");
    BOOST_CHECK_EQUAL(mmx::chinaDate(-8LL * 3600 * 1000 - 1), "1969-12-31");
    BOOST_CHECK_EQUAL(mmx::chinaDate(1709222400000), "2024-03-01");  // after 29 February
}

BOOST_AUTO_TEST_CASE(coordinates_out_of_range_or_not_finite_are_invalid) {
    BOOST_CHECK(mmx::isValidCoordinate(114.05, 22.54));
    BOOST_CHECK(mmx::isValidCoordinate(-180, -90));
    BOOST_CHECK(mmx::isValidCoordinate(180, 90));
    BOOST_CHECK(!mmx::isValidCoordinate(180.0001, 0));
    BOOST_CHECK(!mmx::isValidCoordinate(0, -90.0001));
    BOOST_CHECK(!mmx::isValidCoordinate(std::nan(""), 0));
    BOOST_CHECK(!mmx::isValidCoordinate(0, INFINITY));
}

BOOST_AUTO_TEST_CASE(the_box_holds_every_point_within_the_radius) {
    const struct {
        mmx::GeoPoint center;
        double radius;
    } cases[] = {{{114.05, 22.54}, 1000}, {{113.26, 23.13}, 30000}, {{-73.9, 40.7}, 100000},
                 {{179.99, 10}, 5000},    {{0, 89.99}, 5000},       {{10, 0}, 4.1e7}};
    for (const auto& c : cases) {
        const mmx::GeoBox box = mmx::boxAround(c.center, c.radius);
        // Points on the circle in 72 directions, just inside the radius.
        for (int i = 0; i < 72; ++i) {
            const double bearing = i * 5 * std::numbers::pi / 180;
            const double angle = c.radius * 0.999 / mmx::kEarthRadiusMeters;
            const double lat1 = c.center.latitude * std::numbers::pi / 180,
                         lon1 = c.center.longitude * std::numbers::pi / 180;
            const double lat2 = std::asin(std::sin(lat1) * std::cos(angle) +
                                          std::cos(lat1) * std::sin(angle) * std::cos(bearing));
            double lon2 = lon1 + std::atan2(std::sin(bearing) * std::sin(angle) * std::cos(lat1),
                                            std::cos(angle) - std::sin(lat1) * std::sin(lat2));
            const double lat = lat2 * 180 / std::numbers::pi;
            double lon = lon2 * 180 / std::numbers::pi;
            if (lon > 180) lon -= 360;
            if (lon < -180) lon += 360;
            BOOST_TEST_CONTEXT(c.center.longitude << "," << c.center.latitude << " r=" << c.radius
                                                  << " bearing " << i * 5) {
                BOOST_CHECK(lat >= box.minLatitude && lat <= box.maxLatitude);
                BOOST_CHECK(lon >= box.minLongitude && lon <= box.maxLongitude);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(the_sphere_distance_matches_known_figures) {
    // Shenzhen Futian to Guangzhou Tianhe: 99.47 km, as MariaDB's ST_Distance_Sphere says.
    const double meters = mmx::sphereDistanceMeters({114.0579, 22.5431}, {113.3245, 23.1291});
    BOOST_CHECK_CLOSE(meters, 99471.1, 0.001);
    BOOST_CHECK_EQUAL(mmx::sphereDistanceMeters({1, 2}, {1, 2}), 0.0);
}

BOOST_AUTO_TEST_SUITE_END()
