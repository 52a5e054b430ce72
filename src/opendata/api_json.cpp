#include "opendata/api_json.h"

#include <ctime>
#include <ranges>

namespace bdp::opendata {
namespace {

using json = nlohmann::ordered_json;

json text_or_null(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

// Unix seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_text(std::int64_t unix_seconds) {
  const auto at = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&at, &utc);
  char text[32];
  return {text, std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc)};
}

json version_json(const DocumentVersion& version, const std::string& base) {
  return {{"number", version.number},
          {"url", base + version_file_path(version)},
          {"file_name", version.file_name},
          {"format", version.format},
          {"size", version.size},
          {"sha256", version.sha256},
          {"uploaded_at", utc_text(version.uploaded_at)}};
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

json document_json(const Document& document, const std::string& base_url) {
  const auto base = trim_base_url(base_url);
  json versions = json::array();
  for (const auto& v : std::views::reverse(document.versions)) {
    if (!v.withdrawn_at) versions.push_back(version_json(v, base));
  }
  return {{"id", document.id},
          {"url", base + document_path(document)},
          {"file_url", base + document_file_path(document.id)},
          {"title", document.title},
          {"description", text_or_null(document.description)},
          {"year", document.year ? json(*document.year) : json(nullptr)},
          {"kind", to_string(document.kind)},
          {"language", document.language},
          {"tags", document.tags},
          {"unit_ids", document.unit_ids},
          {"practice_ids", document.practice_ids},
          {"created_at", utc_text(document.created_at)},
          {"updated_at", utc_text(document.updated_at)},
          {"versions", std::move(versions)}};
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
