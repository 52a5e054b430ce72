// The back office's catalogue: the units' list and one unit's forms, the section tree's forms.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "web/views/form_fields.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// The merge form's inputs: the address of the unit that stays, and why.
const std::vector<FieldSpec>& merge_fields() {
  static const std::vector<FieldSpec> fields = {
      field_spec("do", "unit.merge_into", FieldKind::line, true, 80, "", "unit.merge_into_hint"),
      field_spec("powod", "unit.merge_reason", FieldKind::text, true, 1000)};
  return fields;
}

List fields_of(const ViewContext& ctx, const std::vector<FieldSpec>& specs,
               const std::function<std::string(const std::string&)>& value,
               const std::vector<FieldError>& errors) {
  List fields;
  for (const auto& spec : specs) fields.push_back(field_data(ctx, spec, value(spec.name), errors));
  return fields;
}

// The depth of a section in the tree: 0 for a top-level one.
std::size_t depth_of(const SectionTree& tree, std::int64_t id) {
  const auto path = tree.path(id);
  return path.empty() ? 0 : path.size() - 1;
}

// The parents a section may move under (or a removed one's content go to): every section but
// `moving` and those under it, each name indented by its depth; `chosen` selected.
List parent_options(const SectionTree& tree, std::int64_t moving,
                    std::optional<std::int64_t> chosen) {
  List options;
  for (const auto& s : tree.all()) {
    const auto path = tree.path(s.id);
    if (moving != 0 &&
        std::ranges::any_of(path, [&](const Section* p) { return p->id == moving; })) {
      continue;
    }
    Data option{Data::type::object};
    option.set("value", std::to_string(s.id));
    std::string label;
    for (std::size_t i = 1; i < path.size(); ++i) label += "— ";
    option.set("label", label + s.name);
    option.set("selected", chosen == s.id);
    options.push_back(std::move(option));
  }
  return options;
}

}  // namespace

std::string Views::desk_units(const ViewContext& ctx, const DeskMenu& menu,
                              const UnitsDeskPage& page) const {
  Data d = desk_data(ctx, menu);
  set_errors(ctx, d, page.errors);
  d.set("editing", page.editing);
  std::string heading = ui_text(ctx.lang, "desk.units");
  if (page.editing) {
    heading = page.unit.name;
    d.set("action", fmt::format("/redakcja/jednostki/{}", page.unit.id));
    d.set("public_href", unit_path(page.unit));
    d.set("saved", page.saved);
    d.set("fields",
          fields_of(
              ctx, unit_form_fields(),
              [&](const std::string& name) { return page.form.value(name); }, page.errors));
    Data merge{Data::type::object};
    merge.set("fields", fields_of(
                            ctx, merge_fields(),
                            [&](const std::string& name) {
                              return name == "do" ? page.merge_into : page.merge_reason;
                            },
                            page.errors));
    d.set("merge", merge);
    List figures;
    for (const auto& figure : page.unit.population) {
      Data row{Data::type::object};
      row.set("year", std::to_string(figure.year));
      row.set("count", std::to_string(figure.count));
      figures.push_back(std::move(row));
    }
    d.set("has_population", !figures.empty());
    d.set("population", figures);
  } else {
    d.set("query", page.query);
    List rows;
    for (const auto& unit : page.units) {
      Data row{Data::type::object};
      row.set("name", unit.name);
      row.set("href", fmt::format("/redakcja/jednostki/{}", unit.id));
      row.set("slug", unit.slug);
      row.set("type", optional_text(unit.type));
      row.set("voivodeship", optional_text(unit.voivodeship));
      rows.push_back(std::move(row));
    }
    d.set("has_units", !rows.empty());
    d.set("units", rows);
    d.set("count", fmt::format(fmt::runtime(ui_text(ctx.lang, "unit.listed")), page.units.size(),
                               page.matching));
  }
  d.set("heading", heading);
  return layout(ctx, {titled(ctx, heading, !page.errors.empty()), "", "/redakcja/jednostki"},
                templates_.render("desk_units", std::move(d)));
}

std::string Views::desk_sections(const ViewContext& ctx, const DeskMenu& menu,
                                 const SectionsDeskPage& page) const {
  Data d = desk_data(ctx, menu);
  const SectionTree& tree = *ctx.sections;
  set_errors(ctx, d, page.errors);
  d.set("editing", page.editing != 0);
  std::string heading = ui_text(ctx.lang, "desk.sections");
  const auto error_of = [&](const char* field) {
    const auto found = std::ranges::find(page.errors, std::string(field), &FieldError::field);
    return optional_text(found == page.errors.end() ? "" : ui_text(ctx.lang, found->message_key));
  };
  d.set("name", page.form.name);
  d.set("slug", page.form.slug);
  d.set("name_error", error_of("nazwa"));
  d.set("slug_error", error_of("slug"));
  d.set("parent_error", error_of("nadrzedny"));
  d.set("parents", parent_options(tree, page.editing, page.form.parent_id));
  d.set("into_error", error_of("do"));
  d.set("reason_error", error_of("powod"));
  d.set("removed", page.removed);
  if (page.editing != 0) {
    const Section* section = tree.find(page.editing);
    heading = section ? section->name : heading;
    d.set("action", fmt::format("/redakcja/dzialy/{}", page.editing));
    if (section) d.set("public_href", section_path(*section));
    d.set("targets", parent_options(tree, page.editing, page.removal_into));
    d.set("reason", page.removal_reason);
  } else {
    d.set("action", std::string("/redakcja/dzialy"));
    List rows;
    for (const auto& s : tree.all()) {
      const auto siblings = tree.children(s.parent_id);
      Data row{Data::type::object};
      row.set("id", std::to_string(s.id));
      row.set("name", s.name);
      row.set("slug", s.slug);
      row.set("depth", std::to_string(std::min<std::size_t>(depth_of(tree, s.id), 4)));
      row.set("public_href", section_path(s));
      row.set("href", fmt::format("/redakcja/dzialy/{}", s.id));
      row.set("can_up", !siblings.empty() && siblings.front()->id != s.id);
      row.set("can_down", !siblings.empty() && siblings.back()->id != s.id);
      row.set("saved", page.saved == s.id);
      rows.push_back(std::move(row));
    }
    d.set("sections", rows);
  }
  d.set("heading", heading);
  return layout(ctx, {titled(ctx, heading, !page.errors.empty()), "", "/redakcja/dzialy"},
                templates_.render("desk_sections", std::move(d)));
}

}  // namespace bdp::web
