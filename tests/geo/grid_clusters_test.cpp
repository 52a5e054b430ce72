#include "geo/grid_clusters.h"

#include <gtest/gtest.h>

#include <random>

namespace bdp::geo {
namespace {

const LonLat srem{17.015, 52.089}, dolsk{17.063, 51.982}, krakow{19.937, 50.061};

const BBox poland{14.1, 49.0, 24.2, 54.9};

ClusterOptions at(int zoom, BBox view = poland) {
  ClusterOptions o;
  o.zoom = zoom;
  o.view = view;
  return o;
}

TEST(GridClusters, GroupsNearbyPointsAtLowZoomAndSplitsThemWhenZoomedIn) {
  const std::vector<LonLat> points = {srem, krakow, dolsk, srem};
  auto at6 = grid_clusters(points, at(6));
  ASSERT_EQ(at6.size(), 2u);
  EXPECT_EQ(at6[0].members, (std::vector<std::size_t>{0, 2, 3}));  // north first
  EXPECT_EQ(at6[1].members, (std::vector<std::size_t>{1}));
  EXPECT_NEAR(at6[0].centre.lon, (2 * srem.lon + dolsk.lon) / 3, 1e-9);
  EXPECT_EQ(at6[0].bounds, (BBox{17.015, 51.982, 17.063, 52.089}));
  EXPECT_EQ(at6[1].centre, krakow);
  // The whole world at zoom 6 would be 65 536 cells: they grow until at most 2 000 are in view.
  EXPECT_EQ(grid_clusters(points, at(6, BBox{})).size(), 1u);
  // At zoom 12 Śrem and Dolsk (12 km apart) are far apart on screen; Śrem twice stays one.
  auto at12 = grid_clusters(points, at(12));
  ASSERT_EQ(at12.size(), 3u);
}

TEST(GridClusters, LeavesOutPointsOutsideTheView) {
  const std::vector<LonLat> points = {srem, krakow};
  auto south = grid_clusters(points, at(8, {18, 49, 21, 51}));
  ASSERT_EQ(south.size(), 1u);
  EXPECT_EQ(south[0].members, (std::vector<std::size_t>{1}));
}

TEST(GridClusters, NeverGivesMoreClustersThanCellsAllowed) {
  std::mt19937 random(14);
  std::uniform_real_distribution<double> lon(14.1, 24.1), lat(49.0, 54.8);
  std::vector<LonLat> points(100000);
  for (auto& p : points) p = {lon(random), lat(random)};
  for (int zoom : {5, 8, 11, 14}) {
    const auto clusters = grid_clusters(points, at(zoom, BBox{}));
    EXPECT_LE(clusters.size(), 2000u) << "zoom " << zoom;
    std::size_t members = 0;
    for (const auto& c : clusters) members += c.members.size();
    EXPECT_EQ(members, points.size()) << "zoom " << zoom;
  }
}

}  // namespace
}  // namespace bdp::geo
