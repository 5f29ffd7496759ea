#pragma once

#include <optional>
#include <string>

namespace mmx {

// A point on the map in degrees, as phones send it: longitude first (`long`).
struct GeoPoint {
    double longitude = 0;
    double latitude = 0;
};

// Whether `longitude` lies in [-180, 180] and `latitude` in [-90, 90] (and both are finite).
bool isValidCoordinate(double longitude, double latitude);

// The box of degrees that holds every point within `radiusMeters` of `center` on the
// sphere ST_Distance_Sphere uses; near a pole or the antimeridian the box widens to the
// full range rather than wrap.
struct GeoBox {
    double minLongitude, minLatitude, maxLongitude, maxLatitude;
};
GeoBox boxAround(GeoPoint center, double radiusMeters);

// The box as WKT for ST_GeomFromText: POLYGON((x y, ...)) in SRID 0.
std::string boxWkt(const GeoBox& box);

// Metres on the sphere of MariaDB's ST_Distance_Sphere (radius 6370986 m).
double sphereDistanceMeters(GeoPoint a, GeoPoint b);

// The answer's `distance`: kilometres with at most 2 decimals, from whole metres
// (1234 m -> "1.23", 1000 m -> "1", 5 m -> "0.01", 0 m -> "0").
std::string kilometresText(long long meters);

inline constexpr double kEarthRadiusMeters = 6370986.0;

}  // namespace mmx
