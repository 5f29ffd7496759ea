#include "core/geo.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace mmx {
namespace {

double radians(double degrees) {
    return degrees * std::numbers::pi / 180.0;
}

}  // namespace

bool isValidCoordinate(double longitude, double latitude) {
    return std::isfinite(longitude) && std::isfinite(latitude) && longitude >= -180.0 &&
           longitude <= 180.0 && latitude >= -90.0 && latitude <= 90.0;
}

GeoBox boxAround(GeoPoint center, double radiusMeters) {
    // A little more than the exact angle, so that rounding never leaves a point just
    // inside the radius outside the box.
    const double angle = radiusMeters / kEarthRadiusMeters * 180.0 / std::numbers::pi * 1.001;
    const double minLat = center.latitude - angle;
    const double maxLat = center.latitude + angle;
    GeoBox box{-180.0, std::max(-90.0, minLat), 180.0, std::min(90.0, maxLat)};
    const double widest = std::max(std::fabs(minLat), std::fabs(maxLat));
    if (widest < 89.0) {
        const double lonAngle = angle / std::cos(radians(widest));
        if (center.longitude - lonAngle >= -180.0 && center.longitude + lonAngle <= 180.0) {
            box.minLongitude = center.longitude - lonAngle;
            box.maxLongitude = center.longitude + lonAngle;
        }
    }
    return box;
}

std::string boxWkt(const GeoBox& b) {
    char text[320];
    std::snprintf(text, sizeof text, "POLYGON((%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f,%.7f %.7f))",
                  b.minLongitude, b.minLatitude, b.maxLongitude, b.minLatitude, b.maxLongitude,
                  b.maxLatitude, b.minLongitude, b.maxLatitude, b.minLongitude, b.minLatitude);
    return text;
}

double sphereDistanceMeters(GeoPoint a, GeoPoint b) {
    const double dLat = radians(b.latitude - a.latitude);
    const double dLon = radians(b.longitude - a.longitude);
    const double h = std::pow(std::sin(dLat / 2), 2) + std::cos(radians(a.latitude)) *
                                                           std::cos(radians(b.latitude)) *
                                                           std::pow(std::sin(dLon / 2), 2);
    return 2 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string kilometresText(long long meters) {
    if (meters < 0) meters = 0;
    // Hundredths of a kilometre, rounded half up from whole metres.
    const long long hundredths = (meters + 5) / 10;
    std::string text = std::to_string(hundredths / 100);
    const long long rest = hundredths % 100;
    if (rest != 0) {
        text += '.';
        text += static_cast<char>('0' + rest / 10);
        if (rest % 10 != 0) text += static_cast<char>('0' + rest % 10);
    }
    return text;
}

}  // namespace mmx
