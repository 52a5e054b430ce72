#include "search/facet_counter.h"

#include "search/facets.h"
#include "search/terms.h"

namespace bdp::search {

FacetCounter::FacetCounter(std::vector<std::set<std::string, std::less<>>> selected)
    : selected_(std::move(selected)), counts_(selected_.size()) {
  for (std::size_t f = 0; f < selected_.size() && f < 32; ++f) {
    if (!selected_[f].empty()) required_ |= 1u << f;
  }
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  const std::string packed = doc.get_value(terms::kSlotFacets);
  std::uint32_t satisfied = 0;
  for_each_facet_value(packed, [&](std::size_t f, std::string_view value) {
    if (f < selected_.size() && selected_[f].contains(value)) satisfied |= 1u << f;
  });
  const std::uint32_t missing = required_ & ~satisfied;
  if (missing == 0) ++total_;
  for_each_facet_value(packed, [&](std::size_t f, std::string_view value) {
    if (f >= counts_.size() || (missing & ~(1u << f)) != 0) return;
    FacetCounts& counts = counts_[f];
    if (auto it = counts.find(value); it != counts.end()) {
      ++it->second;
    } else {
      counts.emplace(std::string(value), 1);
    }
  });
}

}  // namespace bdp::search
