#include <algorithm>
#include <functional>

#include "core/text.h"
#include "web/comparison.h"
#include "web/language_path.h"
#include "web/markdown.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

// The rows of a comparison: a label, then a cell per practice (text, maybe linked, or html
// already rendered; "—" when empty).
class Rows {
 public:
  explicit Rows(const std::vector<ComparedPractice>& compared) : compared_(compared) {}
  void add(const std::string& label, bool polish_label,
           const std::function<Data(const ComparedPractice&)>& cell) {
    Data row{Data::type::object};
    row.set("label", label);
    row.set("polish_label", polish_label);
    List cells;
    for (const auto& c : compared_) cells.push_back(cell(c));
    row.set("cells", cells);
    rows_.push_back(std::move(row));
  }
  List take() { return std::move(rows_); }

 private:
  const std::vector<ComparedPractice>& compared_;
  List rows_;
};

Data text_cell(const std::string& text, const std::string& href = {}) {
  Data cell{Data::type::object};
  cell.set("text", optional_text(text));
  cell.set("href", optional_text(href));
  cell.set("html", optional_text(""));
  return cell;
}

Data html_cell(const std::string& markdown) {
  Data cell = text_cell("");
  cell.set("html", optional_text(is_blank(markdown) ? "" : render_markdown(markdown)));
  return cell;
}

const PresentationSection* section_of(const Practice& p, const std::string& key) {
  for (const auto& s : p.presentation) {
    if (s.key == key && !is_blank(s.body)) return &s;
  }
  return nullptr;
}

}  // namespace

std::string Views::comparison(const ViewContext& ctx, const std::vector<ComparedPractice>& compared,
                              bool full) const {
  const auto lang = ctx.lang;
  const auto label = [lang](std::string_view key) { return std::string(i18n::tr(lang, key)); };
  Data d = base_data(ctx);
  Compared ids;
  List columns, id_list;
  for (const auto& c : compared) {
    ids.push_back(c.practice.id);
    Data column{Data::type::object};
    column.set("id", std::to_string(c.practice.id));
    column.set("href", practice_path(c.practice));
    column.set("title", c.practice.title);
    columns.push_back(column);
    Data id{Data::type::object};
    id.set("value", std::to_string(c.practice.id));
    id_list.push_back(std::move(id));
  }
  Rows rows(compared);
  rows.add(label("compare.unit"), false,
           [](const ComparedPractice& c) { return text_cell(c.unit.name, unit_path(c.unit)); });
  rows.add(label("field.unit_type"), false,
           [](const ComparedPractice& c) { return text_cell(c.unit.type); });
  rows.add(label("field.voivodeship"), false,
           [](const ComparedPractice& c) { return text_cell(c.unit.voivodeship); });
  rows.add(label("field.population"), false, [lang](const ComparedPractice& c) {
    const auto population = population_of(c.practice, c.unit);
    return text_cell(population ? i18n::format_number(lang, *population) : "");
  });
  rows.add(label("practice.sections"), false, [&ctx](const ComparedPractice& c) {
    std::string names;
    for (const auto id : c.practice.section_ids) {
      const auto chain = ctx.sections->path(id);  // "Współpraca JST–NGO › Praktyki"
      if (chain.empty()) continue;
      if (!names.empty()) names += "; ";
      for (std::size_t i = 0; i < chain.size(); ++i) {
        names += (i == 0 ? "" : " › ") + chain[i]->name;
      }
    }
    return text_cell(names);
  });
  rows.add(label("field.entered_on"), false, [lang](const ComparedPractice& c) {
    return text_cell(i18n::format_date(lang, c.practice.entered_on));
  });
  rows.add(label("practice.cite_updated"), false, [lang](const ComparedPractice& c) {
    return text_cell(i18n::format_date(lang, last_change_date(c.practice)));
  });
  for (const auto& heading : methodology()) {
    const std::string key = heading.key;
    const bool anyone = std::any_of(compared.begin(), compared.end(), [&](const auto& c) {
      return section_of(c.practice, key) != nullptr;
    });
    if (!anyone) continue;
    rows.add(heading.heading, true, [key](const ComparedPractice& c) {
      const auto* s = section_of(c.practice, key);
      return s ? html_cell(s->body) : text_cell("");
    });
  }
  d.set("has_practices", !compared.empty());
  d.set("practices", columns);
  d.set("ids", id_list);
  d.set("rows", rows.take());
  d.set("full", full);
  d.set("share_url", ctx.config->base_url + localized_path(comparison_path(ids), lang));
  const std::string title = label("compare.title");
  return layout(ctx, {title, label("compare.intro"), comparison_path(ids)},
                templates_.render("compare", std::move(d)));
}

}  // namespace bdp::web
