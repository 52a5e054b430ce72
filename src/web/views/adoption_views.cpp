// "Zastosowaliśmy to u nas": the public form of a practice, its thanks, the block of a
// practice's page that lists its adoptions both ways, and the editors' list. What a unit wrote
// is plain text, escaped by the templates; its contact is shown to editors only.
#include <fmt/format.h>

#include "web/views/form_fields.h"
#include "web/views/views.h"

namespace bdp::web {

Data adoption_data(const ViewContext& ctx, const AdoptionLink& link) {
  const Adoption& a = link.adoption;
  Data d{Data::type::object};
  d.set("id", std::to_string(a.id));
  d.set("unit_name", link.unit.name);
  d.set("unit_href", unit_path(link.unit));
  d.set("year", std::to_string(a.year));
  d.set("kind", adoption_kind_label(ctx.lang, a.kind));
  d.set("changes", a.changes);
  d.set("practice_title", link.practice ? link.practice->text : std::string());
  d.set("practice_href", optional_text(link.practice ? link.practice->href : ""));
  return d;
}

void add_adoptions(Data& d, const ViewContext& ctx, const PracticeAdoptions& adoptions) {
  List taken_up, inspired_by;
  for (const auto& link : adoptions.taken_up) taken_up.push_back(adoption_data(ctx, link));
  for (const auto& link : adoptions.inspired_by) inspired_by.push_back(adoption_data(ctx, link));
  d.set("has_taken_up", !taken_up.empty());
  d.set("taken_up", taken_up);
  d.set("has_inspired_by", !inspired_by.empty());
  d.set("inspired_by", inspired_by);
}

std::string Views::adoption_form(const ViewContext& ctx, const AdoptionFormPage& page) const {
  Data d = base_data(ctx);
  const Practice& p = *page.practice;
  const std::string path = practice_path(p) + "/zastosowalismy";
  d.set("action", path);
  d.set("practice_title", p.title);
  d.set("practice_href", practice_path(p));
  d.set("sent", page.sent);
  List fields;
  for (const auto& spec : adoption_step().fields) {
    fields.push_back(field_data(ctx, spec, *page.form, page.errors));
  }
  d.set("fields", fields);
  set_errors(ctx, d, page.errors);
  const std::string title = fmt::format("{} — {}", ui_text(ctx.lang, "adoption.title"), p.title);
  return layout(
      ctx, {titled(ctx, title, !page.errors.empty()), ui_text(ctx.lang, "adoption.intro"), path},
      templates_.render("adoption_form", std::move(d)));
}

std::string Views::desk_adoptions(const ViewContext& ctx, const DeskMenu& menu,
                                  const AdoptionsDeskPage& page) const {
  Data d = desk_data(ctx, menu);
  const auto rows = [&](const std::vector<DeskAdoption>& adoptions) {
    List out;
    for (const auto& a : adoptions) {
      Data row = adoption_data(ctx, a.link);
      row.set("contact_name", a.link.adoption.contact_name);
      row.set("contact_email", optional_text(a.link.adoption.contact_email));
      row.set("created_on", i18n::format_date(ctx.lang, a.link.adoption.created_on));
      row.set("own_href", optional_text(a.own ? a.own->href : ""));
      row.set("own_title", a.own ? a.own->text : std::string());
      row.set("own_unit", a.own_unit);
      out.push_back(std::move(row));
    }
    return out;
  };
  d.set("heading", ui_text(ctx.lang, "desk.adoptions"));
  d.set("has_pending", !page.pending.empty());
  d.set("pending", rows(page.pending));
  d.set("has_published", !page.published.empty());
  d.set("published", rows(page.published));
  return layout(ctx, {ui_text(ctx.lang, "desk.adoptions"), "", "/redakcja/zastosowania"},
                templates_.render("desk_adoptions", std::move(d)));
}

}  // namespace bdp::web
