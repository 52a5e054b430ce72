#include "exchange/exchange.h"
#include "exchange/json_reader.h"

namespace bdp::exchange {
namespace {

using Need = JsonReader::Need;

// An enum field read by `parse`; a missing one keeps `fallback`.
template <class Enum, class Parse>
Enum read_enum(JsonReader& r, const Json& j, const std::string& path, const char* key,
               Enum fallback, Parse parse) {
  if (!j.contains(key)) return fallback;
  const std::string text = r.text(j, path, key);
  if (auto parsed = parse(text)) return *parsed;
  if (!r.failed()) r.problem(at(path, key), "unknown " + std::string(key) + " '" + text + "'");
  return fallback;
}

Section read_section(JsonReader& r, const Json& j, const std::string& path) {
  Section s;
  s.id = r.integer(j, path, "id", Need::required);
  s.parent_id = r.nullable_integer(j, path, "parent_id");
  s.slug = r.text(j, path, "slug", Need::required);
  s.name = r.text(j, path, "name", Need::required);
  s.position = r.small_integer(j, path, "position");
  s.legacy_key = r.text(j, path, "legacy_key");
  return s;
}

Unit read_unit(JsonReader& r, const Json& j, const std::string& path) {
  Unit u;
  u.id = r.integer(j, path, "id", Need::required);
  u.slug = r.text(j, path, "slug", Need::required);
  u.name = r.text(j, path, "name", Need::required);
  u.type = r.text(j, path, "type");
  u.town = r.text(j, path, "town");
  u.county = r.text(j, path, "county");
  u.voivodeship = r.text(j, path, "voivodeship");
  u.teryt = r.text(j, path, "teryt");
  std::string figures_path = at(path, "population");
  const Json& figures = r.array(j, path, "population");
  for (std::size_t i = 0; i < figures.size(); ++i) {
    std::string figure_path = at(figures_path, i);
    if (!r.expect_object(figures[i], figure_path)) break;
    u.population.push_back(
        PopulationFigure{r.small_integer(figures[i], figure_path, "year", Need::required),
                         r.integer(figures[i], figure_path, "count", Need::required)});
  }
  u.latitude = r.nullable_number(j, path, "latitude");
  u.longitude = r.nullable_number(j, path, "longitude");
  return u;
}

Contact read_contact(JsonReader& r, const Json& j, const std::string& path) {
  Contact c;
  c.name = r.text(j, path, "name", Need::required);
  c.position = r.text(j, path, "position");
  const Json& phones = r.array(j, path, "phones");
  for (std::size_t i = 0; i < phones.size(); ++i) {
    c.phones.push_back(r.element_text(phones[i], at(at(path, "phones"), i)));
  }
  c.email = r.text(j, path, "email");
  return c;
}

// Calls read(element, path) for each object of the array `key` and appends what it returns.
template <class T, class Read>
void read_list(JsonReader& r, const Json& j, const std::string& path, const char* key,
               std::vector<T>& out, Read read) {
  std::string list_path = at(path, key);
  const Json& list = r.array(j, path, key);
  for (std::size_t i = 0; i < list.size() && !r.failed(); ++i) {
    std::string item_path = at(list_path, i);
    if (r.expect_object(list[i], item_path)) out.push_back(read(list[i], item_path));
  }
}

Practice read_practice(JsonReader& r, const Json& j, const std::string& path) {
  Practice p;
  p.id = r.integer(j, path, "id", Need::required);
  p.slug = r.text(j, path, "slug");
  p.title = r.text(j, path, "title", Need::required);
  p.summary = r.text(j, path, "summary");
  p.entered_on = r.text(j, path, "entered_on");
  p.unit_id = r.integer(j, path, "unit_id", Need::required);
  p.implementing_body = r.text(j, path, "implementing_body");
  p.postal_code = r.text(j, path, "postal_code");
  p.post_office = r.text(j, path, "post_office");
  p.street = r.text(j, path, "street");
  p.website = r.text(j, path, "website");
  p.population = r.nullable_integer(j, path, "population");
  read_list(r, j, path, "contacts", p.contacts,
            [&](const Json& c, const std::string& at_path) { return read_contact(r, c, at_path); });
  const Json& sections = r.array(j, path, "section_ids");
  for (std::size_t i = 0; i < sections.size(); ++i) {
    p.section_ids.push_back(r.element_integer(sections[i], at(at(path, "section_ids"), i)));
  }
  read_list(r, j, path, "presentation", p.presentation,
            [&](const Json& s, const std::string& at_path) {
              return PresentationSection{r.text(s, at_path, "key", Need::required),
                                         r.text(s, at_path, "heading", Need::required),
                                         r.text(s, at_path, "body")};
            });
  read_list(
      r, j, path, "attachments", p.attachments, [&](const Json& a, const std::string& at_path) {
        return Attachment{r.text(a, at_path, "title"), r.text(a, at_path, "url", Need::required)};
      });
  const Json& provenance = r.object(j, path, "provenance");
  std::string provenance_path = at(path, "provenance");
  p.provenance.source = r.text(provenance, provenance_path, "source");
  p.provenance.programme = r.text(provenance, provenance_path, "programme");
  p.provenance.note = r.text(provenance, provenance_path, "note");
  p.source_key = r.text(j, path, "source_key");
  p.status = read_enum(r, j, path, "status", p.status,
                       [](const std::string& t) { return practice_status_from_string(t); });
  p.updated_at = r.text(j, path, "updated_at");
  return p;
}

Link read_link(JsonReader& r, const Json& j, const std::string& path) {
  Link l;
  l.id = r.integer(j, path, "id", Need::required);
  l.name = r.text(j, path, "name", Need::required);
  l.url = r.text(j, path, "url", Need::required);
  l.description = r.text(j, path, "description");
  if (j.contains("language")) l.language = r.text(j, path, "language");
  l.category = r.text(j, path, "category");
  l.position = r.small_integer(j, path, "position");
  l.last_status = r.small_integer(j, path, "last_status");
  l.last_error = r.text(j, path, "last_error");
  l.checked_at = r.integer(j, path, "checked_at");
  return l;
}

Adoption read_adoption(JsonReader& r, const Json& j, const std::string& path) {
  Adoption a;
  a.id = r.integer(j, path, "id", Need::required);
  a.practice_id = r.integer(j, path, "practice_id", Need::required);
  a.unit_id = r.integer(j, path, "unit_id", Need::required);
  a.adopting_practice_id = r.integer(j, path, "adopting_practice_id");
  a.kind = read_enum(r, j, path, "kind", AdoptionKind::adopted,
                     [](const std::string& t) { return adoption_kind_from_string(t); });
  a.year = r.small_integer(j, path, "year", Need::required);
  a.changes = r.text(j, path, "changes", Need::required);
  a.contact_name = r.text(j, path, "contact_name");
  a.contact_email = r.text(j, path, "contact_email");
  a.status = read_enum(r, j, path, "status", AdoptionStatus::pending,
                       [](const std::string& t) { return adoption_status_from_string(t); });
  a.created_on = r.text(j, path, "created_on", Need::required);
  return a;
}

void check_header(JsonReader& r, const Json& document) {
  if (!document.is_object()) {
    r.problem("", "expected a JSON object {\"format\":\"bdp\",\"version\":1,…}");
    return;
  }
  std::string format = r.text(document, "", "format", Need::required);
  if (!r.failed() && format != "bdp") {
    r.problem("format", "expected \"bdp\", got \"" + format + "\"");
  }
  std::int64_t version = r.integer(document, "", "version", Need::required);
  if (!r.failed() && version != kFormatVersion) {
    r.problem("version", "version " + std::to_string(version) +
                             " is not supported (this build reads version " +
                             std::to_string(kFormatVersion) + ")");
  }
}

}  // namespace

Result<Dataset> from_json(std::string_view text) {
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::exception& e) {
    // nlohmann reports malformed input by throwing; this is the edge where it becomes a value.
    return fail(ErrorKind::invalid_input, std::string("malformed JSON: ") + e.what());
  }
  JsonReader r;
  check_header(r, document);
  Dataset data;
  read_list(r, document, "", "sections", data.sections,
            [&](const Json& j, const std::string& path) { return read_section(r, j, path); });
  read_list(r, document, "", "units", data.units,
            [&](const Json& j, const std::string& path) { return read_unit(r, j, path); });
  read_list(r, document, "", "practices", data.practices,
            [&](const Json& j, const std::string& path) { return read_practice(r, j, path); });
  read_list(r, document, "", "links", data.links,
            [&](const Json& j, const std::string& path) { return read_link(r, j, path); });
  read_list(r, document, "", "adoptions", data.adoptions,
            [&](const Json& j, const std::string& path) { return read_adoption(r, j, path); });
  if (r.failed()) return fail(ErrorKind::invalid_input, r.error());
  return data;
}

}  // namespace bdp::exchange
