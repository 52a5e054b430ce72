// A SearchIndex over the test corpus in a MemoryStore, fed through the change log.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures/corpus.h"
#include "memory_store.h"
#include "search/search_index.h"
#include "test_support.h"

namespace bdp::search::testing {

class IndexedCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store.load(corpus()));
    auto opened = SearchIndex::open(dir.path() / "index", shared_lemmatizer());
    ASSERT_TRUE(opened) << opened.error().message;
    index = std::move(*opened);
    auto applied = index->apply_changes(store);
    ASSERT_TRUE(applied) << applied.error().message;
  }

  SearchResults run(Query query) {
    auto results = index->search(query);
    EXPECT_TRUE(results) << (results ? "" : results.error().message);
    return results ? *results : SearchResults{};
  }
  SearchResults run(const std::string& text) {
    Query q;
    q.text = text;
    return run(q);
  }
  static std::vector<std::int64_t> ids(const SearchResults& r) {
    std::vector<std::int64_t> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
  }
  static bool contains(const std::vector<std::int64_t>& v, std::int64_t id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  }
  static const Facet* facet(const SearchResults& r, const std::string& name) {
    for (const auto& f : r.facets) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
  static std::int64_t count_of(const SearchResults& r, const std::string& facet_name,
                               const std::string& value) {
    const Facet* f = facet(r, facet_name);
    if (f == nullptr) return -1;
    for (const auto& v : f->values) {
      if (v.value == value) return v.count;
    }
    return 0;
  }

  TempDir dir;
  MemoryStore store;
  std::unique_ptr<SearchIndex> index;
};

}  // namespace bdp::search::testing
