// The JSON API of search (GET /api/v1/search, /api/v1/suggest; format in docs/search.md):
// pure functions from result values to JSON text, so the web layer only routes to them.
// Strings are UTF-8; invalid bytes become U+FFFD. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "search/query.h"

namespace bdp::search {

// {"query": {...echo of the query...}, "total", "page", "page_size", "hits": [...],
//  "facets": [...], "spelling_suggestion", "corrected", "notice"}
std::string search_results_to_json(const Query& query, const SearchResults& results);
// {"suggestions": [{"id", "title", "slug"}...]}
std::string suggestions_to_json(const std::vector<Suggestion>& suggestions);

}  // namespace bdp::search
