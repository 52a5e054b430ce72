// The back office's branding form: the programme header, the funding note, the partner rows.
#include <fmt/format.h>

#include <algorithm>

#include "web/views/form_fields.h"
#include "web/views/views.h"

namespace bdp::web {

std::string Views::desk_branding(const ViewContext& ctx, const DeskMenu& menu,
                                 const BrandingDeskPage& page) const {
  Data d = desk_data(ctx, menu);
  set_errors(ctx, d, page.errors);
  d.set("saved", page.saved);
  List fields;
  for (const auto& spec :
       {field_spec("naglowek", "branding.header", FieldKind::line, false, 300, "",
                   "branding.header_hint"),
        field_spec("finansowanie", "branding.funding", FieldKind::text, false, 1000)}) {
    fields.push_back(field_data(ctx, spec, page.form.value(spec.name), page.errors));
  }
  d.set("fields", fields);
  const auto error_of = [&](const std::string& field) {
    const auto found = std::ranges::find(page.errors, field, &FieldError::field);
    return optional_text(found == page.errors.end() ? "" : ui_text(ctx.lang, found->message_key));
  };
  List rows;
  for (std::size_t row = 1; row <= kPartnerRows; ++row) {
    Data r{Data::type::object};
    r.set("number", std::to_string(row));
    for (const char* part : {"nazwa", "adres", "logo"}) {
      const auto name = partner_field(row, part);
      r.set(std::string(part) + "_name", name);
      r.set(std::string(part) + "_value", page.form.value(name));
      r.set(std::string(part) + "_error", error_of(name));
    }
    List options;
    const auto chosen = page.form.value(partner_field(row, "logo"));
    for (const auto& logo : page.logos) {
      Data option{Data::type::object};
      option.set("value", logo);
      option.set("selected", logo == chosen);
      options.push_back(std::move(option));
    }
    r.set("logos", options);
    rows.push_back(std::move(r));
  }
  d.set("partners", rows);
  const std::string heading = ui_text(ctx.lang, "desk.branding");
  d.set("heading", heading);
  return layout(ctx, {titled(ctx, heading, !page.errors.empty()), "", "/redakcja/wyglad"},
                templates_.render("desk_branding", std::move(d)));
}

}  // namespace bdp::web
