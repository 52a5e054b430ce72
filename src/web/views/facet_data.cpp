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

void add_near_data(Data& d, i18n::Lang lang, const std::optional<NearPlace>& near,
                   const std::string& typed) {
  d.set("near", near ? near->typed : typed);
  List radii;
  for (int r : kNearRadii) {
    Data item{Data::type::object};
    item.set("km", std::to_string(r));
    item.set("selected", near ? near->radius_km == r : r == 30);
    radii.push_back(std::move(item));
  }
  d.set("radii", radii);
  d.set("near_text", optional_text(near ? fmt::format("{} {} km {} {}",
                                                      i18n::tr(lang, "map.within"), near->radius_km,
                                                      i18n::tr(lang, "map.of_place"), near->name)
                                        : ""));
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
