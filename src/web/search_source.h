// SearchSource: the search functions the portal uses, behind an interface, so that a failing
// search can be put in its place in tests. In production: index_search_source() over the Xapian
// index. Implementations are thread-safe (the index is).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "search/query.h"

namespace bdp::search {
class SearchIndex;
}

namespace bdp::web {

class SearchSource {
 public:
  virtual ~SearchSource() = default;
  // As search::SearchIndex's functions of the same names (search/search_index.h).
  virtual Result<search::SearchResults> search(const search::Query& query) = 0;
  virtual Result<std::vector<std::int64_t>> matching_ids(const search::Query& query) = 0;
  virtual Result<std::vector<search::Suggestion>> suggest(std::string_view prefix, int n) = 0;
  virtual Result<std::vector<search::Hit>> similar(std::int64_t id, int n) = 0;
  virtual Result<std::vector<search::Hit>> units_like(std::int64_t id, int n) = 0;
};

// Forwards to `index` (borrowed: it must outlive the source).
std::unique_ptr<SearchSource> index_search_source(search::SearchIndex& index);

}  // namespace bdp::web
