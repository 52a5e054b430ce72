#include "search/section_codec.h"

#include <nlohmann/json.hpp>

namespace bdp::search {

std::string serialize_sections(const std::vector<Section>& sections) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& s : sections) {
    nlohmann::json j = {{"id", s.id}, {"slug", s.slug}, {"name", s.name}, {"position", s.position}};
    if (s.parent_id) j["parent_id"] = *s.parent_id;
    list.push_back(std::move(j));
  }
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<Section> parse_sections(const std::string& data) {
  std::vector<Section> out;
  nlohmann::json list = nlohmann::json::parse(data, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& j : list) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_number_integer()) return {};
    Section s;
    s.id = j["id"].get<std::int64_t>();
    s.slug = j.value("slug", "");
    s.name = j.value("name", "");
    s.position = j.value("position", 0);
    if (j.contains("parent_id") && j["parent_id"].is_number_integer()) {
      s.parent_id = j["parent_id"].get<std::int64_t>();
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace bdp::search
