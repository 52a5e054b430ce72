// The open-data route families over one shared OpenData (its per-revision documents), added
// together by add_open_data_routes (route_families.h): the read API under /api/v1/
// (api_v1_routes.cpp) and the published files — dumps, sitemap, robots.txt, feeds
// (open_data_file_routes.cpp); and the embeddable lists for units' own sites. Internal to web/.
#pragma once

#include <memory>

#include "web/open_data.h"
#include "web/route.h"
#include "web/site.h"

namespace bdp::web {

void add_api_v1_routes(Routes& routes, Site& site, const std::shared_ptr<OpenData>& data);
void add_open_data_file_routes(Routes& routes, Site& site, const std::shared_ptr<OpenData>& data);
// /osadz/jednostki/<unit slug>: the embeddable list of a unit's practices (embed_routes.cpp).
void add_embed_routes(Routes& routes, Site& site);

// `body` as a 200 response with a strong ETag from its bytes (finalize_response answers 304 to
// a match) and a cache lifetime for shared caches of `max_age` seconds.
http::Response etagged_response(std::string body, std::string content_type, int max_age);
// The built `file`, with its ETag and that lifetime: a small one read whole (compressed like a
// page), a large one streamed from disk, with Range (200, 206 or 416). Errors: unavailable.
Result<http::Response> open_data_response(const http::Request& request, const OpenDataFile& file,
                                          int max_age);

}  // namespace bdp::web
