#include "web/near_search.h"

namespace bdp::web {

Result<std::optional<NearPlace>> search_near(Site& site, const http::Request& request,
                                             search::Query& query) {
  auto near = near_place_from_parameters(request.query, site.gazetteer);
  if (!near || !*near) return near;
  auto snapshot = site.map_snapshots.current(*site.sections());
  if (!snapshot) return std::unexpected(snapshot.error());
  query.near = distances_near(**snapshot, **near);
  const bool order_asked = request.query.contains("sort");
  if (query.text.empty() && !order_asked) query.sort = search::SortOrder::distance;
  return near;
}

}  // namespace bdp::web
