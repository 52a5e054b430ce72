// The open-data page (/dane): what is published, where, under which licence.
#include "core/url.h"
#include "opendata/json_ld.h"
#include "web/views/views.h"

namespace bdp::web {

std::string Views::open_data(const ViewContext& ctx,
                             const opendata::CatalogueInfo& catalogue) const {
  Data d = base_data(ctx);
  d.set("licence_name", catalogue.licence_name);
  d.set("licence_url", safe_href(catalogue.licence_url));
  d.set("count_text", i18n::count_noun(ctx.lang, catalogue.practices, "practice"));
  const std::string title(i18n::tr(ctx.lang, "opendata.title"));
  PageHead head;
  head.json_ld = opendata::script_json(opendata::catalogue_json_ld(catalogue));
  return layout(ctx, {title, std::string(i18n::tr(ctx.lang, "opendata.intro")), "/dane"},
                templates_.render("open_data", std::move(d)), head);
}

}  // namespace bdp::web
