#include "geo/place_resolution.h"

#include <array>
#include <string_view>

namespace bdp::geo {
namespace {

// The unit's name as a place: "Gmina Kórnik" → "Kórnik", "Miasto Gorlice" → "Gorlice".
std::string name_as_place(const std::string& name) {
  for (std::string_view prefix : {"Miasto i Gmina ", "Gmina Miejska ", "Gmina ", "Miasto "}) {
    if (name.starts_with(prefix)) return name.substr(prefix.size());
  }
  return name;
}

// How well place `p` agrees with the unit's TERYT code: 2 the same gmina (the first 6 digits),
// 1 the same county (4), 0 neither or no code.
int teryt_match(const Place& p, const std::string& teryt) {
  if (teryt.size() >= 6 && p.teryt == teryt.substr(0, 6)) return 2;
  if (teryt.size() >= 4 && p.county_teryt() == teryt.substr(0, 4)) return 1;
  return 0;
}

const Place* best_place(const Gazetteer& g, const std::string& name, const Voivodeship& v,
                        const std::string& teryt) {
  const Place* best = nullptr;
  for (const Place* p : g.named(name)) {
    if (p->voivodeship_teryt() != v.teryt) continue;
    const int match = teryt_match(*p, teryt);
    const int best_match = best ? teryt_match(*best, teryt) : -1;
    if (match > best_match || (match == best_match && p->population > best->population)) best = p;
  }
  return best;
}

std::optional<ResolvedPlace> county_centre(const Unit& unit, const Gazetteer& g,
                                           const Voivodeship& v) {
  std::string county;
  if (unit.teryt.size() >= 4 && unit.teryt.starts_with(v.teryt)) {
    county = unit.teryt.substr(0, 4);
  } else if (!unit.county.empty()) {
    if (const Place* seat = g.county_seat(unit.county, v.teryt)) county = seat->county_teryt();
  }
  const auto centre = g.county_centre(county);
  if (!centre) return std::nullopt;
  return ResolvedPlace{centre, PlaceSource::county_centre,
                       unit.county.empty() ? "powiat " + county : "powiat " + unit.county};
}

}  // namespace

const char* to_string(PlaceSource source) {
  switch (source) {
    case PlaceSource::hand:
      return "hand";
    case PlaceSource::gazetteer:
      return "gazetteer";
    case PlaceSource::county_centre:
      return "county_centre";
    case PlaceSource::voivodeship_centre:
      return "voivodeship_centre";
    case PlaceSource::unknown:
      break;
  }
  return "unknown";
}

ResolvedPlace resolve_place(const Unit& unit, const Gazetteer& g) {
  if (unit.latitude && unit.longitude) {
    return {LonLat{*unit.longitude, *unit.latitude}, PlaceSource::hand, unit.town};
  }
  const Voivodeship* v = g.voivodeship(unit.voivodeship);
  if (!v && unit.teryt.size() >= 2) v = g.voivodeship_by_teryt(unit.teryt.substr(0, 2));
  if (!v) return {};
  for (const std::string& name : std::array{unit.town, name_as_place(unit.name)}) {
    if (name.empty()) continue;
    if (const Place* p = best_place(g, name, *v, unit.teryt)) {
      return {p->point, PlaceSource::gazetteer, p->name};
    }
  }
  if (auto centre = county_centre(unit, g, *v)) return *centre;
  return {v->centre, PlaceSource::voivodeship_centre, v->name};
}

}  // namespace bdp::geo
