#include "web/map_geojson.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

namespace bdp::web {
namespace {

std::vector<MapPractice> spread(std::size_t n) {
  std::mt19937 random(14);
  std::uniform_real_distribution<double> lon(14.2, 24.0), lat(49.1, 54.7);
  std::vector<MapPractice> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i].id = static_cast<std::int64_t>(i + 1);
    out[i].title = "Praktyka " + std::to_string(i + 1);
    out[i].place = {geo::LonLat{lon(random), lat(random)}, geo::PlaceSource::gazetteer, "X"};
  }
  return out;
}

std::vector<const MapPractice*> pointers(const std::vector<MapPractice>& v) {
  std::vector<const MapPractice*> out;
  for (const auto& p : v) out.push_back(&p);
  return out;
}

TEST(MapGeoJson, SendsEveryPracticeWhileAtMostTwoThousandAreInView) {
  const auto practices = spread(kMaxMapFeatures);
  const auto j = nlohmann::json::parse(practices_geojson(pointers(practices), {}, i18n::Lang::pl));
  EXPECT_EQ(j["features"].size(), kMaxMapFeatures);
  EXPECT_FALSE(j["features"][0]["properties"].contains("cluster"));
}

TEST(MapGeoJson, ClustersOnTheServerPastTwoThousandInView) {
  const auto practices = spread(100000);
  for (int zoom : {5, 7, 9, 12}) {
    MapView view;
    view.zoom = zoom;
    view.bbox = {14, 49, 24.5, 55};
    const auto j =
        nlohmann::json::parse(practices_geojson(pointers(practices), view, i18n::Lang::pl));
    EXPECT_LE(j["features"].size(), kMaxMapFeatures) << "zoom " << zoom;
    EXPECT_EQ(j["total"], 100000);
    std::int64_t sum = 0;
    for (const auto& f : j["features"]) {
      sum += f["properties"].contains("cluster") ? f["properties"]["count"].get<std::int64_t>() : 1;
    }
    EXPECT_EQ(sum, 100000) << "zoom " << zoom;
  }
  MapView view;
  view.zoom = 6;
  const auto j =
      nlohmann::json::parse(practices_geojson(pointers(practices), view, i18n::Lang::pl));
  const auto& cluster = j["features"][0];
  EXPECT_EQ(cluster["properties"]["cluster"], true);
  const auto n = cluster["properties"]["count"].get<std::int64_t>();
  EXPECT_EQ(cluster["properties"]["label"], i18n::count_noun(i18n::Lang::pl, n, "practice"));
  ASSERT_EQ(cluster["bbox"].size(), 4u);
  EXPECT_LE(cluster["bbox"][0].get<double>(), cluster["geometry"]["coordinates"][0].get<double>());
}

TEST(MapGeoJson, LeavesOutPracticesWithoutAPlace) {
  auto practices = spread(3);
  practices[1].place = {};
  const auto j = nlohmann::json::parse(practices_geojson(pointers(practices), {}, i18n::Lang::en));
  EXPECT_EQ(j["total"], 2);
  EXPECT_EQ(j["features"].size(), 2u);
}

TEST(MapGeoJson, ReadsTheViewFromTheUrl) {
  const auto view = map_view_from_parameters({{"zoom", "9"}, {"bbox", "16.5,51.9,17.5,52.3"}});
  ASSERT_TRUE(view);
  EXPECT_EQ(view->zoom, 9);
  EXPECT_EQ(view->bbox, (geo::BBox{16.5, 51.9, 17.5, 52.3}));
  EXPECT_EQ(map_view_from_parameters({})->zoom, 6);
  EXPECT_FALSE(map_view_from_parameters({{"bbox", "16.5,51.9,17.5,52.3,1"}}));
  EXPECT_FALSE(map_view_from_parameters({{"bbox", "-190,0,10,10"}}));
  EXPECT_FALSE(map_view_from_parameters({{"zoom", "-1"}}));
}

}  // namespace
}  // namespace bdp::web

namespace bdp::web {
namespace {

TEST(MapGeoJson, AnAdoptionIsALineFromThePracticesPlaceToTheAdoptingUnits) {
  MapSnapshot snapshot;
  snapshot.adoptions.push_back({12, "Klub seniora", "/praktyki/12-klub", "Baranów", "Kościany",
                                2022, geo::LonLat{22.04, 51.56}, geo::LonLat{17.62, 50.55}});
  const auto j = nlohmann::json::parse(adoptions_geojson(snapshot));
  ASSERT_EQ(j["features"].size(), 1u);
  const auto& f = j["features"][0];
  EXPECT_EQ(f["geometry"]["type"], "LineString");
  EXPECT_EQ(f["geometry"]["coordinates"], nlohmann::json::parse("[[22.04,51.56],[17.62,50.55]]"));
  EXPECT_EQ(f["properties"]["title"], "Klub seniora");
  EXPECT_EQ(f["properties"]["url"], "/praktyki/12-klub");
  EXPECT_EQ(f["properties"]["from"], "Baranów");
  EXPECT_EQ(f["properties"]["to"], "Kościany");
  EXPECT_EQ(f["properties"]["year"], 2022);
  EXPECT_EQ(nlohmann::json::parse(adoptions_geojson({}))["features"].size(), 0u);
}

}  // namespace
}  // namespace bdp::web
