#include "geo/web_mercator.h"

#include <gtest/gtest.h>

namespace bdp::geo {
namespace {

TEST(WebMercator, ProjectsAsLeafletDoesAtZoomZero) {
  const WorldPoint origin = project({0, 0});
  EXPECT_DOUBLE_EQ(origin.x, 128);
  EXPECT_NEAR(origin.y, 128, 1e-9);
  // Śrem: Leaflet's map.project([52.08868, 17.01508], 0).
  const WorldPoint srem = project({17.01508, 52.08868});
  EXPECT_NEAR(srem.x, 140.0996, 1e-3);
  EXPECT_NEAR(srem.y, 84.4581, 1e-3);
  const LonLat back = unproject(srem);
  EXPECT_NEAR(back.lon, 17.01508, 1e-9);
  EXPECT_NEAR(back.lat, 52.08868, 1e-9);
}

TEST(WebMercator, ABoxHoldsItsEdges) {
  const BBox poland{14.1, 49.0, 24.2, 54.9};
  EXPECT_TRUE(poland.contains({14.1, 49.0}));
  EXPECT_TRUE(poland.contains({17.0, 52.1}));
  EXPECT_FALSE(poland.contains({13.4, 52.5}));  // Berlin
}

}  // namespace
}  // namespace bdp::geo
