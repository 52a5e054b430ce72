#include "search/facet_list.h"

#include <algorithm>

#include "search/facets.h"

namespace bdp::search {
namespace {

std::int64_t count_of(const FacetCounts& counts, const std::string& value) {
  auto it = counts.find(value);
  return it == counts.end() ? 0 : it->second;
}

// Sections in tree order (depth first, by position), with parent and depth.
void add_sections(const SectionTree& tree, std::optional<std::int64_t> parent, int depth,
                  const FacetCounts& counts, const std::set<std::string, std::less<>>& selected,
                  std::vector<FacetValue>& out) {
  for (const Section* s : tree.children(parent)) {
    const std::string value = std::to_string(s->id);
    const std::int64_t count = count_of(counts, value);
    const bool is_selected = selected.contains(value);
    if (count > 0 || is_selected) {
      out.push_back(
          {value, s->name, count, is_selected, parent ? std::to_string(*parent) : "", depth});
    }
    add_sections(tree, s->id, depth + 1, counts, selected, out);
  }
}

std::string value_label(std::size_t facet, const std::string& value) {
  if (facet == kFacetPopulation) return population_band_label(value);
  if (facet == kFacetResultType) return result_type_label(value);
  return value;
}

std::vector<FacetValue> plain_values(std::size_t facet, const FacetCounts& counts,
                                     const std::set<std::string, std::less<>>& selected) {
  std::vector<FacetValue> values;
  for (const auto& [value, count] : counts) {
    values.push_back({value, value_label(facet, value), count, selected.contains(value), "", 0});
  }
  for (const auto& value : selected) {
    if (!counts.contains(value)) {
      values.push_back({value, value_label(facet, value), 0, true, "", 0});
    }
  }
  return values;
}

void order_values(std::size_t facet, std::vector<FacetValue>& values) {
  const std::string_view name = facet_definitions()[facet].name;
  if (name == "population") {
    const auto& bands = population_bands();
    auto rank = [&](const FacetValue& v) {
      return std::find(bands.begin(), bands.end(), v.value) - bands.begin();
    };
    std::sort(values.begin(), values.end(),
              [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  } else if (name == "result_type") {  // practices first, always
    std::sort(values.begin(), values.end(),
              [](const auto& a, const auto& b) { return a.value > b.value; });
  } else if (name == "year") {
    std::sort(values.begin(), values.end(),
              [](const auto& a, const auto& b) { return a.value > b.value; });
  } else {
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
  }
}

}  // namespace

std::vector<Facet> facet_list(const std::vector<FacetCounts>& counts,
                              const FacetSelection& selected, const SectionTree& tree) {
  std::vector<Facet> facets;
  const auto& defs = facet_definitions();
  for (std::size_t f = 0; f < defs.size(); ++f) {
    Facet facet{std::string(defs[f].name), facet_label(defs[f].name), {}};
    if (f == kFacetSection && !tree.all().empty()) {
      add_sections(tree, std::nullopt, 0, counts[f], selected[f], facet.values);
    } else {
      facet.values = plain_values(f, counts[f], selected[f]);
      order_values(f, facet.values);
    }
    facets.push_back(std::move(facet));
  }
  // What kind of result comes first: it narrows most, and it is the only facet documents have.
  std::rotate(facets.begin(), facets.begin() + kFacetResultType,
              facets.begin() + kFacetResultType + 1);
  return facets;
}

}  // namespace bdp::search
