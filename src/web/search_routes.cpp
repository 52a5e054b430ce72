// The search results page, GET /szukaj: rendered per query, never cached; near a place too
// (near_search.h).
#include "web/error_boundary.h"
#include "web/near_search.h"
#include "web/page_number.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

http::Response search_page(Site& site, const Visit& visit) {
  if (auto renamed = target_with_page_renamed(visit.request)) return http::redirect(301, *renamed);
  const auto number = page_number(visit.request);
  if (!number) return site.error(visit, Error{ErrorKind::invalid_input, "bad page number"});
  auto query = search::query_from_parameters(visit.request.query);
  query.page = *number;
  const auto tree = site.sections();
  const auto ctx = site.view_context(visit, *tree);
  if (!site.search) return site.page(visit, 503, site.views.search(ctx, query, nullptr));
  auto near = search_near(site, visit.request, query);
  if (!near && near.error().public_message == "map.unknown_place") {
    // A place the gazetteer does not know: the page again, saying so, with nothing found.
    return site.page(visit, 400,
                     site.views.search(ctx, query, nullptr, {{}, visit.request.param("blisko")}));
  }
  if (!near) return site.error(visit, near.error());
  const SearchNear shown{*near, {}};
  auto results = site.search->search(query);
  if (!results) {
    const Error& e = results.error();
    if (e.kind == ErrorKind::invalid_input) {
      // The one query the index refuses is one too long: the page again, with the reason.
      search::SearchResults empty;
      empty.notice = search::Notice::too_long;
      return site.page(visit, 400, site.views.search(ctx, query, &empty, shown));
    }
    // Any other failure: the results page saying search is unavailable; the error's text goes
    // to the log only.
    log_error(e, visit.request.target);
    return site.page(visit, http_status_for(e.kind), site.views.search(ctx, query, nullptr, shown));
  }
  if (query.page > 1 && results->hits.empty()) {
    return site.error(visit, Error{ErrorKind::not_found, "search page past the end"});
  }
  return site.page(visit, 200, site.views.search(ctx, query, &*results, shown));
}

}  // namespace

void add_search_routes(Routes& routes, Site& site) {
  routes.add(
      http::Method::get, "/szukaj",
      {RouteKind::page, [&site](const Visit& v, const Params&) { return search_page(site, v); }});
}

}  // namespace bdp::web
