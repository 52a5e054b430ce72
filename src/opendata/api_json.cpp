#include "opendata/api_json.h"

namespace bdp::opendata {
namespace {

using json = nlohmann::ordered_json;

json text_or_null(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

}  // namespace

json unit_json(const Unit& unit, const std::string& base_url) {
  json population = json::array();
  for (const auto& figure : unit.population) {
    population.push_back({{"year", figure.year}, {"count", figure.count}});
  }
  return {{"id", unit.id},
          {"url", trim_base_url(base_url) + unit_path(unit)},
          {"slug", unit.slug},
          {"name", unit.name},
          {"type", text_or_null(unit.type)},
          {"town", text_or_null(unit.town)},
          {"county", text_or_null(unit.county)},
          {"voivodeship", text_or_null(unit.voivodeship)},
          {"teryt", text_or_null(unit.teryt)},
          {"population", population},
          {"latitude", unit.latitude ? json(*unit.latitude) : json(nullptr)},
          {"longitude", unit.longitude ? json(*unit.longitude) : json(nullptr)}};
}

json section_json(const Section& section, const std::string& base_url) {
  return {{"id", section.id},
          {"parent_id", section.parent_id ? json(*section.parent_id) : json(nullptr)},
          {"slug", section.slug},
          {"name", section.name},
          {"position", section.position},
          {"url", trim_base_url(base_url) + section_path(section)}};
}

json list_page_json(json items, int limit, const std::optional<std::string>& next_cursor,
                    const std::optional<std::string>& next_url) {
  return {{"items", std::move(items)},
          {"limit", limit},
          {"next_cursor", next_cursor ? json(*next_cursor) : json(nullptr)},
          {"next", next_url ? json(*next_url) : json(nullptr)}};
}

std::string json_text(const json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace bdp::opendata
