#include "search/facet_table.h"

#include "search/facets.h"
#include "search/terms.h"

namespace bdp::search {
namespace {

std::string key_of(std::size_t facet, std::string_view value) {
  std::string key(1, static_cast<char>('a' + facet));
  key += value;
  return key;
}

}  // namespace

std::shared_ptr<const FacetTable> FacetTable::build(Xapian::Database& db) {
  auto table = std::make_shared<FacetTable>();
  table->uuid_ = db.get_uuid();
  table->revision_ = db.get_revision();
  const Xapian::docid last = db.get_lastdocid();
  table->offsets_.assign(static_cast<std::size_t>(last) + 2, 0);
  table->ids_of_docs_.reserve(static_cast<std::size_t>(db.get_doccount()) * 6);
  Xapian::docid next = 1;  // offsets_ up to `next` are set
  for (auto it = db.valuestream_begin(terms::kSlotFacets);
       it != db.valuestream_end(terms::kSlotFacets); ++it) {
    const Xapian::docid docid = it.get_docid();
    const auto begin = static_cast<std::uint32_t>(table->ids_of_docs_.size());
    for (; next <= docid; ++next) table->offsets_[next] = begin;
    for_each_facet_value(*it, [&](std::size_t facet, std::string_view value) {
      table->ids_of_docs_.push_back(table->intern(facet, value));
    });
  }
  const auto end = static_cast<std::uint32_t>(table->ids_of_docs_.size());
  for (; next < table->offsets_.size(); ++next) table->offsets_[next] = end;
  return table;
}

FacetTable::ValueId FacetTable::intern(std::size_t facet, std::string_view value) {
  auto [it, added] = ids_.try_emplace(key_of(facet, value), static_cast<ValueId>(values_.size()));
  if (added) values_.emplace_back(facet, std::string(value));
  return it->second;
}

std::span<const FacetTable::ValueId> FacetTable::values_of(Xapian::docid docid) const {
  if (docid == 0 || docid + 1 >= offsets_.size()) return {};
  return std::span(ids_of_docs_).subspan(offsets_[docid], offsets_[docid + 1] - offsets_[docid]);
}

std::optional<FacetTable::ValueId> FacetTable::find(std::size_t facet,
                                                    std::string_view value) const {
  if (auto it = ids_.find(key_of(facet, value)); it != ids_.end()) return it->second;
  return std::nullopt;
}

std::shared_ptr<const FacetTable> FacetTableCache::table_for(Xapian::Database& db) {
  const Xapian::rev revision = db.get_revision();
  const std::string uuid = db.get_uuid();  // a rebuilt index counts revisions afresh
  std::lock_guard lock(mutex_);  // held while building: the others wait for one build, not N
  if (!table_ || table_->revision() != revision || table_->uuid() != uuid) {
    table_ = FacetTable::build(db);
  }
  return table_;
}

void FacetTableCache::clear() {
  std::lock_guard lock(mutex_);
  table_.reset();
}

}  // namespace bdp::search
