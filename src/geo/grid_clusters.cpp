#include "geo/grid_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace bdp::geo {

std::vector<Cluster> grid_clusters(std::span<const LonLat> points, const ClusterOptions& opts) {
  const int zoom = std::clamp(opts.zoom, 0, 22);
  double cell = std::max(opts.cell_pixels, 1.0) / std::ldexp(1.0, zoom);  // in world units
  const WorldPoint nw = project({opts.view.west, opts.view.north});
  const WorldPoint se = project({opts.view.east, opts.view.south});
  const auto cells_in_view = [&] {
    return (std::floor(se.x / cell) - std::floor(nw.x / cell) + 1) *
           (std::floor(se.y / cell) - std::floor(nw.y / cell) + 1);
  };
  while (cell < 256 &&
         cells_in_view() > static_cast<double>(std::max<std::size_t>(opts.max_cells, 1)))
    cell *= 2;
  const auto per_row = static_cast<std::int64_t>(std::ceil(256 / cell)) + 1;
  struct Cell {
    Cluster cluster;
    double lon_sum = 0, lat_sum = 0;
  };
  std::map<std::int64_t, Cell> cells;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const LonLat p = points[i];
    if (!opts.view.contains(p)) continue;
    const WorldPoint w = project(p);
    const auto key = static_cast<std::int64_t>(std::floor(w.y / cell)) * per_row +
                     static_cast<std::int64_t>(std::floor(w.x / cell));
    auto [it, fresh] = cells.try_emplace(key);
    Cluster& c = it->second.cluster;
    if (fresh) c.bounds = {p.lon, p.lat, p.lon, p.lat};
    c.members.push_back(i);
    c.bounds = {std::min(c.bounds.west, p.lon), std::min(c.bounds.south, p.lat),
                std::max(c.bounds.east, p.lon), std::max(c.bounds.north, p.lat)};
    it->second.lon_sum += p.lon;
    it->second.lat_sum += p.lat;
  }
  std::vector<Cluster> out;
  out.reserve(cells.size());
  for (auto& [key, cell] : cells) {
    const auto n = static_cast<double>(cell.cluster.members.size());
    cell.cluster.centre = {cell.lon_sum / n, cell.lat_sum / n};
    out.push_back(std::move(cell.cluster));
  }
  return out;
}

}  // namespace bdp::geo
