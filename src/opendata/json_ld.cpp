#include "opendata/json_ld.h"

#include "opendata/columns.h"

namespace bdp::opendata {
namespace {

using json = nlohmann::ordered_json;

// The place of a unit, as schema.org's AdministrativeArea inside its voivodeship.
json place_of(const Unit& unit, const std::string& base_url) {
  json place = {{"@type", "AdministrativeArea"},
                {"@id", trim_base_url(base_url) + unit_path(unit)},
                {"name", unit.name}};
  if (!unit.type.empty()) place["additionalType"] = unit.type;
  if (!unit.teryt.empty()) {
    place["identifier"] = {
        {"@type", "PropertyValue"}, {"propertyID", "TERYT"}, {"value", unit.teryt}};
  }
  if (unit.latitude && unit.longitude) {
    place["geo"] = {
        {"@type", "GeoCoordinates"}, {"latitude", *unit.latitude}, {"longitude", *unit.longitude}};
  }
  if (!unit.voivodeship.empty()) {
    place["containedInPlace"] = {{"@type", "AdministrativeArea"},
                                 {"name", "województwo " + unit.voivodeship}};
  }
  return place;
}

// The first paragraph of a Markdown summary, for a description.
std::string first_paragraph(const std::string& markdown) {
  return markdown.substr(0, markdown.find("\n\n"));
}

}  // namespace

json practice_json_ld(const PracticeRecord& r, const Publisher& publisher,
                      const std::string& licence_url) {
  const Practice& p = *r.practice;
  json j = {
      {"@context", "https://schema.org"},
      {"@type", "CreativeWork"},
      {"@id", r.url},
      {"url", r.url},
      {"name", p.title},
      {"inLanguage", "pl"},
      {"publisher", {{"@type", "Organization"}, {"name", publisher.name}, {"url", publisher.url}}},
      {"license", licence_url}};
  if (!p.summary.empty()) j["description"] = first_paragraph(p.summary);
  if (!p.entered_on.empty()) j["dateCreated"] = p.entered_on;
  const std::string modified = p.updated_at.empty() ? p.entered_on : p.updated_at;
  if (!modified.empty()) j["dateModified"] = modified;
  if (r.unit) j["spatialCoverage"] = place_of(*r.unit, publisher.url);
  if (!r.sections.empty()) {
    json keywords = json::array();
    for (const Section* s : r.sections) keywords.push_back(s->name);
    j["keywords"] = keywords;
  }
  if (!p.implementing_body.empty()) {
    j["creator"] = {{"@type", "GovernmentOrganization"}, {"name", p.implementing_body}};
  }
  return j;
}

json unit_json_ld(const Unit& unit, const std::string& base_url,
                  const std::vector<PracticeRecord>& practices) {
  json j = {{"@context", "https://schema.org"}};
  j.update(place_of(unit, base_url));
  j["url"] = j["@id"];
  if (const auto figure = unit.current_population()) {
    j["additionalProperty"] = {{"@type", "PropertyValue"},
                               {"name", "liczba mieszkańców " + std::to_string(figure->year)},
                               {"value", figure->count}};
  }
  json works = json::array();
  for (const auto& r : practices) {
    works.push_back({{"@type", "CreativeWork"}, {"@id", r.url}, {"name", r.practice->title}});
  }
  if (!works.empty()) j["subjectOf"] = works;
  return j;
}

json catalogue_json_ld(const CatalogueInfo& info) {
  const std::string& base = info.base_url;
  json downloads = json::array();
  for (const auto& [file, type] : {std::pair<const char*, const char*>{"praktyki.csv", "text/csv"},
                                   {"praktyki.jsonl.gz", "application/gzip"}}) {
    downloads.push_back({{"@type", "DataDownload"},
                         {"contentUrl", base + "/dane/" + file},
                         {"encodingFormat", type}});
  }
  json j = {
      {"@context", "https://schema.org"},
      {"@type", "Dataset"},
      {"@id", base + "/dane#" + kDatasetIdent},
      {"url", base + "/dane"},
      {"identifier", kDatasetIdent},
      {"name", info.portal_title},
      {"description",
       "Opisy dobrych praktyk jednostek samorządu terytorialnego (tylko opublikowane, bez "
       "danych osobowych osób kontaktowych)."},
      {"inLanguage", "pl"},
      {"license", info.licence_url},
      {"isAccessibleForFree", true},
      {"creator", {{"@type", "Organization"}, {"name", info.publisher}, {"url", base + "/"}}},
      {"publisher", {{"@type", "Organization"}, {"name", info.publisher}, {"url", base + "/"}}},
      {"spatialCoverage", {{"@type", "Country"}, {"name", "Polska"}}},
      {"keywords", info.keywords},
      {"variableMeasured", json::array()},
      {"distribution", downloads}};
  for (const auto& c : columns()) j["variableMeasured"].push_back(std::string(c.name));
  if (!info.issued.empty()) j["datePublished"] = info.issued;
  if (!info.modified.empty()) j["dateModified"] = info.modified;
  return j;
}

std::string script_json(const json& value) {
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string safe;
  safe.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      safe += "\\u003c";
    else if (c == '>')
      safe += "\\u003e";
    else if (c == '&')
      safe += "\\u0026";
    else
      safe += c;
  }
  return safe;
}

}  // namespace bdp::opendata
