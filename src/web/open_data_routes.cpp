#include "web/open_data_routes.h"

#include "web/route_families.h"

namespace bdp::web {

http::Response open_data_response(const OpenDataFile& file, int max_age) {
  auto r = http::text_response(200, file.body, file.content_type);
  r.set_header("etag", file.etag);
  r.set_header("cache-control", "public, max-age=" + std::to_string(max_age));
  return r;
}

void add_open_data_routes(Routes& routes, Site& site) {
  auto data = std::make_shared<OpenData>(site.store, site.config);
  add_api_v1_routes(routes, site, data);
  add_open_data_file_routes(routes, site, data);
  add_embed_routes(routes, site);
}

}  // namespace bdp::web
