// LonLat: a point on the WGS 84 ellipsoid as GeoJSON orders it (RFC 7946: longitude first), and
// the great-circle distance between two. Pure; thread-safe.
#pragma once

namespace bdp::geo {

struct LonLat {
  double lon = 0;  // degrees east
  double lat = 0;  // degrees north
  bool operator==(const LonLat&) const = default;
};

// Great-circle (haversine) distance in kilometres on a sphere of the Earth's mean radius
// (6 371 km); within 0.5 % of the ellipsoidal distance.
double distance_km(LonLat a, LonLat b);

}  // namespace bdp::geo
