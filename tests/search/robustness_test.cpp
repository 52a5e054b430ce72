// Failure paths and hostile input: a store failing mid-batch leaves the index at its last
// committed position; random queries of any bytes get results or a clear message.
#include <gtest/gtest.h>

#include <random>

#include "index_fixture.h"

namespace bdp::search {
namespace {

using testing::IndexedCorpus;
using testing::MemoryStore;

// Fails every practice() read while `failing` is set, as a database going away would.
class FlakyStore : public MemoryStore {
 public:
  bool failing = false;
  Result<Practice> practice(std::int64_t id) override {
    if (failing) return fail(ErrorKind::unavailable, "database is down");
    return MemoryStore::practice(id);
  }
};

TEST(SearchIndexFailures, AStoreFailingMidBatchCommitsNothingAndTheRetryCatchesUp) {
  testing::TempDir dir;
  FlakyStore store;
  ASSERT_TRUE(store.load(testing::corpus()));
  auto index = SearchIndex::open(dir.path() / "index", testing::shared_lemmatizer());
  ASSERT_TRUE(index);
  ASSERT_TRUE((*index)->apply_changes(store));
  const auto seq = *(*index)->last_applied_seq();

  Practice a = *store.practice(5), b = *store.practice(6);
  a.title = "Hulajnogi miejskie we Wrocławiu";
  ASSERT_TRUE(store.save_practice(a));
  ASSERT_TRUE(store.save_practice(b));
  store.failing = true;
  auto failed = (*index)->apply_changes(store);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(*(*index)->last_applied_seq(), seq);

  store.failing = false;
  EXPECT_EQ(*(*index)->apply_changes(store), 2);
  Query q;
  q.text = "hulajnogi";
  auto r = (*index)->search(q);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].id, 5);
}

TEST(SearchIndexFailures, OpeningAnUnwritableDirectoryIsUnavailable) {
  auto index = SearchIndex::open("/proc/bdp-search-index", testing::shared_lemmatizer());
  ASSERT_FALSE(index);
  EXPECT_EQ(index.error().kind, ErrorKind::unavailable);
}

// Only <mark> and </mark> may appear as markup in a snippet.
bool only_mark_tags(const std::string& html) {
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    if (html.compare(at, 6, "<mark>") != 0 && html.compare(at, 7, "</mark>") != 0) return false;
  }
  return true;
}

TEST_F(IndexedCorpus, RandomHostileQueriesGetResultsOrAClearMessage) {
  const std::vector<std::string> pieces = {
      "\"",    "-",    "OR",           "|",         " ",      "rower", "Śrem", "ł", "<script>",
      "&amp;", "\x01", "\xff",         "\xc5",      "63-100", "i",     "w",    "*", "(",
      ")",     "\t",   "\xe2\x80\x8b", "ą\xcc\x81", "NOT",    "AND"};
  std::mt19937 rng(4);
  for (int i = 0; i < 400; ++i) {
    Query q;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) q.text += pieces[rng() % pieces.size()];
    if (rng() % 3 == 0) q.filters.emplace("voivodeship", pieces[rng() % pieces.size()]);
    q.page = static_cast<int>(rng() % 4) - 1;
    q.page_size = static_cast<int>(rng() % 200) - 50;
    auto r = index->search(q);
    ASSERT_TRUE(r) << "query: " << q.text << " -> " << r.error().message;
    for (const auto& hit : r->hits)
      EXPECT_TRUE(only_mark_tags(hit.snippet_html)) << hit.snippet_html;
    auto s = index->suggest(q.text, 5);
    ASSERT_TRUE(s);
  }
}

}  // namespace
}  // namespace bdp::search
