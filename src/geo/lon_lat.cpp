#include "geo/lon_lat.h"

#include <cmath>
#include <numbers>

namespace bdp::geo {

double distance_km(LonLat a, LonLat b) {
  constexpr double earth_radius_km = 6371.0;
  constexpr double rad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace bdp::geo
