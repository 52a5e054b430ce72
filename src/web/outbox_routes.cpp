// The mail outbox in the back office: /redakcja/poczta?stan=dead|queued|sending|sent (dead
// letters by default), newest first, without the bodies (they carry private links), and "send
// again" for a dead letter (POST /redakcja/poczta/{id}/ponow: queued again with its attempts
// anew, audited in the same transaction).
#include <fmt/format.h>

#include "core/slug.h"
#include "web/desk.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

using workflow::Action;

constexpr int kListed = 200;

http::Response list(Site& site, const Visit& visit, const Params&) {
  auto admission = admit(site, visit, Action::manage_outbox);
  if (!admission.desk) return admission.refusal;
  const std::string asked = visit.request.param("stan");
  const auto state = asked.empty() ? std::optional(MailState::dead) : mail_state_from_string(asked);
  if (!state) return site.error(visit, Error{ErrorKind::not_found, "no mail state " + asked});
  auto mails = site.store.outbox(*state, kListed);
  if (!mails) return site.error(visit, mails.error());
  const OutboxDeskPage page{*state, std::move(*mails), visit.request.param("ponowiono") == "1"};
  const auto tree = site.sections();
  return desk_page(site, visit, 200,
                   site.views.desk_outbox(site.view_context(visit, *tree),
                                          desk_menu(*admission.desk, visit.lang), page));
}

http::Response requeue(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::manage_outbox);
  if (!admission.desk) return admission.refusal;
  auto fields = desk_form(site, visit, *admission.desk);
  if (!fields) return site.error(visit, fields.error());
  const auto id = id_of_reference(params.at("id"));
  if (!id) return site.error(visit, Error{ErrorKind::not_found, "no mail " + params.at("id")});
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    if (auto queued = w.requeue_mail(*id, now); !queued) return queued;
    return w.append_audit(
        audit_by(*admission.desk, now, "mail:retry", fmt::format("mail:{}", *id)));
  });
  if (!written) return site.error(visit, written.error());
  return see_other("/redakcja/poczta?stan=dead&ponowiono=1");
}

}  // namespace

void add_outbox_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, "/redakcja/poczta", page(list));
  routes.add(M::post, "/redakcja/poczta/{id}/ponow", page(requeue));
}

}  // namespace bdp::web
