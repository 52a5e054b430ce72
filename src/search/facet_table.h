// FacetTable: the facet values of every document of one index revision, held in memory, so the
// facet counter reads no document while it walks every match. Built from the packed facet slot
// (facets.h); immutable once built, so one table is shared by concurrent searches.
// Internal to the search module.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bdp::search {

class FacetTable {
 public:
  using ValueId = std::uint32_t;

  // Reads the facet values of every document of `db` at its current revision.
  // Throws Xapian::Error (DatabaseModifiedError when a commit overtakes the read).
  static std::shared_ptr<const FacetTable> build(Xapian::Database& db);

  // Which database and revision the table was read from.
  const std::string& uuid() const { return uuid_; }
  Xapian::rev revision() const { return revision_; }
  // The value ids of document `docid`; empty for an unknown document.
  std::span<const ValueId> values_of(Xapian::docid docid) const;
  std::size_t value_count() const { return values_.size(); }
  std::size_t facet_of(ValueId id) const { return values_[id].first; }
  std::string_view value_of(ValueId id) const { return values_[id].second; }
  // The id of `value` of facet `facet`, if any document has it.
  std::optional<ValueId> find(std::size_t facet, std::string_view value) const;

 private:
  ValueId intern(std::size_t facet, std::string_view value);

  std::string uuid_;
  Xapian::rev revision_ = 0;
  std::vector<std::pair<std::size_t, std::string>> values_;  // by ValueId
  std::unordered_map<std::string, ValueId> ids_;             // facet letter + value -> id
  std::vector<std::uint32_t> offsets_;                       // docid -> first of its ids_of_docs_
  std::vector<ValueId> ids_of_docs_;
};

// The latest FacetTable, rebuilt when a search sees another index revision. Thread-safe.
class FacetTableCache {
 public:
  // The table for `db`'s revision: the cached one, or a new one (one thread builds it).
  // Throws Xapian::Error.
  std::shared_ptr<const FacetTable> table_for(Xapian::Database& db);
  // Forgets the cached table (after the index was replaced wholesale: revisions start again).
  void clear();

 private:
  std::mutex mutex_;
  std::shared_ptr<const FacetTable> table_;
};

}  // namespace bdp::search
