#include "web/near_search.h"

namespace bdp::web {

Result<std::optional<NearPlace>> search_near(Site& site, const http::Request& request,
                                             search::Query& query) {
  auto near = near_place_from_parameters(request.query, site.gazetteer);
  if (!near) return near;
  if (!*near) {
    // Distance orders nothing without a place.
    if (query.sort == search::SortOrder::distance) query.sort = search::SortOrder::relevance;
    return near;
  }
  auto snapshot = site.map_snapshots.current(*site.sections());
  if (!snapshot) return std::unexpected(snapshot.error());
  query.near = distances_near(**snapshot, **near);
  // With no words there is no relevance to order by: nearest first.
  if (query.text.empty() && query.sort == search::SortOrder::relevance) {
    query.sort = search::SortOrder::distance;
  }
  return near;
}

}  // namespace bdp::web
