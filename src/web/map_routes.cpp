// The map: GET /mapa (rendered per query, like /szukaj: the filters are search's), the
// practices as GeoJSON for the interactive map, and the voivodeship boundaries it draws as its
// base layer. GeoJSON answers carry an ETag of their bytes; the unfiltered ones (which need no
// search index) are kept per change-log position.
#include <fmt/format.h>

#include <functional>
#include <unordered_map>

#include "web/error_boundary.h"
#include "web/map_geojson.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

// Rendered bodies of one change-log position; all are dropped when the position moves, and
// when there are too many (a crawler walking every bbox).
class BodiesOfRevision {
 public:
  std::shared_ptr<const std::string> get(std::int64_t seq, const std::string& key,
                                         const std::function<std::string()>& render) {
    std::lock_guard lock(mutex_);
    if (seq != seq_ || bodies_.size() >= 512) {
      bodies_.clear();
      seq_ = seq;
    }
    auto& body = bodies_[key];
    if (!body) body = std::make_shared<const std::string>(render());
    return body;
  }

 private:
  std::mutex mutex_;
  std::int64_t seq_ = -1;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> bodies_;
};

http::Response geojson(const std::string& body, std::string cache_control) {
  auto r = http::text_response(200, body, "application/geo+json");
  r.set_header("etag", fmt::format("\"{:016x}\"", std::hash<std::string>{}(body)));
  r.set_header("cache-control", std::move(cache_control));
  return r;
}

http::Response practices_geojson_route(Site& site, BodiesOfRevision& bodies, const Visit& v) {
  const auto query = search::query_from_parameters(v.request.query);
  auto view = map_view_from_parameters(v.request.query);
  if (!view) return site.error(v, view.error());
  auto snapshot = site.map_snapshots.current(*site.sections());
  if (!snapshot) return site.error(v, snapshot.error());
  const auto render = [&]() -> Result<std::string> {
    auto selected = select_practices(**snapshot, query, site.search);
    if (!selected) return std::unexpected(selected.error());
    return practices_geojson(*selected, *view, v.lang);
  };
  if (!selects_everything(query)) {
    auto body = render();
    if (!body) return site.error(v, body.error());
    return geojson(*body, "no-cache");
  }
  const std::string key =
      fmt::format("{}|{}|{},{},{},{}", i18n::code(v.lang), view->zoom, view->bbox.west,
                  view->bbox.south, view->bbox.east, view->bbox.north);
  // Unfiltered selections never fail: every practice of the snapshot.
  const auto body = bodies.get((*snapshot)->seq, key, [&] { return *render(); });
  return geojson(*body, "no-cache");
}

http::Response map_page(Site& site, const Visit& v) {
  const auto query = search::query_from_parameters(v.request.query);
  const auto tree = site.sections();
  const auto ctx = site.view_context(v, *tree);
  auto snapshot = site.map_snapshots.current(*tree);
  if (!snapshot) return site.error(v, snapshot.error());
  MapPage page;
  page.query = query;
  page.tile_url = site.config.map_tile_url;
  // The facets (with their counts) come from search, as on /szukaj; without it the map still
  // shows every practice, and says the filters are unavailable.
  search::SearchResults facets;
  if (site.search) {
    search::Query counting = query;
    counting.page_size = 1;
    if (auto results = site.search->search(counting)) {
      facets = std::move(*results);
      page.facets = &facets;
    } else {
      log_error(results.error(), v.request.target);
    }
  }
  auto selected = select_practices(**snapshot, query, page.facets ? site.search : nullptr);
  if (!selected) {
    // Filters without a working search: the page says so and shows nothing rather than all.
    log_error(selected.error(), v.request.target);
    return site.page(v, http_status_for(selected.error().kind), site.views.map(ctx, page));
  }
  page.practices = std::move(*selected);
  return site.page(v, 200, site.views.map(ctx, page));
}

}  // namespace

void add_map_routes(Routes& routes, Site& site) {
  using M = http::Method;
  routes.add(M::get, "/mapa", {RouteKind::page, [&site](const Visit& v, const Params&) {
                                 return map_page(site, v);
                               }});
  auto bodies = std::make_shared<BodiesOfRevision>();
  routes.add(M::get, "/api/v1/practices.geojson",
             {RouteKind::api, [&site, bodies](const Visit& v, const Params&) {
                return practices_geojson_route(site, *bodies, v);
              }});
  auto boundaries = std::make_shared<const std::string>(voivodeships_geojson(site.gazetteer));
  routes.add(M::get, "/api/v1/voivodeships.geojson",
             {RouteKind::api, [boundaries](const Visit&, const Params&) {
                return geojson(*boundaries, "public, max-age=86400");
              }});
}

}  // namespace bdp::web
