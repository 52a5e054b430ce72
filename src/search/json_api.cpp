#include "search/json_api.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "model/permalink.h"

namespace bdp::search {
namespace {

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json query_json(const Query& query) {
  nlohmann::json filters = nlohmann::json::object();
  for (const auto& [facet, value] : query.filters) filters[facet].push_back(value);
  return {{"q", query.text}, {"filters", filters}, {"sort", to_string(query.sort)}};
}

nlohmann::json hit_json(const Hit& hit) {
  nlohmann::json j = {
      {"kind", to_string(hit.kind)},
      {"id", hit.id},
      {"title", hit.title},
      {"slug", hit.slug},
      {"url", hit.kind == HitKind::practice && hit.href.empty() ? practice_path(hit.id, hit.slug)
                                                                : hit.href},
      {"place", hit.place},
      {"entered_on", hit.entered_on},
      {"snippet_html", hit.snippet_html},
      {"score", hit.score}};
  if (hit.distance_km) j["distance_km"] = std::round(*hit.distance_km * 10) / 10;
  if (hit.kind == HitKind::document) {
    j["file_url"] = hit.file_href;
    j["page"] = hit.page;
    j["document_kind"] = hit.document_kind;
    j["format"] = hit.format;
  }
  return j;
}

nlohmann::json facet_json(const Facet& facet) {
  nlohmann::json values = nlohmann::json::array();
  for (const auto& v : facet.values) {
    nlohmann::json value = {
        {"value", v.value}, {"label", v.label}, {"count", v.count}, {"selected", v.selected}};
    if (facet.name == "section") {
      value["parent"] = v.parent;
      value["depth"] = v.depth;
    }
    values.push_back(std::move(value));
  }
  return {{"name", facet.name}, {"label", facet.label}, {"values", values}};
}

}  // namespace

std::string search_results_to_json(const Query& query, const SearchResults& results) {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& hit : results.hits) hits.push_back(hit_json(hit));
  nlohmann::json facets = nlohmann::json::array();
  for (const auto& facet : results.facets) facets.push_back(facet_json(facet));
  nlohmann::json j = {{"query", query_json(query)},
                      {"total", results.total},
                      {"page", results.page},
                      {"page_size", results.page_size},
                      {"hits", hits},
                      {"facets", facets},
                      {"spelling_suggestion", results.spelling_suggestion},
                      {"corrected", results.corrected},
                      {"notice", to_string(results.notice)}};
  return dump(j);
}

std::string suggestions_to_json(const std::vector<Suggestion>& suggestions) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : suggestions)
    list.push_back({{"id", s.id}, {"title", s.title}, {"slug", s.slug}});
  return dump({{"suggestions", list}});
}

}  // namespace bdp::search
