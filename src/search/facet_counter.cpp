#include "search/facet_counter.h"

namespace bdp::search {

FacetCounter::FacetCounter(std::shared_ptr<const FacetTable> table,
                           const std::vector<std::set<std::string, std::less<>>>& selected)
    : table_(std::move(table)),
      facet_count_(std::min<std::size_t>(selected.size(), 32)),
      bit_(table_->value_count(), 0),
      count_(table_->value_count(), 0) {
  for (std::size_t f = 0; f < facet_count_; ++f) {
    if (selected[f].empty()) continue;
    required_ |= 1u << f;
    for (const auto& value : selected[f]) {
      if (auto id = table_->find(f, value)) bit_[*id] = 1u << f;
    }
  }
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  const auto values = table_->values_of(doc.get_docid());
  std::uint32_t satisfied = 0;
  for (const FacetTable::ValueId id : values) satisfied |= bit_[id];
  const std::uint32_t missing = required_ & ~satisfied;
  if (missing == 0) ++total_;
  if ((missing & (missing - 1)) != 0) return;  // two selections unmet: counts under none
  for (const FacetTable::ValueId id : values) {
    const std::size_t f = table_->facet_of(id);
    if (f < facet_count_ && (missing & ~(1u << f)) == 0) ++count_[id];
  }
}

std::vector<FacetCounts> FacetCounter::counts() const {
  std::vector<FacetCounts> out(facet_count_);
  for (FacetTable::ValueId id = 0; id < count_.size(); ++id) {
    if (count_[id] > 0) out[table_->facet_of(id)].emplace(table_->value_of(id), count_[id]);
  }
  return out;
}

}  // namespace bdp::search
