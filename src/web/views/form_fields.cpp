// The fields of the public forms (the submission's steps, "Zastosowaliśmy to u nas") as
// template data for the partial form_fields.mustache, and their error summary.
#include "web/views/form_fields.h"

#include <algorithm>

namespace bdp::web {
namespace {

// The options of a list whose labels are its values (Polish data).
List options(const std::vector<std::string>& values, const std::string& chosen) {
  List out;
  for (const auto& v : values) {
    Data o{Data::type::object};
    o.set("value", v);
    o.set("label", v);
    o.set("selected", v == chosen);
    out.push_back(std::move(o));
  }
  return out;
}

// The ways a unit takes a practice up, labelled in the page's language.
List kind_options(i18n::Lang lang, const std::string& chosen) {
  List out;
  for (auto kind : {AdoptionKind::adopted, AdoptionKind::adapted}) {
    Data o{Data::type::object};
    o.set("value", std::string(to_string(kind)));
    o.set("label", adoption_kind_label(lang, kind));
    o.set("selected", chosen == to_string(kind));
    out.push_back(std::move(o));
  }
  return out;
}

// The sections under `parent` (and theirs), depth first, as checkboxes, `checked` ticked.
void add_sections(const SectionTree& tree, std::optional<std::int64_t> parent,
                  const std::vector<std::int64_t>& checked, List& out) {
  for (const Section* s : tree.children(parent)) {
    Data item{Data::type::object};
    item.set("id", std::to_string(s->id));
    item.set("name", s->name);
    item.set("child", s->parent_id.has_value());
    item.set("checked", std::ranges::find(checked, s->id) != checked.end());
    out.push_back(std::move(item));
    add_sections(tree, s->id, checked, out);
  }
}

}  // namespace

std::string ui_text(i18n::Lang lang, const std::string& key) {
  return std::string(i18n::tr(lang, key));
}

std::string spec_text(i18n::Lang lang, const FieldSpec& spec, const std::string& source) {
  if (source.empty()) return {};
  return spec.heading ? source : ui_text(lang, source);
}

std::string adoption_kind_label(i18n::Lang lang, AdoptionKind kind) {
  return ui_text(lang, std::string("adoption.kind.") + to_string(kind));
}

Data field_data(const ViewContext& ctx, const FieldSpec& spec, const SubmissionForm& form,
                const std::vector<FieldError>& errors) {
  if (spec.kind == FieldKind::sections) return sections_field(ctx, spec, form.section_ids, errors);
  return field_data(ctx, spec, form.value(spec.name), errors);
}

Data sections_field(const ViewContext& ctx, const FieldSpec& spec,
                    const std::vector<std::int64_t>& checked,
                    const std::vector<FieldError>& errors) {
  Data f = field_data(ctx, spec, std::string(), errors);
  List sections;
  add_sections(*ctx.sections, std::nullopt, checked, sections);
  f.set("sections", sections);
  f.set("choice_name", spec.name);  // the items have names of their own
  return f;
}

Data field_data(const ViewContext& ctx, const FieldSpec& spec, const std::string& value,
                const std::vector<FieldError>& errors) {
  Data f{Data::type::object};
  f.set("name", spec.name);
  f.set("label", spec_text(ctx.lang, spec, spec.label));
  f.set("hint", optional_text(spec_text(ctx.lang, spec, spec.hint)));
  f.set("required", spec.required);
  f.set("max", std::to_string(spec.max_length));
  f.set("autocomplete", optional_text(spec.autocomplete));
  f.set("value", value);
  const auto error = std::ranges::find(errors, spec.name, &FieldError::field);
  const bool refused = error != errors.end();
  f.set("error", optional_text(refused ? ui_text(ctx.lang, error->message_key) : ""));
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
    case FieldKind::adoption_kind:
      f.set("is_select", true);
      f.set("options", kind_options(ctx.lang, value));
      break;
    case FieldKind::consent:
      f.set("is_consent", true);
      f.set("checked", value == "tak");
      break;
    case FieldKind::sections:
      f.set("is_sections", true);  // the list: sections_field
      break;
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
    case FieldKind::year:
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
    item.set("message", ui_text(ctx.lang, e.message_key));
    items.push_back(std::move(item));
  }
  d.set("has_errors", !items.empty());
  d.set("errors", items);
}

// "Błąd: <title>" when the page shows refused fields (the title is read first).
std::string titled(const ViewContext& ctx, const std::string& title, bool errors) {
  return errors ? ui_text(ctx.lang, "submit.error_prefix") + " " + title : title;
}

}  // namespace bdp::web
