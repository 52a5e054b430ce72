// The public submission of a practice: /zglos-praktyke (task list), /zglos-praktyke/<krok> (a
// step, saved as a draft at every POST), /zglos-praktyke/sprawdz (check your answers),
// /zglos-praktyke/wyslij (send), and the private link /zgloszenie/<token> where the submitter
// follows the review and corrects the submission when changes are requested.
// The draft lives in the store under the hash of a random token kept in a cookie; the private
// link's token is stored hashed only. A spam guard needs no third party: a honeypot field, a
// least time from the first saved step to sending, a count of submissions per address.
#include <algorithm>

#include "auth/token.h"
#include "http/cookie.h"
#include "web/desk.h"
#include "web/form_unit.h"
#include "web/notifications.h"
#include "web/route_families.h"
#include "web/visitor_counter.h"

namespace bdp::web {
namespace {

constexpr const char* kDraftCookie = "bdp_draft";
constexpr const char* kFormPath = "/zglos-praktyke";
constexpr const char* kCheckPath = "/zglos-praktyke/sprawdz";
constexpr std::int64_t kDraftSeconds = std::int64_t{30} * 86400;

struct Draft {
  std::string cookie;  // the token in the cookie ("" when there is none yet)
  std::string hash;
  SubmissionForm form;
  std::int64_t created_at = 0;
};

// The visitor's draft; an empty one when the cookie is missing, forged or forgotten.
Result<Draft> load_draft(Site& site, const http::Request& request) {
  Draft draft;
  const auto cookie = request.cookie(kDraftCookie);
  const auto hash = cookie ? auth::session_token_hash(*cookie) : std::nullopt;
  if (!hash) return draft;
  auto stored = site.store.draft(*hash);
  if (!stored) {
    if (stored.error().kind == ErrorKind::not_found) return draft;
    return std::unexpected(stored.error());
  }
  auto form = SubmissionForm::from_json(stored->form);
  if (!form) return std::unexpected(form.error());
  return Draft{*cookie, *hash, std::move(*form), stored->created_at};
}

std::string csrf_of(const Draft& draft) {
  return draft.cookie.empty() ? "" : auth::session_csrf_token(draft.cookie).value_or("");
}

void set_draft_cookie(Site& site, http::Response& r, const std::string& value,
                      std::int64_t max_age) {
  // Path "/": the form is at /zglos-praktyke and at /en/zglos-praktyke, one draft for both.
  if (auto header = http::set_cookie_header(
          {kDraftCookie, value, "/", max_age, true, site.config.https(), http::SameSite::lax})) {
    r.headers.emplace_back("set-cookie", std::move(*header));
  }
  // Until the drafts begun with Path=/zglos-praktyke (before /en/ addresses) have expired (30
  // days): such a cookie would be sent before this one on the form's pages.
  if (auto old = http::set_cookie_header(
          {kDraftCookie, "", kFormPath, 0, true, site.config.https(), http::SameSite::lax})) {
    r.headers.emplace_back("set-cookie", std::move(*old));
  }
}

// A page of the form: personal (never cached), never compressed (it reflects what was typed
// beside the draft's token: BREACH).
http::Response form_page(Site& site, const Visit& visit, int status, const std::string& html) {
  return desk_page(site, visit, status, html);
}

// The posted fields, once the honeypot is empty and the token matches the draft's.
Result<http::FormFields> posted_fields(Site& site, const Visit& visit, const Draft& draft) {
  auto fields = http::parse_form(visit.request, site.config.limits.submission_form_bytes);
  if (!fields) return std::unexpected(fields.error());
  if (!http::form_field(*fields, "strona_domowa").value_or("").empty()) {
    return fail(ErrorKind::invalid_input, "the submission form's honeypot field was filled");
  }
  if (!draft.cookie.empty() &&
      !auth::tokens_equal(csrf_of(draft), http::form_field(*fields, "csrf").value_or(""))) {
    return fail(ErrorKind::forbidden, "a submission form without its draft's token");
  }
  return fields;
}

http::Response tasks(Site& site, const Visit& visit) {
  auto draft = load_draft(site, visit.request);
  if (!draft) return site.error(visit, draft.error());
  const auto tree = site.sections();
  SubmissionPage page{&draft->form, csrf_of(*draft), {}, draft->form.practice_id != 0};
  return form_page(site, visit, 200,
                   site.views.submission_tasks(site.view_context(visit, *tree), page));
}

http::Response show_step(Site& site, const Visit& visit, const Params& params) {
  const StepSpec* step = find_step(params.at("krok"));
  if (!step) return site.error(visit, Error{ErrorKind::not_found, "no such step"});
  auto draft = load_draft(site, visit.request);
  if (!draft) return site.error(visit, draft.error());
  const auto tree = site.sections();
  SubmissionPage page{&draft->form, csrf_of(*draft), {}, draft->form.practice_id != 0};
  return form_page(site, visit, 200,
                   site.views.submission_step(site.view_context(visit, *tree), *step, page));
}

http::Response save_step(Site& site, const Visit& visit, const Params& params) {
  const StepSpec* step = find_step(params.at("krok"));
  if (!step) return site.error(visit, Error{ErrorKind::not_found, "no such step"});
  auto draft = load_draft(site, visit.request);
  if (!draft) return site.error(visit, draft.error());
  auto fields = posted_fields(site, visit, *draft);
  if (!fields) return site.error(visit, fields.error());
  const auto tree = site.sections();
  draft->form.take(*step, *fields);
  const auto errors = check_step(*step, draft->form, *tree);
  if (errors.empty()) {
    draft->form.completed.insert(step->slug);
  } else {
    draft->form.completed.erase(step->slug);
  }
  // What was typed is saved even when refused: nothing is lost.
  const auto now = unix_now();
  bool fresh = false;
  if (draft->cookie.empty()) {
    const auto token = auth::new_session_token();
    draft->cookie = token.cookie_value;
    draft->hash = token.hash;
    draft->created_at = now;
    fresh = true;
  }
  if (auto saved =
          site.store.save_draft({draft->hash, draft->form.to_json(), draft->created_at, now});
      !saved) {
    return site.error(visit, saved.error());
  }
  http::Response r;
  if (!errors.empty()) {
    SubmissionPage page{&draft->form, csrf_of(*draft), errors, draft->form.practice_id != 0};
    r = form_page(site, visit, 400,
                  site.views.submission_step(site.view_context(visit, *tree), *step, page));
  } else {
    const auto& steps = submission_steps();
    const auto next = std::ranges::find_if(
        steps, [&](const StepSpec& s) { return !draft->form.completed.contains(s.slug); });
    r = see_other(next == steps.end() ? kCheckPath : std::string(kFormPath) + "/" + next->slug);
  }
  if (fresh) set_draft_cookie(site, r, draft->cookie, kDraftSeconds);
  return r;
}

// Every step's refused fields, each linked to its step; empty when the form is complete.
std::vector<FieldError> all_errors(const SubmissionForm& form, const SectionTree& tree) {
  std::vector<FieldError> out;
  for (const auto& step : submission_steps()) {
    for (auto& e : check_step(step, form, tree)) {
      out.push_back({step.slug + "#" + e.field, std::move(e.message_key)});
    }
  }
  return out;
}

// Links of the check page's summary point into each step ("jednostka#kod").
std::vector<FieldError> linked_to_steps(std::vector<FieldError> errors) {
  for (auto& e : errors) e.field = std::string(kFormPath) + "/" + e.field;
  return errors;
}

http::Response check_page(Site& site, const Visit& visit, const Draft& draft, int status,
                          std::vector<FieldError> errors) {
  const auto tree = site.sections();
  SubmissionPage page{&draft.form, csrf_of(draft), std::move(errors), draft.form.practice_id != 0};
  return form_page(site, visit, status,
                   site.views.submission_check(site.view_context(visit, *tree), page));
}

http::Response check(Site& site, const Visit& visit) {
  auto draft = load_draft(site, visit.request);
  if (!draft) return site.error(visit, draft.error());
  if (draft->cookie.empty()) return see_other(kFormPath);
  const auto tree = site.sections();
  return check_page(site, visit, *draft, 200, linked_to_steps(all_errors(draft->form, *tree)));
}

// Stores what the complete `draft` describes in one transaction: the unit (found by its slug or
// added), the practice (new, or the sent one corrected), the submission, the audit entry; the
// draft goes. Returns the private link's cookie-side token ("" when correcting: it stays).
Result<std::string> store_submission(Site& site, const Draft& draft, std::int64_t now) {
  auto record = submitted_record(draft.form, VisitorCounter::local_date_today());
  const std::string consent = std::string(i18n::tr(i18n::Lang::pl, "submit.consent_text"));
  const auto token = auth::new_session_token();
  const bool correcting = draft.form.practice_id != 0;
  auto written = site.store.write([&](Writer& w) -> Status {
    if (correcting) {
      auto sent = w.practice(draft.form.practice_id);
      if (!sent) return std::unexpected(sent.error());
      if (sent->status != PracticeStatus::changes_requested) {
        return fail(ErrorKind::conflict, "the practice no longer awaits changes");
      }
      record.practice.id = sent->id;
      record.practice.unit_id = sent->unit_id;
      record.practice.slug = sent->slug;
      record.practice.entered_on = sent->entered_on;
    } else {
      auto unit = form_unit_id(site.store, w, record.unit);
      if (!unit) return std::unexpected(unit.error());
      record.practice.unit_id = *unit;
    }
    auto id = w.save_practice(
        record.practice,
        RevisionNote{now, std::nullopt, "public", correcting ? "resubmit" : "submission"});
    if (!id) return std::unexpected(id.error());
    if (auto s = w.save_workflow({*id, std::nullopt, "", now}); !s) return s;
    if (!correcting) {
      if (auto s = w.add_submission({token.hash, *id, record.email, consent, now, now}); !s) {
        return s;
      }
      if (auto s = queue_notice(
              w, site.config, Notice::submission_received, record.email, record.practice.title,
              site.config.base_url + "/zgloszenie/" + token.cookie_value, "", now);
          !s) {
        return s;
      }
    }
    if (auto s = w.delete_draft(draft.hash); !s) return s;
    return w.append_audit({0, now, std::nullopt, "public",
                           correcting ? "transition:resubmit" : "submission",
                           "practice:" + std::to_string(*id), ""});
  });
  if (!written) return std::unexpected(written.error());
  return correcting ? std::string() : token.cookie_value;
}

http::Response send(Site& site, const Visit& visit, LoginThrottle& per_address) {
  auto draft = load_draft(site, visit.request);
  if (!draft) return site.error(visit, draft.error());
  if (draft->cookie.empty()) return see_other(kFormPath);
  auto fields = posted_fields(site, visit, *draft);
  if (!fields) return site.error(visit, fields.error());
  const auto tree = site.sections();
  if (auto errors = all_errors(draft->form, *tree); !errors.empty()) {
    return check_page(site, visit, *draft, 400, linked_to_steps(std::move(errors)));
  }
  const auto now = unix_now();
  if (now - draft->created_at < site.config.limits.submission_min_seconds) {
    return check_page(site, visit, *draft, 400, {{kCheckPath, "submit.error.too_fast"}});
  }
  const std::string& address = visit.request.remote_address;
  if (const auto wait = per_address.retry_after(address, now); wait > 0) {
    auto r = check_page(site, visit, *draft, 429, {{kCheckPath, "submit.too_many"}});
    r.set_header("retry-after", std::to_string(wait));
    return r;
  }
  auto token = store_submission(site, *draft, now);
  if (!token) return site.error(visit, token.error());
  per_address.record_failure(address, now);
  const std::string link = token->empty() ? "" : site.config.base_url + "/zgloszenie/" + *token;
  auto r =
      form_page(site, visit, 200,
                site.views.submission_sent(site.view_context(visit, *tree), link, token->empty()));
  set_draft_cookie(site, r, "", 0);
  return r;
}

// The submission of a private link's token; not_found for an unknown or malformed one.
Result<Submission> submission_of(Site& site, const Params& params) {
  const auto hash = auth::session_token_hash(params.at("token"));
  if (!hash) return fail(ErrorKind::not_found, "a malformed submission link");
  return site.store.submission(*hash);
}

// The link's token is the key to the submission: its pages are never indexed, cached or sent
// on as a referrer.
http::Response private_page(http::Response r) {
  r.set_header("referrer-policy", "no-referrer");
  r.set_header("x-robots-tag", "noindex");
  return r;
}

http::Response status(Site& site, const Visit& visit, const Params& params) {
  auto submission = submission_of(site, params);
  if (!submission) return site.error(visit, submission.error());
  auto practice = site.store.practice(submission->practice_id);
  if (!practice) return site.error(visit, practice.error());
  auto comments = site.store.comments(practice->id, true);
  if (!comments) return site.error(visit, comments.error());
  SubmissionStatusPage page{
      practice->title, practice->status, practice->entered_on, std::move(*comments), "", ""};
  if (practice->status == PracticeStatus::changes_requested) {
    page.edit_action = "/zgloszenie/" + params.at("token") + "/popraw";
  }
  if (has_public_page(practice->status)) page.public_href = practice_path(*practice);
  const auto tree = site.sections();
  return private_page(form_page(
      site, visit, 200, site.views.submission_status(site.view_context(visit, *tree), page)));
}

// Starts correcting a sent practice: its record becomes a draft of the visitor, who goes
// through the steps and "check your answers" again.
http::Response start_edit(Site& site, const Visit& visit, const Params& params) {
  auto submission = submission_of(site, params);
  if (!submission) return site.error(visit, submission.error());
  auto practice = site.store.practice(submission->practice_id);
  if (!practice) return site.error(visit, practice.error());
  if (practice->status != PracticeStatus::changes_requested) {
    return site.error(visit, Error{ErrorKind::conflict, "the practice does not await changes"});
  }
  auto unit = site.store.unit(practice->unit_id);
  if (!unit) return site.error(visit, unit.error());
  const auto form = form_of(*practice, *unit, submission->token_hash);
  const auto token = auth::new_session_token();
  const auto now = unix_now();
  if (auto saved = site.store.save_draft({token.hash, form.to_json(), now, now}); !saved) {
    return site.error(visit, saved.error());
  }
  auto r = private_page(see_other(kFormPath));
  set_draft_cookie(site, r, token.cookie_value, kDraftSeconds);
  return r;
}

}  // namespace

void add_submission_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  // Sent submissions per client address on this node (in memory, as the API's count).
  auto per_address =
      std::make_shared<LoginThrottle>(site.config.limits.submissions_per_hour, 3600, 100000);
  routes.add(M::get, kFormPath,
             page([](Site& s, const Visit& v, const Params&) { return tasks(s, v); }));
  routes.add(M::get, kCheckPath,
             page([](Site& s, const Visit& v, const Params&) { return check(s, v); }));
  routes.add(M::post, "/zglos-praktyke/wyslij",
             page([per_address](Site& s, const Visit& v, const Params&) {
               return send(s, v, *per_address);
             }));
  routes.add(M::get, "/zglos-praktyke/{krok}", page(show_step));
  routes.add(M::post, "/zglos-praktyke/{krok}", page(save_step));
  routes.add(M::get, "/zgloszenie/{token}", page(status));
  routes.add(M::post, "/zgloszenie/{token}/popraw", page(start_edit));
}

}  // namespace bdp::web
