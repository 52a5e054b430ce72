// FacetCounter: a Xapian match spy that counts facet values over every match of the text
// query in one pass, the way a facet sidebar of checkboxes needs them: the count of a value is
// the number of matches if it were selected too, i.e. with the selections of every OTHER
// facet applied (values of one facet are alternatives). It also counts the matches that
// satisfy all selections: the exact total. Values come from a FacetTable of the searched
// revision, so no document is read. Internal; one per search; not thread-safe.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "search/facet_table.h"

namespace bdp::search {

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using FacetCounts = std::unordered_map<std::string, std::int64_t, TransparentHash, std::equal_to<>>;

class FacetCounter : public Xapian::MatchSpy {
 public:
  // selected[f]: the selected values of facet f (empty: no selection). At most 32 facets.
  FacetCounter(std::shared_ptr<const FacetTable> table,
               const std::vector<std::set<std::string, std::less<>>>& selected);

  void operator()(const Xapian::Document& doc, double weight) override;

  std::int64_t total() const { return total_; }
  // Per facet: value -> count, for the values counted at least once.
  std::vector<FacetCounts> counts() const;

 private:
  std::shared_ptr<const FacetTable> table_;
  std::size_t facet_count_;
  std::uint32_t required_ = 0;       // bit f: facet f has a selection
  std::vector<std::uint32_t> bit_;   // by value id: its facet's bit if the value is selected
  std::vector<std::int64_t> count_;  // by value id
  std::int64_t total_ = 0;
};

}  // namespace bdp::search
