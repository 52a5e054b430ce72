// The logged-in account's own page: changing one's password (the current one checked, the new
// one under the policy, every other session ended, the change audited).
#include "auth/password.h"
#include "web/desk.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

constexpr const char* kPasswordPath = "/redakcja/haslo";

http::Response form_page(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                         const PasswordForm& form) {
  const auto tree = site.sections();
  return desk_page(
      site, visit, status,
      site.views.password_form(site.view_context(visit, *tree), desk_menu(desk, visit.lang), form));
}

http::Response refused(Site& site, const Visit& visit, const DeskVisit& desk, int status,
                       const char* key) {
  return form_page(site, visit, desk, status, {std::string(i18n::tr(visit.lang, key)), false});
}

// Runs deferred on the work pool: two Argon2id computations.
http::Response change(Site& site, const Visit& visit, const DeskVisit& desk,
                      const std::string& current, const std::string& fresh) {
  if (!auth::verify_password(desk.editor.password_hash, current)) {
    return refused(site, visit, desk, 400, "desk.password_wrong");
  }
  auto hash = auth::hash_password(fresh);
  if (!hash) return site.error(visit, hash.error());
  if (auto changed = site.store.set_editor_password(
          desk.editor.id, *hash, desk.session_hash,
          audit_by(desk, unix_now(), "password", "editor:" + std::to_string(desk.editor.id)));
      !changed) {
    return site.error(visit, changed.error());
  }
  return form_page(site, visit, desk, 200, {"", true});
}

http::Response submit(Site& site, const Visit& visit) {
  auto admission = admit(site, visit, workflow::Action::open_desk);
  if (!admission.desk) return admission.refusal;
  const DeskVisit& desk = *admission.desk;
  auto fields = desk_form(site, visit, desk);
  if (!fields) return site.error(visit, fields.error());
  const auto current = http::form_field(*fields, "obecne").value_or("");
  const auto fresh = http::form_field(*fields, "nowe").value_or("");
  if (fresh != http::form_field(*fields, "powtorz").value_or("")) {
    return refused(site, visit, desk, 400, "desk.password_differ");
  }
  if (!auth::check_password_policy(fresh)) {
    return refused(site, visit, desk, 400, "desk.password_weak");
  }
  auto request = std::make_shared<const http::Request>(visit.request);
  http::Response deferred;
  deferred.deferred = [&site, request, visit = visit.over(*request), desk, current, fresh] {
    return change(site, visit, desk, current, fresh);
  };
  return deferred;
}

}  // namespace

void add_account_routes(Routes& routes, Site& site) {
  using M = http::Method;
  routes.add(M::get, kPasswordPath, Route{RouteKind::page, [&site](const Visit& v, const Params&) {
                                            auto admission =
                                                admit(site, v, workflow::Action::open_desk);
                                            if (!admission.desk) return admission.refusal;
                                            return form_page(site, v, *admission.desk, 200, {});
                                          }});
  routes.add(M::post, kPasswordPath, Route{RouteKind::page, [&site](const Visit& v, const Params&) {
                                             return submit(site, v);
                                           }});
}

}  // namespace bdp::web
