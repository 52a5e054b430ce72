// "Zastosowaliśmy to u nas": the public form of a practice, /praktyki/<id>/zastosowalismy (GET
// shows it, POST sends it: the unit found by its slug or added, a pending adoption and its
// audit entry in one transaction, then a redirect to the thanks), and the editors' list
// /redakcja/zastosowania with its publish, reject and withdraw buttons (each its own audited
// action). A spam guard needs no
// third party: a honeypot field and a count of sent forms per address; nothing is public
// before an editor publishes it.
#include <fmt/format.h>

#include "core/slug.h"
#include "web/adoption_form.h"
#include "web/adoption_links.h"
#include "web/cache_tags.h"
#include "web/desk.h"
#include "web/form_unit.h"
#include "web/login_throttle.h"
#include "web/page_cache.h"
#include "web/route_families.h"
#include "web/visitor_counter.h"

namespace bdp::web {
namespace {

using workflow::Action;

// The practice of the address's {ref}; not_found unless it is published.
Result<Practice> adoptable(Site& site, const Params& params) {
  const auto id = id_of_reference(params.at("ref"));
  if (!id) return fail(ErrorKind::not_found, "not a practice reference: " + params.at("ref"));
  auto practice = site.store.practice(*id);
  if (!practice) return practice;
  if (practice->status != PracticeStatus::published) {
    return fail(ErrorKind::not_found, fmt::format("practice {} is not published", *id));
  }
  return practice;
}

std::string form_html(Site& site, const Visit& visit, const AdoptionFormPage& page) {
  const auto tree = site.sections();
  return site.views.adoption_form(site.view_context(visit, *tree), page);
}

// The empty form, or the thanks after sending: the same for everyone (nothing personal, no
// token), so cached with the practice's pages, keyed by its id; another slug redirects to the
// permalink's form.
http::Response show(Site& site, const Visit& visit, const Params& params) {
  const auto id = id_of_reference(params.at("ref"));
  if (!id) {
    return site.error(visit, Error{ErrorKind::not_found, "not a practice reference"});
  }
  const bool sent = visit.request.param("wyslano") == "1";
  auto entry = site.cached(visit, fmt::format("/praktyki/{}/zastosowalismy|{}", *id, sent),
                           [&]() -> Result<Rendered> {
                             auto practice = adoptable(site, params);
                             if (!practice) return std::unexpected(practice.error());
                             const SubmissionForm empty;
                             return Rendered{200,
                                             form_html(site, visit, {&*practice, &empty, {}, sent}),
                                             fmt::format("{}-{}", practice->id, practice->slug),
                                             {practice_tag(practice->id)}};
                           });
  if (!entry) return site.error(visit, entry.error());
  const auto& canonical = PageCache::canonical(**entry);
  if (canonical == params.at("ref")) return site.respond(visit, **entry);
  return http::redirect(301,
                        "/praktyki/" + canonical + "/zastosowalismy" + (sent ? "?wyslano=1" : ""));
}

int this_year() {
  const std::string today = VisitorCounter::local_date_today();
  return std::stoi(today.substr(0, 4));
}

// The refused fields of `form`, with those only the store can tell: an own practice that is
// not a published one, the practice itself, or another unit's.
Result<std::vector<FieldError>> refused_fields(Site& site, const SubmissionForm& form,
                                               const AdoptionRecord& record) {
  auto errors = check_adoption(form, this_year());
  const std::int64_t own = record.adoption.adopting_practice_id;
  if (!errors.empty() || own == 0) return errors;
  auto practice = site.store.practice(own);
  if (!practice && practice.error().kind != ErrorKind::not_found) {
    return std::unexpected(practice.error());
  }
  if (!practice || !has_public_page(practice->status) || own == record.adoption.practice_id) {
    errors.push_back({"nasza_praktyka", "adoption.error.own_unknown"});
    return errors;
  }
  // One's own practice is of the unit named in the form.
  auto unit = site.store.unit(practice->unit_id);
  if (!unit) return std::unexpected(unit.error());
  if (unit->slug != record.unit.slug) {
    errors.push_back({"nasza_praktyka", "adoption.error.own_other_unit"});
  }
  return errors;
}

Status store_adoption(Site& site, AdoptionRecord record, const std::string& title,
                      std::int64_t now) {
  return site.store.write([&](Writer& w) -> Status {
    auto unit = form_unit_id(site.store, w, record.unit);
    if (!unit) return std::unexpected(unit.error());
    record.adoption.unit_id = *unit;
    auto id = w.save_adoption(record.adoption);
    if (!id) return std::unexpected(id.error());
    return w.append_audit({0, now, std::nullopt, "public", "adoption:sent",
                           fmt::format("adoption:{}", *id),
                           fmt::format("{} ({})", record.unit.name, title)});
  });
}

http::Response send(Site& site, const Visit& visit, const Params& params,
                    LoginThrottle& per_address) {
  auto practice = adoptable(site, params);
  if (!practice) return site.error(visit, practice.error());
  auto fields = http::parse_form(visit.request, site.config.limits.submission_form_bytes);
  if (!fields) return site.error(visit, fields.error());
  if (!http::form_field(*fields, "strona_domowa").value_or("").empty()) {
    return site.error(visit,
                      Error{ErrorKind::invalid_input, "the adoption form's honeypot was filled"});
  }
  SubmissionForm form;
  form.take(adoption_step(), *fields);
  auto record = adoption_record(form, practice->id, VisitorCounter::local_date_today());
  auto errors = refused_fields(site, form, record);
  if (!errors) return site.error(visit, errors.error());
  if (!errors->empty()) {
    return site.page(visit, 400, form_html(site, visit, {&*practice, &form, *errors, false}));
  }
  const auto now = unix_now();
  const std::string& address = visit.request.remote_address;
  if (const auto wait = per_address.retry_after(address, now); wait > 0) {
    auto r =
        site.page(visit, 429,
                  form_html(site, visit, {&*practice, &form, {{"rok", "submit.too_many"}}, false}));
    r.set_header("retry-after", std::to_string(wait));
    return r;
  }
  if (auto stored = store_adoption(site, std::move(record), practice->title, now); !stored) {
    return site.error(visit, stored.error());
  }
  per_address.record_failure(address, now);
  return see_other(practice_path(*practice) + "/zastosowalismy?wyslano=1");
}

http::Response desk_list(Site& site, const Visit& visit) {
  auto admission = admit(site, visit, Action::review_adoptions);
  if (!admission.desk) return admission.refusal;
  AdoptionsDeskPage page;
  for (auto [status, list] : {std::pair{AdoptionStatus::pending, &page.pending},
                              std::pair{AdoptionStatus::published, &page.published}}) {
    auto adoptions = site.store.adoptions_in(status);
    if (!adoptions) return site.error(visit, adoptions.error());
    auto links = desk_adoptions(site.store, *adoptions);
    if (!links) return site.error(visit, links.error());
    *list = std::move(*links);
  }
  const auto tree = site.sections();
  return desk_page(site, visit, 200,
                   site.views.desk_adoptions(site.view_context(visit, *tree),
                                             desk_menu(*admission.desk, visit.lang), page));
}

// Gives the adoption of {id} `status`, with its audit entry `action`, in one transaction.
http::Response decide(Site& site, const Visit& visit, const Params& params, AdoptionStatus status,
                      const char* action) {
  auto admission = admit(site, visit, Action::review_adoptions);
  if (!admission.desk) return admission.refusal;
  const DeskVisit& desk = *admission.desk;
  auto fields = desk_form(site, visit, desk);
  if (!fields) return site.error(visit, fields.error());
  const auto id = id_of_reference(params.at("id"));
  if (!id) return site.error(visit, Error{ErrorKind::not_found, "no adoption " + params.at("id")});
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    auto adoption = w.adoption(*id);
    if (!adoption) return std::unexpected(adoption.error());
    adoption->status = status;
    if (auto saved = w.save_adoption(*adoption); !saved) return std::unexpected(saved.error());
    return w.append_audit(audit_by(desk, now, action, fmt::format("adoption:{}", *id),
                                   fmt::format("practice:{}", adoption->practice_id)));
  });
  if (!written) return site.error(visit, written.error());
  return see_other("/redakcja/zastosowania");
}

}  // namespace

void add_adoption_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  // Sent forms per client address on this node (in memory, as the submissions' count).
  auto per_address =
      std::make_shared<LoginThrottle>(site.config.limits.submissions_per_hour, 3600, 100000);
  routes.add(M::get, "/praktyki/{ref}/zastosowalismy", page(show));
  routes.add(M::post, "/praktyki/{ref}/zastosowalismy",
             page([per_address](Site& s, const Visit& v, const Params& p) {
               return send(s, v, p, *per_address);
             }));
  routes.add(M::get, "/redakcja/zastosowania",
             page([](Site& s, const Visit& v, const Params&) { return desk_list(s, v); }));
  routes.add(M::post, "/redakcja/zastosowania/{id}/opublikuj",
             page([](Site& s, const Visit& v, const Params& p) {
               return decide(s, v, p, AdoptionStatus::published, "adoption:publish");
             }));
  routes.add(M::post, "/redakcja/zastosowania/{id}/odrzuc",
             page([](Site& s, const Visit& v, const Params& p) {
               return decide(s, v, p, AdoptionStatus::rejected, "adoption:reject");
             }));
  routes.add(M::post, "/redakcja/zastosowania/{id}/wycofaj",
             page([](Site& s, const Visit& v, const Params& p) {
               return decide(s, v, p, AdoptionStatus::rejected, "adoption:withdraw");
             }));
}

}  // namespace bdp::web
