// The facets of the search (issue 4): what each one is called in URLs and the JSON API, its
// boolean term prefix in the index, and the population bands. Labels come from the UI's
// translation table (keys "facet.<name>", "band.<key>"); the ones here are Polish.
// Also the packed per-document form of all facet values (one value slot), read by the facet
// counter. Pure data and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bdp::search {

struct FacetDefinition {
  std::string_view name;    // "voivodeship": the key in Query::filters and in the JSON API
  std::string_view prefix;  // boolean term prefix: "XV"
};

// section, voivodeship, county, unit_type, population, year, programme, result_type.
// result_type ("praktyka" | "dokument") is the only facet library documents have: selecting a
// value of any other facet therefore leaves documents out.
const std::vector<FacetDefinition>& facet_definitions();
// Index into facet_definitions(), or nullopt for an unknown name.
std::optional<std::size_t> facet_index(std::string_view name);
inline constexpr std::size_t kFacetSection = 0;
inline constexpr std::size_t kFacetPopulation = 4;
inline constexpr std::size_t kFacetResultType = 7;
inline constexpr std::string_view kResultPractice = "praktyka";
inline constexpr std::string_view kResultDocument = "dokument";

// Population band of a unit: "lt5k" (<5k), "5k-20k", "20k-50k", "50k-100k", "gt100k";
// "" when unknown. Bands include their lower bound (5 000 is "5k-20k").
std::string population_band(std::optional<std::int64_t> population);
// Polish label of a facet ("Województwo" for "voivodeship").
std::string facet_label(std::string_view facet);
// Polish label of a band key ("poniżej 5 tys."); the key itself if unknown.
std::string population_band_label(std::string_view band);
// Polish label of a result_type value ("Praktyki" for "praktyka"); the value itself if unknown.
std::string result_type_label(std::string_view value);
// The band keys in ascending order.
const std::vector<std::string>& population_bands();

// The boolean term that marks a document as having `value` for facet `facet`.
std::string facet_term(std::size_t facet, std::string_view value);

// Packed facet values of one document: (facet index, value) pairs.
using FacetValues = std::vector<std::pair<std::size_t, std::string>>;
std::string pack_facet_values(const FacetValues& values);
// Calls f(facet index, value) for each pair of a packed string; ignores malformed parts.
template <class F>
void for_each_facet_value(std::string_view packed, F f) {
  while (!packed.empty()) {
    const std::size_t end = packed.find('\x1f');
    const std::string_view entry = packed.substr(0, end);
    if (entry.size() >= 2)
      f(static_cast<std::size_t>(static_cast<unsigned char>(entry[0]) - 'a'), entry.substr(1));
    if (end == std::string_view::npos) break;
    packed.remove_prefix(end + 1);
  }
}

}  // namespace bdp::search
