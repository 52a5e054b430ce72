// SearchIndex: the full-text index of published practices and of the library's public documents
// (Xapian, Polish analysis), derived from the Store and rebuildable at any time; deleting its
// directory loses nothing. Only search() returns documents (docs/search.md).
//
// Threading model:
//  - search / suggest / similar / units_like may run from many threads at once. Each call
//    borrows a Xapian::Database reader from a pool (one reader per concurrent call, reopened
//    to the latest commit when borrowed), so readers never share state.
//  - rebuild / apply_changes are serialised by one mutex around the single
//    Xapian::WritableDatabase; they run concurrently with searches, which see each commit.
//  - Hunspell sits behind one lock with a shared cache in front (lemmatizer.h).
// One process per index directory: a second open() of the same directory fails (unavailable).
// Errors: expected failures are values; Xapian exceptions never leave this class.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "search/lemmatizer.h"
#include "search/query.h"
#include "store/store.h"

namespace bdp::search {

class SearchIndex {
 public:
  // Opens or creates the index in `dir` (created if missing). A null lemmatizer loads
  // hunspell-pl from its default paths. Errors: unavailable (locked by another process,
  // unreadable, dictionary missing), invalid_input (an index of an unknown format: rebuild it).
  static Result<std::unique_ptr<SearchIndex>> open(
      const std::filesystem::path& dir, std::shared_ptr<Lemmatizer> lemmatizer = nullptr);
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  // Replaces the whole index with the published practices and the public documents (those with
  // a current version, with the text of that version) of `store` and remembers the
  // store's change-log position. The new index is built and compacted beside the old one
  // (DIR.staging, DIR.compacted), which searches keep using until the swap; on failure the
  // old index stays.
  Status rebuild(Store& store);
  // Follows the change log from the last applied sequence number (kept in the index metadata):
  // reindexes changed practices (and the practices of changed units; all of them when the
  // section tree changes) and changed documents, drops deleted or unpublished practices and
  // documents gone or without a current version. Returns the number of change-log
  // entries applied. Idempotent; call it from
  // store/change_follower.h's on_change so searches see a write within a second.
  Result<std::int64_t> apply_changes(Store& store);
  // The change-log sequence number the index reflects (0 for a new index).
  Result<std::int64_t> last_applied_seq();
  // Number of indexed practices (documents not counted).
  Result<std::int64_t> document_count();

  // Runs a query (docs/search.md). Errors: invalid_input for a query text over
  // kMaxQueryBytes, with a message for the user; unavailable if the index cannot be read.
  // Unknown facet names in filters are ignored; page_size is clamped to 1..kMaxPageSize.
  Result<SearchResults> search(const Query& query);
  // The ids of every practice matching the query's text and filters, ascending (sort, page
  // and spelling are ignored: no correction is tried). For the map, which shows all of them.
  // Errors as search().
  Result<std::vector<std::int64_t>> matching_ids(const Query& query);
  // Up to n practices whose title words start with what was typed (the last word may be
  // partial), best first: for suggestions as you type.
  Result<std::vector<Suggestion>> suggest(std::string_view prefix, int n);
  // Up to n practices most similar in content to practice `id` (not itself).
  // Errors: not_found when `id` is not in the index.
  Result<std::vector<Hit>> similar(std::int64_t id, int n);
  // Up to n practices from other units of the same unit type and population band as the unit
  // of practice `id`, most similar in content first. not_found when `id` is not indexed.
  Result<std::vector<Hit>> units_like(std::int64_t id, int n);

  struct Impl;  // opaque internal state (search_index_impl.h)

 private:
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bdp::search
