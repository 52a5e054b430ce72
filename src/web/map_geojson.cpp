#include "web/map_geojson.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "geo/grid_clusters.h"

namespace bdp::web {
namespace {

using nlohmann::json;

Error bad_view(std::string why) {
  return Error{ErrorKind::invalid_input, std::move(why)};
}

std::optional<double> number(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

std::optional<geo::BBox> parse_bbox(std::string_view text) {
  double v[4];
  for (int i = 0; i < 4; ++i) {
    const auto comma = text.find(',');
    if ((i < 3) == (comma == std::string_view::npos)) return std::nullopt;
    const auto n = number(text.substr(0, comma));
    if (!n) return std::nullopt;
    v[i] = *n;
    text.remove_prefix(i < 3 ? comma + 1 : text.size());
  }
  const geo::BBox box{v[0], v[1], v[2], v[3]};
  if (box.west >= box.east || box.south >= box.north || box.west < -180 || box.east > 180 ||
      box.south < -90 || box.north > 90)
    return std::nullopt;
  return box;
}

json point(geo::LonLat p) {
  // 5 decimals: about a metre, and what the gazetteer holds.
  const auto round5 = [](double x) { return std::round(x * 1e5) / 1e5; };
  return {{"type", "Point"}, {"coordinates", {round5(p.lon), round5(p.lat)}}};
}

json practice_feature(const MapPractice& p, const NearPlace* near) {
  json feature = {{"type", "Feature"},
                  {"id", p.id},
                  {"geometry", point(*p.place.point)},
                  {"properties",
                   {{"id", p.id},
                    {"title", p.title},
                    {"url", p.href},
                    {"unit", p.unit_name},
                    {"unit_url", p.unit_href},
                    {"section", p.section},
                    {"place", p.place.label},
                    {"source", geo::to_string(p.place.source)}}}};
  if (near) {
    feature["properties"]["distance_km"] =
        std::round(geo::distance_km(*p.place.point, near->point) * 10) / 10;
  }
  return feature;
}

json cluster_feature(const geo::Cluster& c, i18n::Lang lang) {
  const auto n = static_cast<std::int64_t>(c.members.size());
  return {{"type", "Feature"},
          {"bbox", {c.bounds.west, c.bounds.south, c.bounds.east, c.bounds.north}},
          {"geometry", point(c.centre)},
          {"properties",
           {{"cluster", true}, {"count", n}, {"label", i18n::count_noun(lang, n, "practice")}}}};
}

}  // namespace

Result<MapView> map_view_from_parameters(const std::multimap<std::string, std::string>& params) {
  MapView view;
  if (auto z = params.find("zoom"); z != params.end()) {
    const auto n = number(z->second);
    if (!n || *n < 0 || *n > 22 || *n != std::floor(*n))
      return std::unexpected(bad_view("zoom is not a whole number from 0 to 22"));
    view.zoom = static_cast<int>(*n);
  }
  if (auto b = params.find("bbox"); b != params.end()) {
    const auto box = parse_bbox(b->second);
    if (!box) return std::unexpected(bad_view("bbox is not west,south,east,north in degrees"));
    view.bbox = *box;
  }
  return view;
}

std::string practices_geojson(const std::vector<const MapPractice*>& practices, const MapView& view,
                              i18n::Lang lang, const NearPlace* near) {
  std::vector<const MapPractice*> in_view;
  std::vector<geo::LonLat> points;
  for (const MapPractice* p : practices) {
    if (!p->place.point || !view.bbox.contains(*p->place.point)) continue;
    in_view.push_back(p);
    points.push_back(*p->place.point);
  }
  json features = json::array();
  if (in_view.size() <= kMaxMapFeatures) {
    for (const MapPractice* p : in_view) features.push_back(practice_feature(*p, near));
  } else {
    geo::ClusterOptions options;
    options.zoom = view.zoom;
    options.view = view.bbox;
    options.max_cells = kMaxMapFeatures;
    for (const auto& c : geo::grid_clusters(points, options)) {
      features.push_back(c.members.size() == 1 ? practice_feature(*in_view[c.members.front()], near)
                                               : cluster_feature(c, lang));
    }
  }
  return json{
      {"type", "FeatureCollection"}, {"total", in_view.size()}, {"features", std::move(features)}}
      .dump();
}

std::string adoptions_geojson(const MapSnapshot& snapshot) {
  json features = json::array();
  for (const auto& a : snapshot.adoptions) {
    features.push_back({{"type", "Feature"},
                        {"geometry",
                         {{"type", "LineString"},
                          {"coordinates", {{a.from.lon, a.from.lat}, {a.to.lon, a.to.lat}}}}},
                        {"properties",
                         {{"title", a.title},
                          {"url", a.href},
                          {"from", a.from_unit},
                          {"to", a.to_unit},
                          {"year", a.year}}}});
  }
  return json{{"type", "FeatureCollection"}, {"features", std::move(features)}}.dump();
}

std::string voivodeships_geojson(const geo::Gazetteer& gazetteer) {
  json features = json::array();
  for (const auto& v : gazetteer.voivodeships()) {
    json rings = json::array();
    for (const auto& ring : v.rings) {
      json points = json::array();
      for (const auto& p : ring) points.push_back({p.lon, p.lat});
      rings.push_back(std::move(points));
    }
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Polygon"}, {"coordinates", std::move(rings)}}},
                        {"properties", {{"name", v.name}, {"teryt", v.teryt}}}});
  }
  return json{{"type", "FeatureCollection"}, {"features", std::move(features)}}.dump();
}

}  // namespace bdp::web
