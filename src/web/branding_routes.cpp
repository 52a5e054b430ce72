// The back office's branding form /redakcja/wyglad: the programme header, the funding note and
// the partners of every page's footer. Saved with its audit entry in one transaction as the
// setting "branding"; every node follows the change log, reloads it and drops its cached pages.
#include "web/branding_form.h"
#include "web/desk.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

using workflow::Action;

constexpr const char* kPath = "/redakcja/wyglad";

http::Response branding_page(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                             const BrandingDeskPage& page) {
  const auto tree = site.sections();
  return desk_page(
      site, visit, status,
      site.views.desk_branding(site.view_context(visit, *tree), desk_menu(desk, visit.lang), page));
}

http::Response show(Site& site, const Visit& visit, const Params&) {
  auto admission = admit(site, visit, Action::manage_branding);
  if (!admission.desk) return admission.refusal;
  // From the store, not the follower's copy: a change shows at once here.
  auto stored = stored_branding(site.store, site.config);
  if (!stored) return site.error(visit, stored.error());
  BrandingDeskPage page;
  page.form = BrandingForm::of(*stored);
  page.logos = site.logos;
  page.saved = visit.request.param("zapisano") == "1";
  return branding_page(site, visit, *admission.desk, 200, page);
}

http::Response save(Site& site, const Visit& visit, const Params&) {
  auto admission = admit(site, visit, Action::manage_branding);
  if (!admission.desk) return admission.refusal;
  const DeskVisit& desk = *admission.desk;
  auto fields = desk_form(site, visit, desk);
  if (!fields) return site.error(visit, fields.error());
  BrandingDeskPage page;
  page.form = BrandingForm::posted(*fields);
  page.logos = site.logos;
  auto checked = check_branding_form(page.form, page.logos);
  if (!checked.errors.empty()) {
    page.errors = std::move(checked.errors);
    return branding_page(site, visit, desk, 400, page);
  }
  const auto json = branding_json(checked.branding);
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    if (auto saved = w.save_setting(kBrandingSetting, json); !saved) return saved;
    return w.append_audit(audit_by(desk, now, "branding:update", "setting:branding",
                                   checked.branding.programme_header));
  });
  if (!written) return site.error(visit, written.error());
  return see_other(std::string(kPath) + "?zapisano=1");
}

}  // namespace

void add_branding_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, kPath, page(show));
  routes.add(M::post, kPath, page(save));
}

}  // namespace bdp::web
