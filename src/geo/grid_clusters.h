// Server-side clustering for the map: points grouped by the cells of a square grid laid over
// the Web Mercator world at a zoom level, so that one view never carries more features than
// cells (issue 14: at most ~2 000), however many points there are. The grid is anchored to the
// world, not to the view, so a cluster does not change when the map is panned. Pure;
// thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "geo/lon_lat.h"
#include "geo/web_mercator.h"

namespace bdp::geo {

struct ClusterOptions {
  int zoom = 6;                  // clamped to 0..22
  BBox view;                     // points outside are left out
  double cell_pixels = 64;       // the cell's side on screen at `zoom`
  std::size_t max_cells = 2000;  // the cell doubles until the view holds at most this many
};

struct Cluster {
  LonLat centre;                     // the mean of its points (a single point: that point)
  std::vector<std::size_t> members;  // indices into the points, ascending
  BBox bounds;                       // of its points
};

// The clusters of the points inside opts.view, ordered by cell (row by row from the north-west);
// each point inside is in exactly one. At most opts.max_cells clusters.
std::vector<Cluster> grid_clusters(std::span<const LonLat> points, const ClusterOptions& opts);

}  // namespace bdp::geo
