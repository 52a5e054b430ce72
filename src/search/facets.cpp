#include "search/facets.h"

#include <algorithm>

#include "i18n/i18n.h"

namespace bdp::search {

const std::vector<FacetDefinition>& facet_definitions() {
  static const std::vector<FacetDefinition> defs = {
      {"section", "XS"},    {"voivodeship", "XV"}, {"county", "XC"},    {"unit_type", "XT"},
      {"population", "XP"}, {"year", "XY"},        {"programme", "XG"}, {"result_type", "XK"},
  };
  return defs;
}

std::optional<std::size_t> facet_index(std::string_view name) {
  const auto& defs = facet_definitions();
  for (std::size_t i = 0; i < defs.size(); ++i) {
    if (defs[i].name == name) return i;
  }
  return std::nullopt;
}

const std::vector<std::string>& population_bands() {
  static const std::vector<std::string> bands = {"lt5k", "5k-20k", "20k-50k", "50k-100k", "gt100k"};
  return bands;
}

std::string population_band(std::optional<std::int64_t> population) {
  if (!population || *population <= 0) return "";
  const std::int64_t p = *population;
  if (p < 5'000) return "lt5k";
  if (p < 20'000) return "5k-20k";
  if (p < 50'000) return "20k-50k";
  if (p < 100'000) return "50k-100k";
  return "gt100k";
}

std::string facet_label(std::string_view facet) {
  return std::string(i18n::tr(i18n::Lang::pl, "facet." + std::string(facet)));
}

std::string population_band_label(std::string_view band) {
  const auto& bands = population_bands();
  if (std::find(bands.begin(), bands.end(), band) == bands.end()) return std::string(band);
  return std::string(i18n::tr(i18n::Lang::pl, "band." + std::string(band)));
}

std::string result_type_label(std::string_view value) {
  if (value != kResultPractice && value != kResultDocument) return std::string(value);
  return std::string(i18n::tr(i18n::Lang::pl, "result_type." + std::string(value)));
}

std::string facet_term(std::size_t facet, std::string_view value) {
  std::string term(facet_definitions().at(facet).prefix);
  term += value;
  // Xapian terms are limited to 245 bytes; facet values are labels, far shorter in practice.
  if (term.size() > 240) term.resize(240);
  return term;
}

std::string pack_facet_values(const FacetValues& values) {
  std::string out;
  for (const auto& [facet, value] : values) {
    if (!out.empty()) out.push_back('\x1f');
    out.push_back(static_cast<char>('a' + facet));
    out += value;
  }
  return out;
}

}  // namespace bdp::search
