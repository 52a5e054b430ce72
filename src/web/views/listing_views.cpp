#include <fmt/format.h>

#include <cstdlib>

#include "core/url.h"
#include "opendata/json_ld.h"
#include "web/views/pagination.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// First paragraph of a Markdown summary as plain text, cut at a word near `max` bytes.
std::string excerpt(const std::string& summary, std::size_t max = 220) {
  std::string text = summary.substr(0, summary.find("\n\n"));
  for (auto& c : text) {
    if (c == '\n') c = ' ';
  }
  if (text.size() <= max) return text;
  auto cut = text.rfind(' ', max);
  if (cut == std::string::npos) cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

void add_listing(Data& d, const ViewContext& ctx, const PracticeListing& list) {
  List items;
  for (const auto& p : list.page.items) {
    Data item{Data::type::object};
    item.set("href", practice_path(p));
    item.set("title", p.title);
    item.set("id", std::to_string(p.id));
    auto unit = list.units.find(p.unit_id);
    item.set("unit", unit == list.units.end() ? std::string() : unit->second.name);
    item.set("voivodeship", unit == list.units.end() ? std::string() : unit->second.voivodeship);
    item.set("date_iso", p.entered_on);
    item.set("date", i18n::format_date(ctx.lang, p.entered_on));
    item.set("excerpt", optional_text(excerpt(p.summary)));
    const auto adopted = list.adoptions.find(p.id);
    item.set("adopted",
             optional_text(adopted == list.adoptions.end()
                               ? ""
                               : i18n::count_noun(ctx.lang, adopted->second, "adopting_unit")));
    items.push_back(std::move(item));
  }
  d.set("has_items", !items.empty());
  d.set("items", items);
}

}  // namespace

std::string Views::home(const ViewContext& ctx, const PracticeListing& newest,
                        const std::vector<std::pair<std::int64_t, std::int64_t>>& counts) const {
  Data d = base_data(ctx);
  add_listing(d, ctx, newest);
  d.set("total", i18n::count_noun(ctx.lang, newest.page.total, "practice"));
  const auto count_of = [&](std::int64_t id) {
    for (const auto& [section, n] : counts) {
      if (section == id) return n;
    }
    return std::int64_t{0};
  };
  List sections;
  for (const Section* top : ctx.sections->children(std::nullopt)) {
    Data item{Data::type::object};
    item.set("href", section_path(*top));
    item.set("name", top->name);
    // A section lists the practices of its subsections too: count them with it.
    std::int64_t total = count_of(top->id);
    for (const Section* child : ctx.sections->children(top->id)) total += count_of(child->id);
    item.set("count", i18n::format_number(ctx.lang, total));
    List children;
    for (const Section* child : ctx.sections->children(top->id)) {
      Data c{Data::type::object};
      c.set("href", section_path(*child));
      c.set("name", child->name);
      c.set("count", i18n::format_number(ctx.lang, count_of(child->id)));
      children.push_back(std::move(c));
    }
    item.set("has_children", !children.empty());
    item.set("children", children);
    sections.push_back(std::move(item));
  }
  d.set("section_counts", sections);
  return layout(ctx, {"", std::string(i18n::tr(ctx.lang, "home.intro")), "/"},
                templates_.render("home", std::move(d)));
}

std::string Views::section(const ViewContext& ctx, const Section& section,
                           const PracticeListing& list, PracticeSort sort) const {
  Data d = base_data(ctx);
  add_listing(d, ctx, list);
  const std::string href = section_path(section);
  const std::string sort_query = sort == PracticeSort::title ? "sort=tytul" : "";
  add_pagination(d, list.page.total, list.page_number, list.page_size, [&](int n) {
    std::string q = sort_query;
    if (n > 1) q += (q.empty() ? "" : "&") + fmt::format("strona={}", n);
    return q.empty() ? href : href + "?" + q;
  });
  d.set("name", section.name);
  d.set("href", href);
  d.set("crumbs", crumbs_of(*ctx.sections, section.id));
  d.set("total_text", i18n::count_noun(ctx.lang, list.page.total, "practice"));
  d.set("sort_newest", sort == PracticeSort::newest);
  d.set("sort_title", sort == PracticeSort::title);
  List children;
  for (const Section* child : ctx.sections->children(section.id)) {
    Data c{Data::type::object};
    c.set("href", section_path(*child));
    c.set("name", child->name);
    children.push_back(std::move(c));
  }
  d.set("has_children", !children.empty());
  d.set("children", children);
  std::string title = section.name;
  if (list.page_number > 1) {
    title += fmt::format(" — {} {}", i18n::tr(ctx.lang, "pagination.page"), list.page_number);
  }
  std::string canonical = href;
  std::string query = sort_query;
  if (list.page_number > 1)
    query += (query.empty() ? "" : "&") + fmt::format("strona={}", list.page_number);
  if (!query.empty()) canonical += "?" + query;
  PageHead head;
  head.feeds.push_back(section_feed(ctx, section));
  return layout(
      ctx,
      {title, section.name + ": " + i18n::count_noun(ctx.lang, list.page.total, "practice"),
       canonical},
      templates_.render("section", std::move(d)), head);
}

std::string Views::unit(const ViewContext& ctx, const Unit& unit,
                        const PracticeListing& list) const {
  Data d = base_data(ctx);
  add_listing(d, ctx, list);
  d.set("name", unit.name);
  d.set("place_map", place_map(ctx.lang, unit));
  List fields;
  const auto add = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    Data f{Data::type::object};
    f.set("label", std::string(i18n::tr(ctx.lang, key)));
    f.set("value", value);
    fields.push_back(std::move(f));
  };
  add("field.unit_type", unit.type);
  add("field.town", unit.town);
  add("field.county", unit.county);
  add("field.voivodeship", unit.voivodeship);
  d.set("fields", fields);
  List population;
  for (const auto& figure : unit.population) {
    Data row{Data::type::object};
    row.set("year", std::to_string(figure.year));
    row.set("count", i18n::format_number(ctx.lang, figure.count));
    population.push_back(std::move(row));
  }
  d.set("has_population", !population.empty());
  d.set("population", population);
  d.set("total_text", i18n::count_noun(ctx.lang, list.page.total, "practice"));
  const std::string description =
      fmt::format("{} ({}, {}): {}", unit.name, unit.type, unit.voivodeship,
                  i18n::count_noun(ctx.lang, list.page.total, "practice"));
  PageHead head;
  if (!unit.voivodeship.empty()) head.feeds.push_back(voivodeship_feed(ctx, unit.voivodeship));
  std::vector<opendata::PracticeRecord> records;
  records.reserve(list.page.items.size());
  for (const auto& p : list.page.items) {
    records.push_back({&p, &unit, {}, ctx.config->base_url + practice_path(p)});
  }
  head.json_ld = opendata::script_json(opendata::unit_json_ld(unit, ctx.config->base_url, records));
  return layout(ctx, {unit.name, description, unit_path(unit)},
                templates_.render("unit", std::move(d)), head);
}

std::string Views::message(const ViewContext& ctx, const std::string& title,
                           const std::vector<std::string>& paragraphs, const std::string& link_href,
                           const std::string& link_text) const {
  Data d = base_data(ctx);
  d.set("heading", title);
  List ps;
  for (const auto& p : paragraphs) ps.emplace_back(p);
  d.set("paragraphs", ps);
  d.set("link_href", optional_text(link_href));
  d.set("link_text", link_text);
  return layout(ctx, {title, paragraphs.empty() ? title : paragraphs.front(), ctx.path},
                templates_.render("message", std::move(d)));
}

std::string Views::accessibility(const ViewContext& ctx) const {
  const SiteConfig& c = *ctx.config;
  Data d = base_data(ctx);
  d.set("pl", ctx.lang == i18n::Lang::pl);
  d.set("operator_name", c.operator_name);
  d.set("portal_title", c.portal_title);
  d.set("base_url", safe_href(c.base_url));
  d.set("statement_date", c.statement_date);
  d.set("contact_email", c.contact_email);
  d.set("contact_phone", optional_text(c.contact_phone));
  const std::string title(i18n::tr(ctx.lang, "nav.accessibility"));
  return layout(ctx, {title, title, "/deklaracja-dostepnosci"},
                templates_.render("accessibility", std::move(d)));
}

}  // namespace bdp::web
