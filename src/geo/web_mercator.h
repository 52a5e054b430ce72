// The Web Mercator projection (EPSG:3857) that Leaflet uses, so the server's SVG maps and
// clusters agree with the browser's map: "world" coordinates of zoom 0, x and y in 0..256 from
// the north-west corner (at zoom z a world unit is 2^z pixels). Pure; thread-safe.
#pragma once

#include "geo/lon_lat.h"

namespace bdp::geo {

struct WorldPoint {
  double x = 0, y = 0;
};

// REQUIRES: |lat| < 85.06 (the projection's limit); larger values are clamped.
WorldPoint project(LonLat p);
LonLat unproject(WorldPoint w);

// A lon/lat rectangle, as GeoJSON's bbox orders it: west, south, east, north.
struct BBox {
  double west = -180, south = -85, east = 180, north = 85;
  bool contains(LonLat p) const {
    return p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north;
  }
  bool operator==(const BBox&) const = default;
};

}  // namespace bdp::geo
