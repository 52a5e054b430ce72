// Verification of data: the editors' overdue list /redakcja/weryfikacja with its one-click
// buttons (POST /redakcja/weryfikacja/{id}, co = wszystko | tresc | kontakty: the date of what
// was checked becomes today, audited), and a reminder's link /potwierdz/{token}: GET shows the
// practice and a button (mail scanners follow links, never forms), POST confirms its content
// and contacts and closes the link, audited as the public.
#include <fmt/format.h>

#include "auth/token.h"
#include "core/slug.h"
#include "web/desk.h"
#include "web/review_forms.h"
#include "web/route_families.h"
#include "workflow/verification_schedule.h"

namespace bdp::web {
namespace {

using workflow::Action;

constexpr const char* kDeskPath = "/redakcja/weryfikacja";

http::Response desk_list(Site& site, const Visit& visit, const Params&) {
  auto admission = admit(site, visit, Action::verify);
  if (!admission.desk) return admission.refusal;
  auto items = site.store.verifications();
  if (!items) return site.error(visit, items.error());
  const auto now = unix_now();
  const int months = site.config.verification_months;
  VerificationDeskPage page;
  page.months = months;
  const auto verified = id_of_reference(visit.request.param("zweryfikowano"));
  page.verified_id = verified.value_or(0);
  for (auto& item : workflow::overdue(std::move(*items), now, months)) {
    const bool long_overdue = workflow::verification_state(item, now, months) ==
                              workflow::VerificationState::long_overdue;
    std::string href = practice_id_path(item.practice_id);
    page.rows.push_back({std::move(item), std::move(href), long_overdue});
  }
  const auto tree = site.sections();
  return desk_page(site, visit, 200,
                   site.views.desk_verifications(site.view_context(visit, *tree),
                                                 desk_menu(*admission.desk, visit.lang), page));
}

http::Response mark(Site& site, const Visit& visit, const ReviewForm& form) {
  const std::string what = http::form_field(form.fields, "co").value_or("");
  const bool content = what == "wszystko" || what == "tresc";
  const bool contacts = what == "wszystko" || what == "kontakty";
  if (!content && !contacts) {
    return site.error(visit, Error{ErrorKind::invalid_input, "verification: co = " + what});
  }
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    auto practice = w.practice(form.id);
    if (!practice) return std::unexpected(practice.error());
    if (practice->status != PracticeStatus::published) {
      return fail(ErrorKind::conflict, fmt::format("practice {} is not published", form.id));
    }
    auto v = w.verification(form.id);
    if (!v) return std::unexpected(v.error());
    if (content) v->content_verified_at = now;
    if (contacts) v->contacts_verified_at = now;
    if (auto saved = w.save_verification(*v); !saved) return saved;
    return w.append_audit(audit_by(form.desk, now, "verify", practice_entity(form.id), what));
  });
  if (!written) return site.error(visit, written.error());
  return see_other(fmt::format("{}?zweryfikowano={}#praktyka-{}", kDeskPath, form.id, form.id));
}

// The open reminder of the link's token; not_found for an unknown, used or malformed one.
Result<Verification> reminder_of(Site& site, const Params& params) {
  const auto hash = auth::session_token_hash(params.at("token"));
  if (!hash) return fail(ErrorKind::not_found, "a malformed confirmation link");
  return site.store.verification_by_token(*hash);
}

// The link's token is the key: its page is never indexed, cached or sent on as a referrer.
http::Response confirm_page(Site& site, const Visit& visit, const Practice& practice,
                            const std::string& token, bool done) {
  const VerificationConfirmPage page{practice.title, practice_path(practice), "/potwierdz/" + token,
                                     done};
  const auto tree = site.sections();
  auto r = desk_page(site, visit, 200,
                     site.views.verification_confirm(site.view_context(visit, *tree), page));
  r.set_header("referrer-policy", "no-referrer");
  r.set_header("x-robots-tag", "noindex");
  return r;
}

http::Response show(Site& site, const Visit& visit, const Params& params) {
  auto reminder = reminder_of(site, params);
  if (!reminder) return site.error(visit, reminder.error());
  auto practice = site.store.practice(reminder->practice_id);
  if (!practice) return site.error(visit, practice.error());
  return confirm_page(site, visit, *practice, params.at("token"), false);
}

http::Response confirm(Site& site, const Visit& visit, const Params& params) {
  auto reminder = reminder_of(site, params);
  if (!reminder) return site.error(visit, reminder.error());
  const auto now = unix_now();
  Practice practice;
  auto written = site.store.write([&](Writer& w) -> Status {
    auto read = w.practice(reminder->practice_id);
    if (!read) return std::unexpected(read.error());
    practice = std::move(*read);
    Verification v = *reminder;
    v.content_verified_at = now;
    v.contacts_verified_at = now;
    v.confirm_token_hash.clear();  // one confirmation per link
    if (auto saved = w.save_verification(v); !saved) return saved;
    return w.append_audit({0, now, std::nullopt, "public", "verify:confirm",
                           practice_entity(v.practice_id), "reminder link"});
  });
  if (!written) return site.error(visit, written.error());
  return confirm_page(site, visit, practice, params.at("token"), true);
}

}  // namespace

void add_verification_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, kDeskPath, page(desk_list));
  routes.add(M::post, "/redakcja/weryfikacja/{id}", form_route(site, Action::verify, mark));
  routes.add(M::get, "/potwierdz/{token}", page(show));
  routes.add(M::post, "/potwierdz/{token}", page(confirm));
}

}  // namespace bdp::web
