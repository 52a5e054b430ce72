// The review of practices in the back office: the queues per status, a practice under review,
// and its forms — a transition (workflow/transitions.h), the assignment, a comment. Each write
// and its audit entry are one transaction; every route checks the permission table.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "core/text.h"
#include "store/validate.h"
#include "web/notifications.h"
#include "web/review_forms.h"
#include "web/route_families.h"
#include "workflow/assessment_summary.h"
#include "workflow/pending_merge.h"

namespace bdp::web {

using workflow::Action;

std::string practice_entity(std::int64_t practice_id) {
  return fmt::format("practice:{}", practice_id);
}
std::string review_path(std::int64_t practice_id) {
  return fmt::format("/redakcja/praktyki/{}", practice_id);
}

Result<std::int64_t> practice_id_of(const Params& params) {
  const auto& text = params.at("id");
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return fail(ErrorKind::not_found, "no practice " + text);
  }
  return id;
}

namespace {

constexpr std::array kQueueStates = {PracticeStatus::submitted, PracticeStatus::in_review,
                                     PracticeStatus::changes_requested, PracticeStatus::archived};

http::Response queue(Site& site, const Visit& visit) {
  auto admission = admit(site, visit, Action::view_queue);
  if (!admission.desk) return admission.refusal;
  QueuePage page;
  const std::string wanted = visit.request.param("stan");
  const auto status =
      wanted.empty() ? PracticeStatus::submitted : practice_status_from_string(wanted);
  if (!status || std::ranges::find(kQueueStates, *status) == kQueueStates.end()) {
    return site.error(visit, Error{ErrorKind::not_found, "no queue " + wanted});
  }
  page.status = *status;
  page.now = unix_now();
  for (auto state : kQueueStates) {
    auto items = site.store.review_queue(state);
    if (!items) return site.error(visit, items.error());
    page.counts.emplace_back(state, items->size());
    if (state == page.status) page.items = std::move(*items);
  }
  const auto tree = site.sections();
  return desk_page(site, visit, 200,
                   site.views.review_queue(site.view_context(visit, *tree),
                                           desk_menu(*admission.desk, visit.lang), page));
}

// The assessment panel of `desk`'s review page of `practice` (views.h: AssessmentPanel).
Result<AssessmentPanel> assessment_panel(Site& site, const DeskVisit& desk,
                                         const Practice& practice, const AssessmentInput* typed) {
  auto all = site.store.assessments(practice.id);
  if (!all) return std::unexpected(all.error());
  AssessmentPanel panel;
  const Role role = desk.editor.role;
  const auto own = std::ranges::find(*all, desk.editor.id, &Assessment::reviewer_id);
  if (own != all->end()) panel.own = *own;
  panel.conflict = panel.own && panel.own->conflict;
  panel.can_assess = workflow::allowed(role, Action::assess) &&
                     practice.status == PracticeStatus::in_review && !panel.conflict;
  if (typed) {
    panel.form = typed->assessment;
    panel.refused = typed->refused;
  } else if (panel.own && !panel.conflict) {
    panel.form = *panel.own;
  }
  panel.sees_others = workflow::may_see_others(role, desk.editor.id, *all);
  if (panel.sees_others) {
    panel.summary = workflow::summarise(current_criteria(), *all);
    panel.all = std::move(*all);
  }
  panel.can_disclose = workflow::allowed(role, Action::disclose_assessment);
  if (panel.can_disclose) {
    auto disclosed = site.store.assessment_disclosed(practice.id);
    if (!disclosed) return std::unexpected(disclosed.error());
    panel.disclosed = *disclosed;
  }
  return panel;
}

// The pending revision of the page's practice, with what publishing it would keep of the fixes
// of the published text since its base; nothing when it has none.
Status pending_review(Site& site, ReviewPage& page) {
  if (page.practice.status != PracticeStatus::published) return {};
  const auto id = page.practice.id;
  auto pending = site.store.pending_revision(id);
  if (!pending) {
    return pending.error().kind == ErrorKind::not_found ? Status{}
                                                        : std::unexpected(pending.error());
  }
  auto base = site.store.revision(id, pending->base);
  if (!base) return std::unexpected(base.error());
  auto proposed = site.store.revision(id, pending->number);
  if (!proposed) return std::unexpected(proposed.error());
  auto merged =
      workflow::merge_pending(base->fields, content_fields(page.practice), proposed->fields);
  page.pending = std::move(*pending);
  page.pending_fields = std::move(proposed->fields);
  page.pending_carried = std::move(merged.carried);
  page.pending_overridden = std::move(merged.overridden);
  return {};
}

}  // namespace

http::Response review_page(Site& site, const Visit& visit, const DeskVisit& desk, std::int64_t id,
                           int status, const std::string& error, const AssessmentInput* typed) {
  ReviewPage page;
  auto practice = site.store.practice(id);
  if (!practice) return site.error(visit, practice.error());
  page.practice = std::move(*practice);
  auto unit = site.store.unit(page.practice.unit_id);
  if (!unit) return site.error(visit, unit.error());
  page.unit = std::move(*unit);
  if (auto workflow = site.store.workflow(id)) {
    page.workflow = *workflow;
  } else if (workflow.error().kind != ErrorKind::not_found) {
    return site.error(visit, workflow.error());
  }
  auto comments = site.store.comments(id, false);
  if (!comments) return site.error(visit, comments.error());
  page.comments = std::move(*comments);
  const Role role = desk.editor.role;
  page.transitions = workflow::transitions_for(role, page.practice.status);
  if (workflow::allowed(role, Action::assign) || page.workflow) {
    auto editors = site.store.editors();
    if (!editors) return site.error(visit, editors.error());
    for (auto& e : *editors) {
      if (page.workflow && page.workflow->assignee_id == e.id) page.assignee_name = e.display_name;
      if (workflow::allowed(role, Action::assign) && !e.disabled &&
          workflow::allowed(e.role, Action::view_queue)) {
        page.assignable.push_back(std::move(e));
      }
    }
  }
  page.can_comment = workflow::allowed(role, Action::comment);
  auto panel = assessment_panel(site, desk, page.practice, typed);
  if (!panel) return site.error(visit, panel.error());
  page.assessment = std::move(*panel);
  page.can_edit = workflow::allowed(role, Action::edit_content) &&
                  page.practice.status != PracticeStatus::archived;
  if (auto pending = pending_review(site, page); !pending)
    return site.error(visit, pending.error());
  page.can_publish_pending = page.pending && workflow::allowed(role, Action::publish);
  page.error = error;
  page.now = unix_now();
  const auto tree = site.sections();
  return desk_page(site, visit, status,
                   site.views.review_practice(site.view_context(visit, *tree),
                                              desk_menu(desk, visit.lang), page));
}

namespace {

http::Response show(Site& site, const Visit& visit, const Params& params) {
  auto admission = admit(site, visit, Action::view_queue);
  if (!admission.desk) return admission.refusal;
  auto id = practice_id_of(params);
  if (!id) return site.error(visit, id.error());
  return review_page(site, visit, *admission.desk, *id, 200, "");
}

}  // namespace

http::Response refused(Site& site, const Visit& visit, const DeskVisit& desk, std::int64_t id,
                       int status, const char* message_key, const AssessmentInput* typed) {
  return review_page(site, visit, desk, id, status, std::string(i18n::tr(visit.lang, message_key)),
                     typed);
}

Route form_route(Site& site, Action action, FormHandler handler) {
  return Route{RouteKind::page, [&site, action, handler](const Visit& visit, const Params& params) {
                 auto admission = admit(site, visit, action);
                 if (!admission.desk) return admission.refusal;
                 auto id = practice_id_of(params);
                 if (!id) return site.error(visit, id.error());
                 auto fields = desk_form(site, visit, *admission.desk);
                 if (!fields) return site.error(visit, fields.error());
                 return handler(site, visit,
                                ReviewForm{std::move(*admission.desk), *id, std::move(*fields)});
               }};
}

namespace {

// Tells the submitter of `practice` (when it came through the form) that it now is `status`.
Status notify_submitter(Writer& w, Site& site, const Practice& practice, PracticeStatus status,
                        const std::string& reason, std::int64_t now) {
  const bool asked = status == PracticeStatus::changes_requested;
  if (!asked && status != PracticeStatus::published) return {};
  auto submission = w.submission_for(practice.id);
  if (!submission) {
    return submission.error().kind == ErrorKind::not_found ? Status{}
                                                           : std::unexpected(submission.error());
  }
  return queue_notice(w, site.config, asked ? Notice::changes_requested : Notice::published,
                      submission->email, practice.title,
                      asked ? "" : site.config.base_url + practice_path(practice), reason, now);
}

http::Response move(Site& site, const Visit& visit, const ReviewForm& form) {
  const DeskVisit& desk = form.desk;
  const auto action =
      workflow::action_from_string(http::form_field(form.fields, "akcja").value_or(""));
  if (!action) return site.error(visit, Error{ErrorKind::invalid_input, "no such action"});
  if (!workflow::allowed(desk.editor.role, *action)) {
    return site.error(visit, Error{ErrorKind::forbidden, "the role may not do this transition"});
  }
  const std::string reason = http::form_field(form.fields, "powod").value_or("");
  const auto now = unix_now();
  bool stale = false;
  bool missing_reason = false;
  auto written = site.store.write([&](Writer& w) -> Status {
    auto practice = w.practice(form.id);
    if (!practice) return std::unexpected(practice.error());
    const auto step = workflow::transition(practice->status, *action);
    if (!step) {
      stale = true;
      return fail(ErrorKind::conflict, "the practice is no longer in a state this action leaves");
    }
    if (step->reason_required && is_blank(reason)) {
      missing_reason = true;
      return fail(ErrorKind::invalid_input, "a reason is required");
    }
    practice->status = step->to;
    if (auto saved = w.save_practice(*practice, noted_by(desk, now, reason)); !saved) {
      return std::unexpected(saved.error());
    }
    PracticeWorkflow workflow{form.id, std::nullopt, "", now};
    if (auto wf = w.workflow(form.id)) {
      workflow.assignee_id = wf->assignee_id;
      workflow.due_on = wf->due_on;
    }
    if (auto s = w.save_workflow(workflow); !s) return s;
    if (step->reason_required) {
      auto comment =
          w.add_comment({0, form.id, desk.editor.id, desk.editor.display_name, true, reason, now});
      if (!comment) return std::unexpected(comment.error());
    }
    if (auto s = notify_submitter(w, site, *practice, step->to, reason, now); !s) return s;
    return w.append_audit(audit_by(desk, now,
                                   std::string("transition:") + workflow::to_string(*action),
                                   practice_entity(form.id), reason));
  });
  if (stale) return refused(site, visit, desk, form.id, 409, "desk.transition_stale");
  if (missing_reason) return refused(site, visit, desk, form.id, 400, "desk.reason_required");
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id));
}

http::Response assign(Site& site, const Visit& visit, const ReviewForm& form) {
  const DeskVisit& desk = form.desk;
  // "Przypisz do mnie" is a second button of the same name: its value comes last.
  std::string person;
  for (auto [it, end] = form.fields.equal_range("osoba"); it != end; ++it) person = it->second;
  const std::string due = http::form_field(form.fields, "termin").value_or("");
  if (!due.empty() && !is_iso_date(due)) {
    return refused(site, visit, desk, form.id, 400, "desk.bad_due_date");
  }
  std::optional<std::int64_t> assignee;
  std::string assignee_email;  // told of the assignment unless they assigned themselves
  if (person == "ja") {
    assignee = desk.editor.id;
  } else if (!person.empty()) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(person.data(), person.data() + person.size(), value);
    if (ec != std::errc() || end != person.data() + person.size()) {
      return site.error(visit, Error{ErrorKind::invalid_input, "the assignee is not an id"});
    }
    auto chosen = site.store.editor(value);
    if (!chosen) return site.error(visit, chosen.error());
    if (chosen->disabled || !workflow::allowed(chosen->role, Action::view_queue)) {
      return site.error(visit, Error{ErrorKind::invalid_input, "the assignee cannot review"});
    }
    assignee = value;
    if (value != desk.editor.id) assignee_email = chosen->email;
  }
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    auto practice = w.practice(form.id);
    if (!practice) return std::unexpected(practice.error());
    PracticeWorkflow workflow{form.id, assignee, due, now};
    if (auto wf = w.workflow(form.id)) workflow.state_since = wf->state_since;
    if (auto s = w.save_workflow(workflow); !s) return s;
    if (!assignee_email.empty()) {
      if (auto s = queue_notice(w, site.config, Notice::assigned, assignee_email, practice->title,
                                site.config.base_url + review_path(form.id), "", now);
          !s) {
        return s;
      }
    }
    return w.append_audit(audit_by(
        desk, now, "assign", practice_entity(form.id),
        fmt::format("{} {}", assignee ? std::to_string(*assignee) : "-", due.empty() ? "-" : due)));
  });
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id));
}

http::Response comment(Site& site, const Visit& visit, const ReviewForm& form) {
  const DeskVisit& desk = form.desk;
  const std::string body = http::form_field(form.fields, "tresc").value_or("");
  if (is_blank(body)) {
    return refused(site, visit, desk, form.id, 400, "desk.empty_comment");
  }
  const bool to_submitter = http::form_field(form.fields, "dla").value_or("") == "zglaszajacy";
  const auto now = unix_now();
  auto written = site.store.write([&](Writer& w) -> Status {
    auto added = w.add_comment(
        {0, form.id, desk.editor.id, desk.editor.display_name, to_submitter, body, now});
    if (!added) return std::unexpected(added.error());
    return w.append_audit(audit_by(desk, now, "comment", practice_entity(form.id),
                                   to_submitter ? "to submitter" : "internal"));
  });
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id));
}

}  // namespace

void add_review_routes(Routes& routes, Site& site) {
  using M = http::Method;
  const auto page = [&site](auto handler) {
    return Route{RouteKind::page,
                 [&site, handler](const Visit& v, const Params& p) { return handler(site, v, p); }};
  };
  routes.add(M::get, "/redakcja/kolejka",
             page([](Site& s, const Visit& v, const Params&) { return queue(s, v); }));
  routes.add(M::get, "/redakcja/praktyki/{id}", page(show));
  // A transition checks its own action once the form names it.
  routes.add(M::post, "/redakcja/praktyki/{id}/przejscie",
             form_route(site, Action::view_queue, move));
  routes.add(M::post, "/redakcja/praktyki/{id}/przypisz", form_route(site, Action::assign, assign));
  routes.add(M::post, "/redakcja/praktyki/{id}/komentarz",
             form_route(site, Action::comment, comment));
}

}  // namespace bdp::web
