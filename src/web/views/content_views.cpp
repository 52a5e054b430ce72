// The back office's form of a practice's text: one input per content field, labelled as the
// revisions name them; for a published practice, which text it edits (the pending revision or a
// fix of the published one) and a reason, which a fix requires.
#include <fmt/format.h>

#include "web/content_form.h"
#include "web/views/content_labels.h"
#include "web/views/form_fields.h"
#include "web/views/views.h"

namespace bdp::web {
namespace {

const char* target_name(ContentTarget target) {
  switch (target) {
    case ContentTarget::working_copy:
      return "robocza";
    case ContentTarget::published:
      return "opublikowana";
    case ContentTarget::pending:
      return "oczekujaca";
  }
  return "robocza";
}

}  // namespace

std::string Views::content_editor(const ViewContext& ctx, const DeskMenu& menu,
                                  const ContentEditorPage& page) const {
  Data d = desk_data(ctx, menu);
  set_errors(ctx, d, page.errors);
  const std::string base = fmt::format("/redakcja/praktyki/{}", page.practice.id);
  const std::string action = base + "/tresc";
  d.set("back", base);
  d.set("action", action);
  d.set("title", page.practice.title);
  d.set("target", std::string(target_name(page.target)));
  const bool is_public = page.target != ContentTarget::working_copy;
  d.set("is_public", is_public);
  d.set("on_pending", page.target == ContentTarget::pending);
  d.set("pending_href", action + "?cel=oczekujaca");
  d.set("published_href", action + "?cel=opublikowana");
  d.set("explain", ui_text(ctx.lang, std::string("content.explain.") + target_name(page.target)));
  d.set("save_label", ui_text(ctx.lang, std::string("content.save.") + target_name(page.target)));
  List fields;
  for (const auto& f : page.values) {
    auto input = content_input(f.key);
    if (!input.editable) continue;
    input.spec.label = content_label(ctx.lang, f.key, page.values, {});
    input.spec.heading = true;  // the label is text already
    if (input.spec.kind == FieldKind::sections) {
      fields.push_back(sections_field(
          ctx, input.spec, parse_ids(f.value).value_or(std::vector<std::int64_t>{}), page.errors));
    } else {
      fields.push_back(field_data(ctx, input.spec, f.value, page.errors));
    }
  }
  d.set("fields", fields);
  FieldSpec reason = field_spec("powod", "content.reason", FieldKind::text,
                                page.target == ContentTarget::published, 2000, "",
                                is_public ? "content.reason_hint" : "");
  List reason_field;
  reason_field.push_back(field_data(ctx, reason, page.reason, page.errors));
  Data reason_data{Data::type::object};
  reason_data.set("fields", reason_field);
  d.set("reason", reason_data);
  const std::string heading = ui_text(ctx.lang, "content.heading");
  return layout(
      ctx, {titled(ctx, heading + ": " + page.practice.title, !page.errors.empty()), "", action},
      templates_.render("content_editor", std::move(d)));
}

}  // namespace bdp::web
