// The public submission form's pages (/zglos-praktyke): task list, steps, check your answers,
// the sent page and the private status page. Every value the visitor typed is escaped by the
// templates; a refused field carries its message, linked from the error summary.
#include <fmt/format.h>

#include <algorithm>

#include "web/views/views.h"

namespace bdp::web {
namespace {

std::string text(i18n::Lang lang, const std::string& key) {
  return std::string(i18n::tr(lang, key));
}

// A label or hint of the table: an i18n key, or Polish data for the methodology's headings.
std::string spec_text(i18n::Lang lang, const FieldSpec& spec, const std::string& source) {
  if (source.empty()) return {};
  return spec.heading ? source : text(lang, source);
}

enum class StepState { not_started, in_progress, complete };

StepState state_of(const StepSpec& step, const SubmissionForm& form) {
  if (form.completed.contains(step.slug)) return StepState::complete;
  const bool touched = std::ranges::any_of(step.fields, [&](const FieldSpec& f) {
    return f.kind == FieldKind::sections ? !form.section_ids.empty() : !form.value(f.name).empty();
  });
  return touched ? StepState::in_progress : StepState::not_started;
}

List options(const std::vector<std::string>& values, const std::string& chosen) {
  List out;
  for (const auto& v : values) {
    Data o{Data::type::object};
    o.set("value", v);
    o.set("selected", v == chosen);
    out.push_back(std::move(o));
  }
  return out;
}

// The sections under `parent` (and theirs), depth first, as checkboxes.
void add_sections(const SectionTree& tree, std::optional<std::int64_t> parent,
                  const SubmissionForm& form, List& out) {
  for (const Section* s : tree.children(parent)) {
    Data item{Data::type::object};
    item.set("id", std::to_string(s->id));
    item.set("name", s->name);
    item.set("child", s->parent_id.has_value());
    item.set("checked", std::ranges::find(form.section_ids, s->id) != form.section_ids.end());
    out.push_back(std::move(item));
    add_sections(tree, s->id, form, out);
  }
}

Data field_data(const ViewContext& ctx, const FieldSpec& spec, const SubmissionForm& form,
                const std::vector<FieldError>& errors) {
  Data f{Data::type::object};
  f.set("name", spec.name);
  f.set("label", spec_text(ctx.lang, spec, spec.label));
  f.set("hint", optional_text(spec_text(ctx.lang, spec, spec.hint)));
  f.set("required", spec.required);
  f.set("max", std::to_string(spec.max_length));
  f.set("autocomplete", optional_text(spec.autocomplete));
  const std::string value = form.value(spec.name);
  f.set("value", value);
  const auto error = std::ranges::find(errors, spec.name, &FieldError::field);
  const bool refused = error != errors.end();
  f.set("error", optional_text(refused ? text(ctx.lang, error->message_key) : ""));
  std::string described;
  if (!spec.hint.empty()) described = spec.name + "-hint";
  if (refused) described += (described.empty() ? "" : " ") + spec.name + "-error";
  f.set("describedby", optional_text(described));
  const char* input_type = nullptr;
  switch (spec.kind) {
    case FieldKind::text:
      f.set("is_text", true);
      break;
    case FieldKind::unit_type:
      f.set("is_select", true);
      f.set("options", options(unit_types(), value));
      break;
    case FieldKind::voivodeship:
      f.set("is_select", true);
      f.set("options", options(voivodeships(), value));
      break;
    case FieldKind::consent:
      f.set("is_consent", true);
      f.set("checked", value == "tak");
      break;
    case FieldKind::sections: {
      f.set("is_sections", true);
      List sections;
      add_sections(*ctx.sections, std::nullopt, form, sections);
      f.set("sections", sections);
      break;
    }
    case FieldKind::email:
      input_type = "email";
      break;
    case FieldKind::phone:
      input_type = "tel";
      break;
    case FieldKind::url:
      input_type = "url";
      break;
    case FieldKind::number:
      input_type = "text";
      f.set("numeric", true);
      break;
    case FieldKind::line:
    case FieldKind::postal_code:
      input_type = "text";
      break;
  }
  if (input_type) {
    f.set("is_input", true);
    f.set("type", std::string(input_type));
  }
  return f;
}

// The error summary: a heading and a link to each refused field (a field of this page by its
// id, one of another page by its address).
void set_errors(const ViewContext& ctx, Data& d, const std::vector<FieldError>& errors) {
  List items;
  for (const auto& e : errors) {
    Data item{Data::type::object};
    item.set("href", e.field.starts_with('/') ? e.field : "#" + e.field);
    item.set("message", text(ctx.lang, e.message_key));
    items.push_back(std::move(item));
  }
  d.set("has_errors", !items.empty());
  d.set("errors", items);
}

// "Błąd: <title>" when the page shows refused fields (the title is read first).
std::string titled(const ViewContext& ctx, const std::string& title, bool errors) {
  return errors ? text(ctx.lang, "submit.error_prefix") + " " + title : title;
}

}  // namespace

std::string Views::submission_tasks(const ViewContext& ctx, const SubmissionPage& page) const {
  Data d = base_data(ctx);
  List steps;
  bool all_complete = true;
  int number = 1;
  for (const auto& step : submission_steps()) {
    const auto state = state_of(step, *page.form);
    all_complete = all_complete && state == StepState::complete;
    Data item{Data::type::object};
    item.set("number", std::to_string(number++));
    item.set("href", "/zglos-praktyke/" + step.slug);
    item.set("title", text(ctx.lang, step.title_key));
    item.set("slug", step.slug);
    const char* key = state == StepState::complete      ? "submit.state.complete"
                      : state == StepState::in_progress ? "submit.state.in_progress"
                                                        : "submit.state.not_started";
    item.set("state", text(ctx.lang, key));
    item.set("complete", state == StepState::complete);
    steps.push_back(std::move(item));
  }
  d.set("steps", steps);
  d.set("can_check", all_complete);
  d.set("editing", page.editing);
  return layout(
      ctx, {text(ctx.lang, "submit.title_page"), text(ctx.lang, "submit.intro"), "/zglos-praktyke"},
      templates_.render("submit_tasks", std::move(d)));
}

std::string Views::submission_step(const ViewContext& ctx, const StepSpec& step,
                                   const SubmissionPage& page) const {
  Data d = base_data(ctx);
  const std::string path = "/zglos-praktyke/" + step.slug;
  d.set("action", path);
  d.set("csrf", page.csrf);
  d.set("title", text(ctx.lang, step.title_key));
  const auto& steps = submission_steps();
  const auto index = std::ranges::find(steps, step.slug, &StepSpec::slug) - steps.begin();
  d.set("progress", fmt::format("{} {} {} {}", text(ctx.lang, "submit.step_word"), index + 1,
                                text(ctx.lang, "submit.of"), steps.size()));
  List fields;
  for (const auto& spec : step.fields)
    fields.push_back(field_data(ctx, spec, *page.form, page.errors));
  d.set("fields", fields);
  set_errors(ctx, d, page.errors);
  return layout(ctx, {titled(ctx, text(ctx.lang, step.title_key), !page.errors.empty()), "", path},
                templates_.render("submit_step", std::move(d)));
}

std::string Views::submission_check(const ViewContext& ctx, const SubmissionPage& page) const {
  Data d = base_data(ctx);
  d.set("csrf", page.csrf);
  List steps;
  for (const auto& step : submission_steps()) {
    Data s{Data::type::object};
    s.set("title", text(ctx.lang, step.title_key));
    List rows;
    for (const auto& spec : step.fields) {
      Data row{Data::type::object};
      row.set("label", spec_text(ctx.lang, spec, spec.label));
      row.set("href", "/zglos-praktyke/" + step.slug + "#" + spec.name);
      std::string shown = page.form->value(spec.name);
      if (spec.kind == FieldKind::consent) {
        shown = text(ctx.lang, shown == "tak" ? "submit.consent_given" : "submit.consent_missing");
      } else if (spec.kind == FieldKind::sections) {
        shown.clear();
        for (auto id : page.form->section_ids) {
          if (const Section* section = ctx.sections->find(id)) {
            shown += (shown.empty() ? "" : ", ") + section->name;
          }
        }
      }
      row.set("value", optional_text(shown));
      rows.push_back(std::move(row));
    }
    s.set("rows", rows);
    steps.push_back(std::move(s));
  }
  d.set("steps", steps);
  set_errors(ctx, d, page.errors);
  d.set("editing", page.editing);
  return layout(ctx,
                {titled(ctx, text(ctx.lang, "submit.check_title"), !page.errors.empty()), "",
                 "/zglos-praktyke/sprawdz"},
                templates_.render("submit_check", std::move(d)));
}

std::string Views::submission_sent(const ViewContext& ctx, const std::string& private_link,
                                   bool resent) const {
  Data d = base_data(ctx);
  d.set("link", private_link);
  d.set("resent", resent);
  return layout(ctx, {text(ctx.lang, "submit.sent_title"), "", "/zglos-praktyke/wyslij"},
                templates_.render("submit_sent", std::move(d)));
}

std::string Views::submission_status(const ViewContext& ctx,
                                     const SubmissionStatusPage& page) const {
  Data d = base_data(ctx);
  d.set("title", page.title);
  d.set("status", text(ctx.lang, std::string("desk.status.") + to_string(page.status)));
  d.set("entered_on", optional_text(i18n::format_date(ctx.lang, page.entered_on)));
  d.set("edit_action", optional_text(page.edit_action));
  d.set("public_href", optional_text(page.public_href));
  List comments;
  for (const auto& c : page.comments) {
    Data item{Data::type::object};
    item.set("author", c.author_name);
    item.set("body", c.body);
    comments.push_back(std::move(item));
  }
  d.set("has_comments", !comments.empty());
  d.set("comments", comments);
  return layout(ctx, {text(ctx.lang, "submit.status_title"), "", ""},
                templates_.render("submission_status", std::move(d)));
}

}  // namespace bdp::web
