// Where a unit is on the map: resolved at read time from the gazetteer, except coordinates an
// editor set by hand (Unit::latitude/longitude, the only ones stored). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "geo/gazetteer.h"
#include "model/unit.h"

namespace bdp::geo {

enum class PlaceSource {
  hand,                // the unit's stored coordinates (bdp unit set-place)
  gazetteer,           // its town (or name) found in its voivodeship
  county_centre,       // town unknown: the mean of the gazetteer's places of its county
  voivodeship_centre,  // town and county unknown: the centroid of its voivodeship
  unknown,             // not even the voivodeship is known: not on the map
};
// "hand", "gazetteer", "county_centre", "voivodeship_centre", "unknown".
const char* to_string(PlaceSource source);

struct ResolvedPlace {
  std::optional<LonLat> point;  // nullopt only when source is unknown
  PlaceSource source = PlaceSource::unknown;
  std::string label;  // the gazetteer's place name, or the county / voivodeship of a centre
  // A unit editors should give a place to: placed only at a centre, or not at all.
  bool approximate() const {
    return source != PlaceSource::hand && source != PlaceSource::gazetteer;
  }
};

// In order: the stored coordinates; the unit's town, then its name without "Gmina"/"Miasto",
// among the gazetteer's places of the unit's voivodeship (the same name exists in several):
// one in the unit's TERYT gmina first, then in its county, then the most populous; the county's
// centre (by the TERYT code's first 4 digits, else by the county seat its name is formed from); the
// voivodeship's centre. The voivodeship is the unit's, else the first two digits of its TERYT.
ResolvedPlace resolve_place(const Unit& unit, const Gazetteer& gazetteer);

}  // namespace bdp::geo
