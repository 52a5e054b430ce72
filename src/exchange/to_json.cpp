#include <nlohmann/json.hpp>

#include "exchange/exchange.h"

namespace bdp::exchange {
namespace {

using Json = nlohmann::ordered_json;  // keeps fields in the documented order

template <class T>
Json optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json section_json(const Section& s) {
  return {{"id", s.id},
          {"parent_id", optional(s.parent_id)},
          {"slug", s.slug},
          {"name", s.name},
          {"position", s.position},
          {"legacy_key", s.legacy_key}};
}

Json unit_json(const Unit& u) {
  Json population = Json::array();
  for (const auto& figure : u.population) {
    population.push_back({{"year", figure.year}, {"count", figure.count}});
  }
  return {{"id", u.id},
          {"slug", u.slug},
          {"name", u.name},
          {"type", u.type},
          {"town", u.town},
          {"county", u.county},
          {"voivodeship", u.voivodeship},
          {"teryt", u.teryt},
          {"population", population},
          {"latitude", optional(u.latitude)},
          {"longitude", optional(u.longitude)}};
}

Json practice_json(const Practice& p) {
  Json contacts = Json::array();
  for (const auto& c : p.contacts) {
    contacts.push_back(
        {{"name", c.name}, {"position", c.position}, {"phones", c.phones}, {"email", c.email}});
  }
  Json presentation = Json::array();
  for (const auto& part : p.presentation) {
    presentation.push_back({{"key", part.key}, {"heading", part.heading}, {"body", part.body}});
  }
  Json attachments = Json::array();
  for (const auto& a : p.attachments) attachments.push_back({{"title", a.title}, {"url", a.url}});
  return {{"id", p.id},
          {"slug", p.slug},
          {"title", p.title},
          {"summary", p.summary},
          {"entered_on", p.entered_on},
          {"unit_id", p.unit_id},
          {"implementing_body", p.implementing_body},
          {"postal_code", p.postal_code},
          {"post_office", p.post_office},
          {"street", p.street},
          {"website", p.website},
          {"population", optional(p.population)},
          {"contacts", contacts},
          {"section_ids", p.section_ids},
          {"presentation", presentation},
          {"attachments", attachments},
          {"provenance",
           {{"source", p.provenance.source},
            {"programme", p.provenance.programme},
            {"note", p.provenance.note}}},
          {"source_key", p.source_key},
          {"status", to_string(p.status)},
          {"updated_at", p.updated_at}};
}

Json link_json(const Link& l) {
  return {{"id", l.id},
          {"name", l.name},
          {"url", l.url},
          {"description", l.description},
          {"language", l.language},
          {"category", l.category},
          {"position", l.position},
          {"last_status", l.last_status},
          {"last_error", l.last_error},
          {"checked_at", l.checked_at}};
}

Json adoption_json(const Adoption& a) {
  return {{"id", a.id},
          {"practice_id", a.practice_id},
          {"unit_id", a.unit_id},
          {"adopting_practice_id", a.adopting_practice_id},
          {"kind", to_string(a.kind)},
          {"year", a.year},
          {"changes", a.changes},
          {"contact_name", a.contact_name},
          {"contact_email", a.contact_email},
          {"status", to_string(a.status)},
          {"created_on", a.created_on}};
}

}  // namespace

std::string to_json(const Dataset& data) {
  Json sections = Json::array();
  for (const auto& s : data.sections) sections.push_back(section_json(s));
  Json units = Json::array();
  for (const auto& u : data.units) units.push_back(unit_json(u));
  Json practices = Json::array();
  for (const auto& p : data.practices) practices.push_back(practice_json(p));
  Json links = Json::array();
  for (const auto& l : data.links) links.push_back(link_json(l));
  Json adoptions = Json::array();
  for (const auto& a : data.adoptions) adoptions.push_back(adoption_json(a));
  Json document = {{"format", "bdp"},       {"version", kFormatVersion}, {"sections", sections},
                   {"units", units},        {"practices", practices},    {"links", links},
                   {"adoptions", adoptions}};
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace bdp::exchange
