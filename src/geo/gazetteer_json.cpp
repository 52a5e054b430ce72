// Gazetteer::from_json / load: the file scripts/gazetteer.mjs writes. Points are [lon, lat].
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "geo/gazetteer.h"

namespace bdp::geo {
namespace {

using nlohmann::json;

LonLat point_of(const json& j) {
  return {j.at(0).get<double>(), j.at(1).get<double>()};
}

std::vector<Ring> rings_of(const json& j) {
  std::vector<Ring> rings;
  for (const auto& r : j) {
    Ring ring;
    ring.reserve(r.size());
    for (const auto& p : r) ring.push_back(point_of(p));
    rings.push_back(std::move(ring));
  }
  return rings;
}

}  // namespace

Result<Gazetteer> Gazetteer::from_json(std::string_view text) {
  Gazetteer g;
  try {
    const json doc = json::parse(text);
    for (const auto& v : doc.at("voivodeships")) {
      g.voivodeships_.push_back({v.at("name").get<std::string>(), v.at("teryt").get<std::string>(),
                                 point_of(v.at("centre")), rings_of(v.at("rings"))});
    }
    g.outline_ = rings_of(doc.at("outline"));
    const auto& places = doc.at("places");
    g.places_.reserve(places.size());
    for (const auto& p : places) {
      Place place{p.at(0).get<std::string>(),
                  p.at(1).get<std::string>(),
                  {p.at(2).get<double>(), p.at(3).get<double>()},
                  p.at(4).get<std::int64_t>(),
                  p.at(5).get<std::string>()};
      if (place.teryt.size() != 6 && place.teryt.size() != 2) {
        return fail(
            ErrorKind::invalid_input,
            fmt::format("gazetteer: place {} has no TERYT code of 6 (or 2) digits", place.name));
      }
      g.by_key_[place_key(place.name)].push_back(g.places_.size());
      g.places_.push_back(std::move(place));
    }
  } catch (const json::exception& e) {
    return fail(ErrorKind::invalid_input, fmt::format("gazetteer: {}", e.what()));
  }
  if (g.voivodeships_.size() != 16) {
    return fail(ErrorKind::invalid_input,
                fmt::format("gazetteer: {} voivodeships, not 16", g.voivodeships_.size()));
  }
  return g;
}

Result<Gazetteer> Gazetteer::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(
        ErrorKind::not_found,
        fmt::format("gazetteer {} cannot be read (node scripts/gazetteer.mjs builds it)", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  return from_json(text.str());
}

}  // namespace bdp::geo
