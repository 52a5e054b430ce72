#include "web/views/facet_data.h"

#include <fmt/format.h>

#include "core/url.h"

namespace bdp::web {

std::string filter_parameters(const search::Query& query) {
  std::string out = "q=" + percent_encode(query.text);
  for (const auto& [name, value] : query.filters) {
    out += "&" + percent_encode(name) + "=" + percent_encode(value);
  }
  return out;
}

List facets_data(i18n::Lang lang, const std::vector<search::Facet>& facets) {
  List out;
  for (const auto& facet : facets) {
    if (facet.values.empty()) continue;
    Data f{Data::type::object};
    f.set("label", std::string(i18n::tr(lang, "facet." + facet.name)));
    const bool band = facet.name == "population";
    const bool result_type = facet.name == "result_type";
    List values;
    int i = 0;
    for (const auto& v : facet.values) {
      Data item{Data::type::object};
      item.set("id", fmt::format("f-{}-{}", facet.name, i++));
      item.set("name", facet.name);
      item.set("value", v.value);
      if (band || result_type) {
        item.set("label", std::string(i18n::tr(lang, (band ? "band." : "result_type.") + v.value)));
      } else {
        item.set("label", v.label);
      }
      item.set("count", std::to_string(v.count));
      item.set("selected", v.selected);
      item.set("depth", std::to_string(v.depth));
      values.push_back(std::move(item));
    }
    f.set("values", values);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace bdp::web
