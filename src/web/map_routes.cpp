// The map: GET /mapa (rendered per query, like /szukaj: the filters are search's), the
// practices as GeoJSON for the interactive map, and the voivodeship boundaries it draws as its
// base layer. GeoJSON answers carry an ETag of their bytes and gzip and Brotli variants; the
// unfiltered ones (which need no search index) are kept per change-log position.
#include <fmt/format.h>

#include <functional>
#include <set>
#include <unordered_map>

#include "http/brotli.h"
#include "http/precompressed.h"
#include "web/cache_tags.h"
#include "web/error_boundary.h"
#include "web/map_geojson.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

// A body with its variants (bdp's http module compresses JSON but not application/geo+json,
// so the GeoJSON brings its own, as cached pages do) and the ETag of its bytes.
struct Body {
  std::string etag;  // declared first: made from the text before it moves into `bytes`
  http::Precompressed bytes;
  explicit Body(std::string text)
      : etag(fmt::format("\"{:016x}\"", std::hash<std::string>{}(text))),
        bytes(http::precompress(std::move(text), http::kBrotliOftenQuality)) {}
};

// Rendered bodies of one change-log position; all are dropped when the position moves, and
// when there are too many (a crawler walking every bbox).
class BodiesOfRevision {
 public:
  std::shared_ptr<const Body> get(std::int64_t seq, const std::string& key,
                                  const std::function<std::string()>& render) {
    std::lock_guard lock(mutex_);
    if (seq != seq_ || bodies_.size() >= 512) {
      bodies_.clear();
      seq_ = seq;
    }
    auto& body = bodies_[key];
    if (!body) body = std::make_shared<const Body>(render());
    return body;
  }

 private:
  std::mutex mutex_;
  std::int64_t seq_ = -1;
  std::unordered_map<std::string, std::shared_ptr<const Body>> bodies_;
};

http::Response geojson(const Visit& v, const Body& body, std::string cache_control) {
  auto r = http::text_response(200, {}, "application/geo+json");
  r.set_header("vary", "Cookie");  // the cluster labels speak the language
  http::serve_precompressed(r, body.bytes, v.accepted, body.etag);
  r.set_header("cache-control", std::move(cache_control));
  return r;
}

http::Response practices_geojson_route(Site& site, BodiesOfRevision& bodies, const Visit& v) {
  const auto query = search::query_from_parameters(v.request.query);
  auto view = map_view_from_parameters(v.request.query);
  if (!view) return site.error(v, view.error());
  auto near = near_place_from_parameters(v.request.query, site.gazetteer);
  if (!near) return site.error(v, near.error());
  auto snapshot = site.map_snapshots.current(*site.sections());
  if (!snapshot) return site.error(v, snapshot.error());
  const auto render = [&]() -> Result<std::string> {
    auto selected = select_practices(**snapshot, query, site.search, *near);
    if (!selected) return std::unexpected(selected.error());
    return practices_geojson(*selected, *view, v.lang, *near ? &**near : nullptr);
  };
  if (!selects_everything(query) || *near) {
    auto body = render();
    if (!body) return site.error(v, body.error());
    return geojson(v, Body(std::move(*body)), "no-cache");
  }
  const std::string key =
      fmt::format("{}|{}|{},{},{},{}", i18n::code(v.lang), view->zoom, view->bbox.west,
                  view->bbox.south, view->bbox.east, view->bbox.north);
  // Unfiltered selections never fail: every practice of the snapshot.
  const auto body = bodies.get((*snapshot)->seq, key, [&] { return *render(); });
  return geojson(v, *body, "no-cache");
}

// The page for `query`, tagged with what it shows: every practice change drops the home page's
// tag (cache_tags.h), which the map shares; a unit change drops its own. With `need_facets`, a
// failed search fails the page (so that a page without filters is not cached).
Result<Rendered> render_map(Site& site, const Visit& v, const search::Query& query,
                            const std::optional<NearPlace>& near, bool need_facets) {
  const auto tree = site.sections();
  const auto ctx = site.view_context(v, *tree);
  auto snapshot = site.map_snapshots.current(*tree);
  if (!snapshot) return std::unexpected(snapshot.error());
  MapPage page;
  page.query = query;
  page.near = near;
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
    } else if (need_facets) {
      return std::unexpected(results.error());
    } else {
      log_error(results.error(), v.request.target);
    }
  } else if (need_facets) {
    return fail(ErrorKind::unavailable, "search index is not open");
  }
  Rendered out;
  out.tags = {kHomeTag};
  auto selected = select_practices(**snapshot, query, page.facets ? site.search : nullptr, near);
  if (!selected) {
    // Filters without a working search: the page says so and shows nothing rather than all.
    log_error(selected.error(), v.request.target);
    out.status = http_status_for(selected.error().kind);
  } else {
    page.practices = std::move(*selected);
  }
  std::set<std::int64_t> units;
  for (const MapPractice* p : page.practices) units.insert(p->unit_id);
  for (std::int64_t id : units) out.tags.push_back(unit_tag(id));
  out.html = site.views.map(ctx, page);
  return out;
}

// Rendered per query like /szukaj; the map of everything (no filter) comes from the page cache
// (the change follower drops it after the search index has followed the same changes), unless
// search fails: then it is rendered without filters, and not kept.
http::Response map_page(Site& site, const Visit& v) {
  const auto query = search::query_from_parameters(v.request.query);
  auto near = near_place_from_parameters(v.request.query, site.gazetteer);
  if (!near) {
    // A place the gazetteer does not know: the page again, saying so, with nothing near it.
    MapPage page;
    page.query = query;
    page.near_typed = v.request.param("blisko");
    page.notice = near.error().public_message;
    const auto tree = site.sections();
    return site.page(v, 400, site.views.map(site.view_context(v, *tree), page));
  }
  if (selects_everything(query) && !*near) {
    auto entry =
        site.cached(v, "/mapa", [&] { return render_map(site, v, query, std::nullopt, true); });
    if (entry) return site.respond(v, **entry);
  }
  auto rendered = render_map(site, v, query, *near, false);
  if (!rendered) return site.error(v, rendered.error());
  return site.page(v, rendered->status, rendered->html);
}

}  // namespace

void add_map_routes(Routes& routes, Site& site) {
  using M = http::Method;
  routes.add(M::get, "/mapa", {RouteKind::page, [&site](const Visit& v, const Params&) {
                                 return map_page(site, v);
                               }});
  auto bodies = std::make_shared<BodiesOfRevision>();
  site.api_gate.add(routes, site, "/api/v1/practices.geojson",
                    [&site, bodies](const Visit& v, const Params&) {
                      return practices_geojson_route(site, *bodies, v);
                    });
  site.api_gate.add(routes, site, "/api/v1/adoptions.geojson",
                    [&site, bodies](const Visit& v, const Params&) {
                      auto snapshot = site.map_snapshots.current(*site.sections());
                      if (!snapshot) return site.error(v, snapshot.error());
                      const auto body = bodies->get((*snapshot)->seq, "adoptions",
                                                    [&] { return adoptions_geojson(**snapshot); });
                      return geojson(v, *body, "no-cache");
                    });
  auto boundaries = std::make_shared<const Body>(voivodeships_geojson(site.gazetteer));
  site.api_gate.add(routes, site, "/api/v1/voivodeships.geojson",
                    [boundaries](const Visit& v, const Params&) {
                      return geojson(v, *boundaries, "public, max-age=86400");
                    });
}

}  // namespace bdp::web
