// The practices the map shows: every published practice with its unit's place (resolved from
// the gazetteer at read time, geo/place_resolution.h), built once per change-log position and
// shared by /mapa and /api/v1/practices.geojson. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/place_resolution.h"
#include "model/section_tree.h"
#include "search/query.h"
#include "store/store.h"
#include "web/search_source.h"

namespace bdp::web {

struct MapPractice {
  std::int64_t id = 0;
  std::string title, href;
  std::int64_t unit_id = 0;
  std::string unit_name, unit_href;
  std::string section;                    // the name of its first section ("" when none)
  std::string voivodeship, county, town;  // the unit's, for the list
  geo::ResolvedPlace place;
};

// A published adoption between two placed units: from the practice's unit to the one that took
// it up.
struct MapAdoption {
  std::int64_t practice_id = 0;
  std::string title, href;  // the practice taken up
  std::string from_unit, to_unit;
  int year = 0;
  geo::LonLat from, to;
};

struct MapSnapshot {
  std::int64_t seq = 0;                // the change-log position it reflects
  std::vector<MapPractice> practices;  // published, ordered by id; unplaced ones included
  std::vector<MapAdoption> adoptions;  // published, of published practices, both ends placed
};

// The published practices of `store` now, placed by `gazetteer`.
Result<MapSnapshot> build_map_snapshot(Store& store, const SectionTree& tree,
                                       const geo::Gazetteer& gazetteer);

// Keeps the latest snapshot; current() rebuilds it when the store's change-log position has
// moved (one caller builds, the others wait for it). Borrows store and gazetteer.
class MapSnapshots {
 public:
  MapSnapshots(Store& store, const geo::Gazetteer& gazetteer)
      : store_(store), gazetteer_(gazetteer) {}
  Result<std::shared_ptr<const MapSnapshot>> current(const SectionTree& tree);

 private:
  Store& store_;
  const geo::Gazetteer& gazetteer_;
  std::mutex mutex_;
  std::shared_ptr<const MapSnapshot> latest_;
};

// "Near a place": the practices within radius_km of a gazetteer place, from the URL parameters
// blisko=<the place as typed: "Śrem", "Baranów, lubelskie"> and promien=<km>.
struct NearPlace {
  std::string typed;  // as the visitor wrote it
  std::string name;   // the gazetteer's
  geo::LonLat point;
  int radius_km = 30;
};
inline constexpr int kNearRadii[] = {10, 30, 50, 100};  // the radii offered (km)
// nullopt without blisko. Errors: invalid_input when the place is not in the gazetteer
// (public message map.unknown_place) or promien is not one of kNearRadii.
Result<std::optional<NearPlace>> near_place_from_parameters(
    const std::multimap<std::string, std::string>& params, const geo::Gazetteer& gazetteer);
// "&blisko=…&promien=…" for URLs, "" without a place.
std::string near_parameters(const std::optional<NearPlace>& near);

// The distance in km from `near` of each practice of `snapshot` placed within its radius.
std::map<std::int64_t, double> distances_near(const MapSnapshot& snapshot, const NearPlace& near);

// True when the query has no text and no filter: it selects every practice.
bool selects_everything(const search::Query& query);

// The practices of `snapshot` the query selects, in snapshot order: all of them when the query
// has no text and no filter, else those search's matching_ids names (the filters of /szukaj);
// with `near`, only those placed within its radius.
// Errors: as SearchSource::matching_ids; unavailable when a filter is asked without a search.
Result<std::vector<const MapPractice*>> select_practices(const MapSnapshot& snapshot,
                                                         const search::Query& query,
                                                         SearchSource* search,
                                                         const std::optional<NearPlace>& near);

}  // namespace bdp::web
