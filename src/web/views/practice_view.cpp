#include <fmt/format.h>

#include "core/text.h"
#include "core/url.h"
#include "opendata/json_ld.h"
#include "web/markdown.h"
#include "web/views/assessment_data.h"
#include "web/views/document_facts.h"
#include "web/views/form_fields.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

void add_field(List& fields, i18n::Lang lang, std::string_view label_key, const std::string& value,
               const std::string& href = {}) {
  if (value.empty()) return;  // an absent field is not shown (as "Powiat" on older records)
  Data f{Data::type::object};
  f.set("label", std::string(i18n::tr(lang, label_key)));
  f.set("value", value);
  f.set("href", optional_text(href));
  fields.push_back(std::move(f));
}

std::string website_href(const std::string& website) {
  if (website.find("://") != std::string::npos) return safe_href(website);
  return safe_href("http://" + website);  // the old pages wrote "www.example.pl"
}

std::string tel_uri(const std::string& phone) {
  std::string out;
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || c == '+') out += c;
  }
  return out;
}

List contacts_data(const std::vector<Contact>& contacts) {
  List out;
  for (const auto& c : contacts) {
    Data item{Data::type::object};
    item.set("name", c.name);
    item.set("position", optional_text(c.position));
    item.set("email", optional_text(c.email));
    List phones;
    for (const auto& p : c.phones) {
      Data phone{Data::type::object};
      phone.set("text", p);
      phone.set("tel", tel_uri(p));
      phones.push_back(std::move(phone));
    }
    item.set("phones", phones);
    out.push_back(std::move(item));
  }
  return out;
}

List breadcrumbs(const ViewContext& ctx, const Practice& practice) {
  List out;
  for (auto id : practice.section_ids) {
    List crumbs = crumbs_of(*ctx.sections, id);
    if (crumbs.empty()) continue;
    Data b{Data::type::object};
    b.set("crumbs", crumbs);
    out.push_back(std::move(b));
  }
  return out;
}

// The first sentence-ish of the summary, for <meta name="description">.
std::string description_of(const std::string& summary) {
  std::string text = summary.substr(0, 300);
  for (auto& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (summary.size() > 300) {
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
      text.pop_back();
    if (!text.empty()) text.pop_back();  // the lead byte of a cut sequence, or one ASCII char
    text += "…";
  }
  return text;
}

// The headed sections of the full presentation that have text.
List presentation_data(const Practice& p) {
  List sections;
  for (const auto& s : p.presentation) {
    if (is_blank(s.body)) continue;  // a heading over nothing is no section
    Data item{Data::type::object};
    item.set("heading", s.heading);
    item.set("body_html", render_markdown(s.body));
    sections.push_back(std::move(item));
  }
  return sections;
}

// "Jak cytować": the unit, the title, the portal, the date of the record's last change and its
// absolute permalink (from base_url), on both views.
void add_citation(Data& d, const ViewContext& ctx, const Practice& p, const Unit& unit) {
  const std::string updated = last_change_date(p);
  d.set("cite_unit", unit.name);
  d.set("cite_portal", ctx.config->portal_title);
  d.set("cite_updated_iso", updated);
  d.set("cite_updated", i18n::format_date(ctx.lang, updated));
  d.set("cite_url", ctx.config->base_url + practice_path(p));
}

List hit_links(const std::vector<search::Hit>& hits) {
  List out;
  for (const auto& h : hits) {
    Data item{Data::type::object};
    item.set("href", practice_path(h.id, h.slug));
    item.set("title", h.title);
    item.set("place", h.place);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

namespace {

// The practice's schema.org description and the feed of its voivodeship.
PageHead practice_head(const ViewContext& ctx, const Practice& p, const Unit& unit) {
  const SiteConfig& config = *ctx.config;
  opendata::PracticeRecord record{&p, &unit, {}, config.base_url + practice_path(p)};
  for (const auto id : p.section_ids) {
    if (const Section* s = ctx.sections->find(id)) record.sections.push_back(s);
  }
  PageHead head;
  head.og_type = "article";
  head.json_ld = opendata::script_json(opendata::practice_json_ld(
      record, {config.operator_name, config.base_url}, config.data_licence_url));
  if (!unit.voivodeship.empty()) head.feeds.push_back(voivodeship_feed(ctx, unit.voivodeship));
  return head;
}

}  // namespace

std::string last_change_date(const Practice& practice) {
  return practice.updated_at.empty() ? practice.entered_on : practice.updated_at.substr(0, 10);
}

std::optional<std::int64_t> population_of(const Practice& practice, const Unit& unit) {
  if (practice.population) return practice.population;
  const auto current = unit.current_population();
  return current ? std::optional(current->count) : std::nullopt;
}

std::string Views::practice(const ViewContext& ctx, const Practice& p, const Unit& unit,
                            PracticeView view, const std::vector<search::Hit>& similar,
                            const std::vector<search::Hit>& units_like,
                            const std::vector<Document>& documents,
                            const PracticeAdoptions& adoptions, const PracticeFreshness& freshness,
                            const std::vector<workflow::CriterionSummary>& assessment) const {
  const auto lang = ctx.lang;
  Data d = base_data(ctx);
  d.set("title", p.title);
  d.set("id", std::to_string(p.id));
  d.set("archived", p.status == PracticeStatus::archived);
  d.set("stale", freshness.stale && p.status == PracticeStatus::published);
  d.set("place_map", place_map(lang, unit));
  d.set("permalink", practice_path(p));
  d.set("breadcrumbs", breadcrumbs(ctx, p));
  d.set("view_summary", view == PracticeView::summary);
  d.set("view_full", view == PracticeView::full);
  d.set("view_attachments", view == PracticeView::attachments);
  d.set("has_attachments", !p.attachments.empty() || !documents.empty());
  if (view == PracticeView::summary) {
    d.set("summary_html", optional_text(is_blank(p.summary) ? "" : render_markdown(p.summary)));
    List fields;
    add_field(fields, lang, "field.entered_on", p.entered_on);
    add_field(fields, lang, "field.unit_type", unit.type);
    add_field(fields, lang, "field.town", unit.town);
    add_field(fields, lang, "field.county", unit.county);
    add_field(fields, lang, "field.voivodeship", unit.voivodeship);
    add_field(fields, lang, "field.postal",
              p.postal_code.empty() ? p.post_office : p.postal_code + " " + p.post_office);
    add_field(fields, lang, "field.implementing_body", p.implementing_body);
    add_field(fields, lang, "field.street", p.street);
    add_field(fields, lang, "field.website", p.website,
              p.website.empty() ? "" : website_href(p.website));
    const auto population = population_of(p, unit);
    if (population)
      add_field(fields, lang, "field.population", i18n::format_number(lang, *population));
    if (!freshness.content_verified_on.empty()) {
      add_field(fields, lang, "field.content_verified",
                i18n::format_date(lang, freshness.content_verified_on));
    }
    if (!freshness.contacts_verified_on.empty()) {
      add_field(fields, lang, "field.contacts_verified",
                i18n::format_date(lang, freshness.contacts_verified_on));
    }
    d.set("fields", fields);
    d.set("has_contacts", !p.contacts.empty());
    d.set("contacts", contacts_data(p.contacts));
    d.set("unit_href", unit_path(unit));
    d.set("has_similar", !similar.empty());
    d.set("similar", hit_links(similar));
    d.set("has_units_like", !units_like.empty());
    d.set("units_like", hit_links(units_like));
    d.set("unit_name", unit.name);
    add_adoptions(d, ctx, adoptions);
    add_public_assessment(d, lang, assessment);
  }
  if (view == PracticeView::summary || view == PracticeView::full) {
    // The summary view carries the full presentation too, shown only on paper (bdp.css): a
    // printed practice is the whole record.
    const List sections = presentation_data(p);
    d.set("has_presentation", !sections.empty());
    d.set("presentation", sections);
  } else {
    List attachments;
    for (const auto& a : p.attachments) {
      Data item{Data::type::object};
      item.set("title", a.title);
      item.set("url", safe_href(a.url));
      attachments.push_back(std::move(item));
    }
    d.set("attachments", attachments);
    List files;
    for (const auto& doc : documents) {
      const DocumentVersion* v = current_version(doc);
      if (!v) continue;
      Data item{Data::type::object};
      item.set("title", doc.title);
      item.set("href", document_path(doc));
      item.set("file_href", document_file_path(doc.id));
      item.set("kind", kind_label(lang, doc.kind));
      item.set("file_facts", file_facts(lang, *v));
      files.push_back(std::move(item));
    }
    d.set("documents", files);
  }
  add_citation(d, ctx, p, unit);
  const std::string provenance = p.provenance.programme;
  d.set("has_provenance", !provenance.empty());
  d.set("provenance", provenance);
  std::string canonical = practice_path(p);
  if (view == PracticeView::full) canonical += "/pelna-prezentacja";
  if (view == PracticeView::attachments) canonical += "/zalaczniki";
  std::string title = p.title;
  if (view != PracticeView::summary) {
    title += fmt::format(" — {}",
                         i18n::tr(lang, view == PracticeView::full ? "practice.view_full"
                                                                   : "practice.view_attachments"));
  }
  return layout(ctx, {title, description_of(p.summary), canonical},
                templates_.render("practice", std::move(d)), practice_head(ctx, p, unit));
}

}  // namespace bdp::web
