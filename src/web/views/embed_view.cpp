// The embeddable page of a unit's practices: its own small document (not the layout): no
// script, no form, no counter; every link absolute and opened outside the frame.
#include "web/views/views.h"

namespace bdp::web {

std::string Views::embed_unit(const ViewContext& ctx, const Unit& unit,
                              const std::vector<Practice>& practices) const {
  const SiteConfig& config = *ctx.config;
  Data d = base_data(ctx);
  d.set("unit_name", unit.name);
  d.set("unit_url", config.base_url + unit_path(unit));
  d.set("base_url", config.base_url);
  d.set("portal_title", config.portal_title);
  List items;
  for (const auto& p : practices) {
    Data item{Data::type::object};
    item.set("title", p.title);
    item.set("url", config.base_url + practice_path(p));
    item.set("entered_on", optional_text(i18n::format_date(ctx.lang, p.entered_on)));
    items.push_back(std::move(item));
  }
  d.set("has_practices", !items.empty());
  d.set("practices", items);
  return templates_.render("embed_unit", std::move(d));
}

}  // namespace bdp::web
