// The public submission form's pages (/zglos-praktyke): task list, steps, check your answers,
// the sent page and the private status page. Every value the visitor typed is escaped by the
// templates; a refused field carries its message, linked from the error summary.
#include <fmt/format.h>

#include <algorithm>

#include "web/views/form_fields.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

enum class StepState { not_started, in_progress, complete };

StepState state_of(const StepSpec& step, const SubmissionForm& form) {
  if (form.completed.contains(step.slug)) return StepState::complete;
  const bool touched = std::ranges::any_of(step.fields, [&](const FieldSpec& f) {
    return f.kind == FieldKind::sections ? !form.section_ids.empty() : !form.value(f.name).empty();
  });
  return touched ? StepState::in_progress : StepState::not_started;
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
    item.set("title", ui_text(ctx.lang, step.title_key));
    item.set("slug", step.slug);
    const char* key = state == StepState::complete      ? "submit.state.complete"
                      : state == StepState::in_progress ? "submit.state.in_progress"
                                                        : "submit.state.not_started";
    item.set("state", ui_text(ctx.lang, key));
    item.set("complete", state == StepState::complete);
    steps.push_back(std::move(item));
  }
  d.set("steps", steps);
  d.set("can_check", all_complete);
  d.set("editing", page.editing);
  return layout(ctx,
                {ui_text(ctx.lang, "submit.title_page"), ui_text(ctx.lang, "submit.intro"),
                 "/zglos-praktyke"},
                templates_.render("submit_tasks", std::move(d)));
}

std::string Views::submission_step(const ViewContext& ctx, const StepSpec& step,
                                   const SubmissionPage& page) const {
  Data d = base_data(ctx);
  const std::string path = "/zglos-praktyke/" + step.slug;
  d.set("action", path);
  d.set("csrf", page.csrf);
  d.set("title", ui_text(ctx.lang, step.title_key));
  const auto& steps = submission_steps();
  const auto index = std::ranges::find(steps, step.slug, &StepSpec::slug) - steps.begin();
  d.set("progress", fmt::format("{} {} {} {}", ui_text(ctx.lang, "submit.step_word"), index + 1,
                                ui_text(ctx.lang, "submit.of"), steps.size()));
  List fields;
  for (const auto& spec : step.fields)
    fields.push_back(field_data(ctx, spec, *page.form, page.errors));
  d.set("fields", fields);
  set_errors(ctx, d, page.errors);
  return layout(ctx,
                {titled(ctx, ui_text(ctx.lang, step.title_key), !page.errors.empty()), "", path},
                templates_.render("submit_step", std::move(d)));
}

std::string Views::submission_check(const ViewContext& ctx, const SubmissionPage& page) const {
  Data d = base_data(ctx);
  d.set("csrf", page.csrf);
  List steps;
  for (const auto& step : submission_steps()) {
    Data s{Data::type::object};
    s.set("title", ui_text(ctx.lang, step.title_key));
    List rows;
    for (const auto& spec : step.fields) {
      Data row{Data::type::object};
      row.set("label", spec_text(ctx.lang, spec, spec.label));
      row.set("href", "/zglos-praktyke/" + step.slug + "#" + spec.name);
      std::string shown = page.form->value(spec.name);
      if (spec.kind == FieldKind::consent) {
        shown =
            ui_text(ctx.lang, shown == "tak" ? "submit.consent_given" : "submit.consent_missing");
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
                {titled(ctx, ui_text(ctx.lang, "submit.check_title"), !page.errors.empty()), "",
                 "/zglos-praktyke/sprawdz"},
                templates_.render("submit_check", std::move(d)));
}

std::string Views::submission_sent(const ViewContext& ctx, const std::string& private_link,
                                   bool resent) const {
  Data d = base_data(ctx);
  d.set("link", private_link);
  d.set("resent", resent);
  return layout(ctx, {ui_text(ctx.lang, "submit.sent_title"), "", "/zglos-praktyke/wyslij"},
                templates_.render("submit_sent", std::move(d)));
}

std::string Views::submission_status(const ViewContext& ctx,
                                     const SubmissionStatusPage& page) const {
  Data d = base_data(ctx);
  d.set("title", page.title);
  d.set("status", ui_text(ctx.lang, std::string("desk.status.") + to_string(page.status)));
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
  return layout(ctx, {ui_text(ctx.lang, "submit.status_title"), "", ""},
                templates_.render("submission_status", std::move(d)));
}

}  // namespace bdp::web
