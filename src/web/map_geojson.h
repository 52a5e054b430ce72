// GET /api/v1/practices.geojson: the map's practices as an RFC 7946 FeatureCollection
// (coordinates [lon, lat], WGS 84). One view never carries more than kMaxMapFeatures features:
// when more practices are in view, they are clustered on the server (geo/grid_clusters.h) at
// the view's zoom. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/web_mercator.h"
#include "i18n/i18n.h"
#include "web/map_snapshot.h"

namespace bdp::web {

inline constexpr std::size_t kMaxMapFeatures = 2000;

// The visible area a client asks for: zoom=Z (0..22) and bbox=west,south,east,north (degrees).
struct MapView {
  int zoom = 6;
  geo::BBox bbox;  // the whole world when not given
  bool operator==(const MapView&) const = default;
};
// Errors: invalid_input when zoom or bbox is given but malformed (bbox: four numbers, west <
// east, south < north, within ±180 / ±90).
Result<MapView> map_view_from_parameters(const std::multimap<std::string, std::string>& params);

// The FeatureCollection of the practices in view: each practice a Point feature with
// properties id, title, url, unit, unit_url, section, place, source (geo::to_string); when more
// than kMaxMapFeatures are in view, grid clusters instead, each of several a Point feature with
// properties cluster (true), count, label ("12 praktyk", in `lang`) and a bbox member (RFC 7946
// §5). Practices without a place are left out. A foreign member "total" counts the practices
// in view. With `near`, each practice also has distance_km (from its place, one decimal).
std::string practices_geojson(const std::vector<const MapPractice*>& practices, const MapView& view,
                              i18n::Lang lang, const NearPlace* near = nullptr);

// The snapshot's adoptions as a FeatureCollection of LineStrings from the practice's place to
// the adopting unit's, each with properties title, url (the practice), from, to (unit names)
// and year.
std::string adoptions_geojson(const MapSnapshot& snapshot);

// The voivodeships of the gazetteer as a FeatureCollection of Polygons (property name), the
// map's base layer in the browser.
std::string voivodeships_geojson(const geo::Gazetteer& gazetteer);

}  // namespace bdp::web
