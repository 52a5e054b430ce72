#include "web/search_source.h"

#include "search/search_index.h"

namespace bdp::web {
namespace {

class IndexSearchSource final : public SearchSource {
 public:
  explicit IndexSearchSource(search::SearchIndex& index) : index_(index) {}
  Result<search::SearchResults> search(const search::Query& query) override {
    return index_.search(query);
  }
  Result<std::vector<std::int64_t>> matching_ids(const search::Query& query) override {
    return index_.matching_ids(query);
  }
  Result<std::vector<search::Suggestion>> suggest(std::string_view prefix, int n) override {
    return index_.suggest(prefix, n);
  }
  Result<std::vector<search::Hit>> similar(std::int64_t id, int n) override {
    return index_.similar(id, n);
  }
  Result<std::vector<search::Hit>> units_like(std::int64_t id, int n) override {
    return index_.units_like(id, n);
  }

 private:
  search::SearchIndex& index_;
};

}  // namespace

std::unique_ptr<SearchSource> index_search_source(search::SearchIndex& index) {
  return std::make_unique<IndexSearchSource>(index);
}

}  // namespace bdp::web
