// The expert assessment's forms on the review page: scoring the criteria, and declaring a
// conflict of interest, which ends one's scoring of the practice, both while the practice is in
// review; and an editor's showing or hiding its summary on the practice's public page. Each is
// written with its audit entry in one transaction.
#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "web/review_forms.h"
#include "web/route_families.h"

namespace bdp::web {
namespace {

using workflow::Action;

// Why a write was refused, told to the reviewer on the review page.
enum class Refusal { none, not_in_review, conflicted };

// Saves `assessment` (the practice's id, the reviewer, the time filled in here) unless the
// practice has left review or the reviewer declared a conflict; then the review page.
http::Response save(Site& site, const Visit& visit, const ReviewForm& form, Assessment assessment,
                    const std::string& audit_action, const std::string& audit_detail) {
  const DeskVisit& desk = form.desk;
  assessment.practice_id = form.id;
  assessment.reviewer_id = desk.editor.id;
  assessment.at = unix_now();
  Refusal refusal = Refusal::none;
  auto written = site.store.write([&](Writer& w) -> Status {
    auto practice = w.practice(form.id);
    if (!practice) return std::unexpected(practice.error());
    if (practice->status != PracticeStatus::in_review) {
      refusal = Refusal::not_in_review;
      return fail(ErrorKind::conflict, "the practice is not in review");
    }
    auto earlier = w.assessments(form.id);
    if (!earlier) return std::unexpected(earlier.error());
    for (const auto& a : *earlier) {
      if (a.reviewer_id == desk.editor.id && a.conflict) {
        refusal = Refusal::conflicted;
        return fail(ErrorKind::conflict, "the reviewer declared a conflict of interest");
      }
    }
    if (auto s = w.save_assessment(assessment); !s) return s;
    return w.append_audit(
        audit_by(desk, assessment.at, audit_action, practice_entity(form.id), audit_detail));
  });
  if (refusal != Refusal::none) {
    return refused(site, visit, desk, form.id, 409,
                   refusal == Refusal::conflicted ? "assess.conflicted" : "assess.not_in_review");
  }
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id) + "#ocena");
}

http::Response score(Site& site, const Visit& visit, const ReviewForm& form) {
  AssessmentInput input = read_assessment_form(form.fields);
  if (!input.refused.empty()) {
    return refused(site, visit, form.desk, form.id, 400, "assess.incomplete", &input);
  }
  std::string detail = fmt::format("criteria v{}:", input.assessment.criteria_version);
  for (const auto& [key, value] : input.assessment.scores) {
    detail += fmt::format(" {}={}", key, value);
  }
  detail += fmt::format(" confidence={}", to_string(input.assessment.confidence));
  return save(site, visit, form, std::move(input.assessment), "assess", detail);
}

http::Response declare_conflict(Site& site, const Visit& visit, const ReviewForm& form) {
  Assessment conflict;
  conflict.criteria_version = current_criteria().version;
  conflict.conflict = true;
  conflict.justification = http::form_field(form.fields, "powod").value_or("");
  if (is_blank(conflict.justification)) {
    return refused(site, visit, form.desk, form.id, 400, "assess.conflict_reason_missing");
  }
  const std::string reason = conflict.justification;
  return save(site, visit, form, std::move(conflict), "assess:conflict", reason);
}

// pokaz=tak shows the summary on the public page (refused while nobody has scored), pokaz=nie
// hides it.
http::Response disclose(Site& site, const Visit& visit, const ReviewForm& form) {
  const std::string choice = http::form_field(form.fields, "pokaz").value_or("");
  if (choice != "tak" && choice != "nie") {
    return site.error(visit, Error{ErrorKind::invalid_input, "disclosure: pokaz = " + choice});
  }
  const bool shown = choice == "tak";
  const auto now = unix_now();
  bool nothing_scored = false;
  auto written = site.store.write([&](Writer& w) -> Status {
    auto all = w.assessments(form.id);
    if (!all) return std::unexpected(all.error());
    if (shown && std::ranges::all_of(*all, &Assessment::conflict)) {
      nothing_scored = true;
      return fail(ErrorKind::conflict, "nobody has scored the practice");
    }
    if (auto s = w.disclose_assessment(form.id, shown, now); !s) return s;
    return w.append_audit(audit_by(form.desk, now, shown ? "assess:disclose" : "assess:withhold",
                                   practice_entity(form.id), ""));
  });
  if (nothing_scored) {
    return refused(site, visit, form.desk, form.id, 409, "assess.nothing_to_disclose");
  }
  if (!written) return site.error(visit, written.error());
  return see_other(review_path(form.id) + "#ocena");
}

}  // namespace

void add_assessment_routes(Routes& routes, Site& site) {
  using M = http::Method;
  routes.add(M::post, "/redakcja/praktyki/{id}/ocena", form_route(site, Action::assess, score));
  routes.add(M::post, "/redakcja/praktyki/{id}/konflikt",
             form_route(site, Action::assess, declare_conflict));
  routes.add(M::post, "/redakcja/praktyki/{id}/ocena/publiczna",
             form_route(site, Action::disclose_assessment, disclose));
}

}  // namespace bdp::web
