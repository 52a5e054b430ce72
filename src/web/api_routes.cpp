// The machine-readable answers: the JSON search API under /api/v1/ (format in docs/search.md;
// errors as RFC 9457 problem details through the error boundary; behind the API gate) and the
// health check.
#include <fmt/format.h>

#include "search/json_api.h"
#include "web/near_search.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

http::Response json(std::string body) {
  auto r = http::text_response(200, std::move(body), "application/json; charset=utf-8");
  r.set_header("cache-control", "no-cache");
  return r;
}

const Error kNoSearch{ErrorKind::unavailable, "search index is not open", "search.unavailable"};

}  // namespace

void add_api_routes(Routes& routes, Site& site) {
  using M = http::Method;
  site.api_gate.add(routes, site, "/api/v1/search", [&site](const Visit& v, const Params&) {
    if (!site.search) return site.error(v, kNoSearch);
    auto query = search::query_from_parameters(v.request.query);
    if (auto near = search_near(site, v.request, query); !near) return site.error(v, near.error());
    auto results = site.search->search(query);
    if (!results) {
      Error e = results.error();
      // The one query the index refuses is one too long.
      if (e.kind == ErrorKind::invalid_input) e.public_message = "search.notice.too_long";
      if (e.kind == ErrorKind::unavailable) e.public_message = "search.unavailable";
      return site.error(v, e);
    }
    return json(search::search_results_to_json(query, *results));
  });
  site.api_gate.add(routes, site, "/api/v1/suggest", [&site](const Visit& v, const Params&) {
    if (!site.search) return site.error(v, kNoSearch);
    auto suggestions = site.search->suggest(v.request.param("q"), 8);
    if (!suggestions) return site.error(v, suggestions.error());
    return json(search::suggestions_to_json(*suggestions));
  });
  routes.add(M::get, "/healthz",
             {RouteKind::health, [&site](const Visit&, const Params&) {
                auto seq = site.store.last_change_seq();
                auto r =
                    seq ? http::text_response(
                              200, fmt::format("{{\"status\":\"ok\",\"change_seq\":{}}}\n", *seq),
                              "application/json")
                        : http::text_response(503, "{\"status\":\"unavailable\"}\n",
                                              "application/json");
                r.set_header("cache-control", "no-store");
                return r;
              }});
}

}  // namespace bdp::web
