// The search pages of the portal: the results page, the JSON API and suggestions as you type.
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "search/json_api.h"
#include "web/error_mapping.h"
#include "web/portal.h"

namespace bdp::web {
namespace {

http::Response json(int status, std::string body) {
  auto r = http::text_response(status, std::move(body), "application/json; charset=utf-8");
  r.set_header("cache-control", "no-cache");
  return r;
}

std::string json_error(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace) +
         "\n";
}

}  // namespace

http::Response Portal::search_page(const Visit& visit) {
  const auto query = search::query_from_parameters(visit.request->query);
  const auto tree = sections();
  auto ctx = view_context(visit);
  ctx.sections = tree.get();
  if (!search_) return html(visit, 503, views_->search(ctx, query, nullptr));
  auto results = search_->search(query);
  if (!results) {
    const int status = http_status_for(results.error().kind);
    if (results.error().kind == ErrorKind::invalid_input) {
      // The one query the index refuses is one too long: the page again, with the reason.
      search::SearchResults empty;
      empty.notice = search::Notice::too_long;
      return html(visit, status, views_->search(ctx, query, &empty));
    }
    spdlog::error("search {}: {}", visit.request->target, results.error().message);
    return html(visit, status, views_->search(ctx, query, nullptr));
  }
  return html(visit, 200, views_->search(ctx, query, &*results));
}

void Portal::add_search_routes() {
  using M = http::Method;
  router_.add(M::get, "/szukaj", [this](const Visit& v, const Params&) { return search_page(v); });
  router_.add(M::get, "/api/v1/search", [this](const Visit& v, const Params&) {
    if (!search_) return json(503, json_error("search is not available"));
    const auto query = search::query_from_parameters(v.request->query);
    auto results = search_->search(query);
    if (!results)
      return json(http_status_for(results.error().kind), json_error(results.error().message));
    return json(200, search::search_results_to_json(query, *results));
  });
  router_.add(M::get, "/api/v1/suggest", [this](const Visit& v, const Params&) {
    if (!search_) return json(503, json_error("search is not available"));
    auto suggestions = search_->suggest(v.request->param("q"), 8);
    if (!suggestions) {
      return json(http_status_for(suggestions.error().kind),
                  json_error(suggestions.error().message));
    }
    return json(200, search::suggestions_to_json(*suggestions));
  });
}

}  // namespace bdp::web
