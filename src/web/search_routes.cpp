// The search results page, GET /szukaj: rendered per query, never cached.
#include "web/error_boundary.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

http::Response search_page(Site& site, const Visit& visit) {
  const auto query = search::query_from_parameters(visit.request.query);
  const auto tree = site.sections();
  const auto ctx = site.view_context(visit, *tree);
  if (!site.search) return site.page(visit, 503, site.views.search(ctx, query, nullptr));
  auto results = site.search->search(query);
  if (!results) {
    const Error& e = results.error();
    if (e.kind == ErrorKind::invalid_input) {
      // The one query the index refuses is one too long: the page again, with the reason.
      search::SearchResults empty;
      empty.notice = search::Notice::too_long;
      return site.page(visit, 400, site.views.search(ctx, query, &empty));
    }
    // Any other failure: the results page saying search is unavailable; the error's text goes
    // to the log only.
    log_error(e, visit.request.target);
    return site.page(visit, http_status_for(e.kind), site.views.search(ctx, query, nullptr));
  }
  return site.page(visit, 200, site.views.search(ctx, query, &*results));
}

}  // namespace

void add_search_routes(Routes& routes, Site& site) {
  routes.add(
      http::Method::get, "/szukaj",
      {RouteKind::page, [&site](const Visit& v, const Params&) { return search_page(site, v); }});
}

}  // namespace bdp::web
