#include "geo/web_mercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace bdp::geo {

WorldPoint project(LonLat p) {
  constexpr double pi = std::numbers::pi;
  const double lat = std::clamp(p.lat, -85.0511, 85.0511) * pi / 180;
  return {(p.lon + 180) / 360 * 256, (1 - std::log(std::tan(pi / 4 + lat / 2)) / pi) / 2 * 256};
}

LonLat unproject(WorldPoint w) {
  constexpr double pi = std::numbers::pi;
  const double n = pi * (1 - 2 * w.y / 256);
  return {w.x / 256 * 360 - 180, std::atan(std::sinh(n)) * 180 / pi};
}

}  // namespace bdp::geo
