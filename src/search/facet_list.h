// Assembles the facet sidebar (query.h Facet values) from the counts of a search: labels
// (section names from the tree, population band labels), order, and the selected values,
// which stay listed even when nothing matches them. Internal; pure; thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/section_tree.h"
#include "search/facet_counter.h"
#include "search/query.h"

namespace bdp::search {

using FacetSelection = std::vector<std::set<std::string, std::less<>>>;  // per facet index

std::vector<Facet> facet_list(const std::vector<FacetCounts>& counts,
                              const FacetSelection& selected, const SectionTree& tree);

}  // namespace bdp::search
