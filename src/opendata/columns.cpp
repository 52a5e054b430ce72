#include "opendata/columns.h"

namespace bdp::opendata {
namespace {

using json = nlohmann::ordered_json;

const Practice& p(const PracticeRecord& r) {
  return *r.practice;
}

json text_or_null(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

// A unit field, null when the unit is unknown or the field is empty.
template <class F>
json of_unit(const PracticeRecord& r, F field) {
  if (!r.unit) return nullptr;
  return field(*r.unit);
}

// The full presentation as one Markdown text: each section under its "## heading".
json presentation_markdown(const PracticeRecord& r) {
  std::string text;
  for (const auto& s : p(r).presentation) {
    if (!text.empty()) text += "\n\n";
    text += "## " + s.heading + "\n\n" + s.body;
  }
  return text_or_null(text);
}

json current_population(const PracticeRecord& r, bool year) {
  return of_unit(r, [year](const Unit& u) -> json {
    const auto figure = u.current_population();
    if (!figure) return nullptr;
    return year ? json(figure->year) : json(figure->count);
  });
}

json optional_number(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

}  // namespace

const std::vector<Column>& columns() {
  static const std::vector<Column> list = {
      {"id",
       "integer",
       {"Practice::id"},
       "Identyfikator praktyki (stały)",
       "Practice identifier (stable)",
       [](const PracticeRecord& r) { return json(p(r).id); }},
      {"url",
       "URL",
       {"Practice::slug"},
       "Adres strony praktyki",
       "Address of the practice's page",
       [](const PracticeRecord& r) { return json(r.url); }},
      {"title",
       "string",
       {"Practice::title"},
       "Tytuł",
       "Title",
       [](const PracticeRecord& r) { return json(p(r).title); }},
      {"summary",
       "string (Markdown)",
       {"Practice::summary"},
       "Skrót",
       "Summary",
       [](const PracticeRecord& r) { return text_or_null(p(r).summary); }},
      {"entered_on",
       "date (YYYY-MM-DD)",
       {"Practice::entered_on"},
       "Data wprowadzenia do BDP",
       "Date the record entered the database",
       [](const PracticeRecord& r) { return text_or_null(p(r).entered_on); }},
      {"updated_at",
       "date-time (UTC, YYYY-MM-DDTHH:MM:SSZ)",
       {"Practice::updated_at"},
       "Czas ostatniej zmiany",
       "Time of the last change",
       [](const PracticeRecord& r) { return text_or_null(p(r).updated_at); }},
      {"section_ids",
       "list of integers",
       {"Practice::section_ids"},
       "Identyfikatory działów",
       "Section identifiers",
       [](const PracticeRecord& r) { return json(p(r).section_ids); }},
      {"sections",
       "list of strings",
       {"Section::name"},
       "Nazwy działów",
       "Section names",
       [](const PracticeRecord& r) {
         json names = json::array();
         for (const Section* s : r.sections) names.push_back(s->name);
         return names;
       }},
      {"unit_id",
       "integer",
       {"Practice::unit_id", "Unit::id"},
       "Identyfikator jednostki (JST)",
       "Local-government unit identifier",
       [](const PracticeRecord& r) { return json(p(r).unit_id); }},
      {"unit_url",
       "URL",
       {"Unit::slug"},
       "Adres strony jednostki",
       "Address of the unit's page",
       [](const PracticeRecord& r) {
         const auto base = r.url.substr(0, r.url.find("/praktyki/"));
         return of_unit(r, [&](const Unit& u) { return json(base + unit_path(u)); });
       }},
      {"unit_name",
       "string",
       {"Unit::name"},
       "Nazwa jednostki",
       "Unit name",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return text_or_null(u.name); });
       }},
      {"unit_type",
       "string",
       {"Unit::type"},
       "Typ jednostki",
       "Unit type",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return text_or_null(u.type); });
       }},
      {"unit_town",
       "string",
       {"Unit::town"},
       "Miejscowość",
       "Town",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return text_or_null(u.town); });
       }},
      {"unit_county",
       "string",
       {"Unit::county"},
       "Powiat",
       "County",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return text_or_null(u.county); });
       }},
      {"unit_voivodeship",
       "string",
       {"Unit::voivodeship"},
       "Województwo",
       "Voivodeship",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return text_or_null(u.voivodeship); });
       }},
      {"unit_teryt",
       "string",
       {"Unit::teryt"},
       "Kod TERYT jednostki",
       "TERYT code of the unit",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return text_or_null(u.teryt); });
       }},
      {"unit_population",
       "integer",
       {"Unit::population"},
       "Liczba mieszkańców (najnowsza)",
       "Population (newest figure)",
       [](const PracticeRecord& r) { return current_population(r, false); }},
      {"unit_population_year",
       "integer",
       {"Unit::population"},
       "Rok tej liczby mieszkańców",
       "Year of that figure",
       [](const PracticeRecord& r) { return current_population(r, true); }},
      {"unit_latitude",
       "number (WGS 84)",
       {"Unit::latitude"},
       "Szerokość geograficzna",
       "Latitude",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return optional_number(u.latitude); });
       }},
      {"unit_longitude",
       "number (WGS 84)",
       {"Unit::longitude"},
       "Długość geograficzna",
       "Longitude",
       [](const PracticeRecord& r) {
         return of_unit(r, [](const Unit& u) { return optional_number(u.longitude); });
       }},
      {"implementing_body",
       "string",
       {"Practice::implementing_body"},
       "Jednostka wdrażająca",
       "Implementing body",
       [](const PracticeRecord& r) { return text_or_null(p(r).implementing_body); }},
      {"street",
       "string",
       {"Practice::street"},
       "Ulica",
       "Street address",
       [](const PracticeRecord& r) { return text_or_null(p(r).street); }},
      {"postal_code",
       "string (NN-NNN)",
       {"Practice::postal_code"},
       "Kod pocztowy",
       "Postal code",
       [](const PracticeRecord& r) { return text_or_null(p(r).postal_code); }},
      {"post_office",
       "string",
       {"Practice::post_office"},
       "Poczta",
       "Post office",
       [](const PracticeRecord& r) { return text_or_null(p(r).post_office); }},
      {"website",
       "string",
       {"Practice::website"},
       "Witryna internetowa",
       "Website",
       [](const PracticeRecord& r) { return text_or_null(p(r).website); }},
      {"population",
       "integer",
       {"Practice::population"},
       "Liczba mieszkańców podana w opisie praktyki",
       "Population as stated on the record",
       [](const PracticeRecord& r) {
         return p(r).population ? json(*p(r).population) : json(nullptr);
       }},
      {"presentation",
       "string (Markdown)",
       {"Practice::presentation"},
       "Pełna prezentacja: sekcje metodyki pod nagłówkami ##",
       "Full presentation: the methodology's sections under ## headings",
       presentation_markdown},
      {"attachment_titles",
       "list of strings",
       {"Practice::attachments"},
       "Tytuły załączników",
       "Attachment titles",
       [](const PracticeRecord& r) {
         json titles = json::array();
         for (const auto& a : p(r).attachments) titles.push_back(a.title);
         return titles;
       }},
      {"attachment_urls",
       "list of URLs",
       {"Practice::attachments"},
       "Adresy załączników",
       "Attachment addresses",
       [](const PracticeRecord& r) {
         json urls = json::array();
         for (const auto& a : p(r).attachments) urls.push_back(a.url);
         return urls;
       }},
      {"provenance_source",
       "string",
       {"Practice::provenance", "Provenance::source"},
       "Pochodzenie (slz, gwd, scouting, media, recommendation, legacy)",
       "Where the record came from",
       [](const PracticeRecord& r) { return text_or_null(p(r).provenance.source); }},
      {"programme",
       "string",
       {"Provenance::programme"},
       "Program, w którym opublikowano praktykę",
       "Programme the record was published under",
       [](const PracticeRecord& r) { return text_or_null(p(r).provenance.programme); }},
  };
  return list;
}

const std::vector<ExcludedField>& excluded_fields() {
  static const std::vector<ExcludedField> list = {
      {"Practice::contacts",
       "personal data of contact persons (names, phones, e-mails; GDPR data minimisation); the "
       "institution, its address and website are exported"},
      {"Contact::name", "personal data"},
      {"Contact::position", "with the institution it identifies a person"},
      {"Contact::phones", "personal data"},
      {"Contact::email", "personal data"},
      {"Practice::status", "only published practices are exported"},
      {"Practice::source_key", "internal key of the import (the id is the stable identifier)"},
      {"Provenance::note", "editors' internal note"},
  };
  return list;
}

nlohmann::ordered_json record_json(const PracticeRecord& record) {
  json object = json::object();
  for (const auto& column : columns()) object[std::string(column.name)] = column.value(record);
  return object;
}

}  // namespace bdp::opendata
