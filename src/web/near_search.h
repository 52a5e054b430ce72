// Search near a place (blisko=<place>&promien=<km>, as on the map): the practices the map places
// within the radius are handed to the search with their distances (search::Query::near), so
// /szukaj and /api/v1/search filter, count and sort by distance with everything else search does.
// Thread-safe.
#pragma once

#include <optional>

#include "core/result.h"
#include "http/message.h"
#include "search/query.h"
#include "web/map_snapshot.h"
#include "web/site.h"

namespace bdp::web {

// Reads the place of `request` into `query` (its practices near, and with no words nearest
// first, as relevance orders nothing then); nullopt without a place. Errors: invalid_input (an
// unknown place, public message map.unknown_place; a radius not offered), the store's.
Result<std::optional<NearPlace>> search_near(Site& site, const http::Request& request,
                                             search::Query& query);

}  // namespace bdp::web
