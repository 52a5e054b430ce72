#include "web/views/assessment_data.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "web/assessment_form.h"
#include "web/views/local_time.h"

namespace bdp::web {
namespace {

bool refused(const AssessmentPanel& panel, const std::string& field) {
  return std::ranges::find(panel.refused, field) != panel.refused.end();
}

// "3,5" in Polish, "3.5" in English.
std::string decimal(i18n::Lang lang, double value) {
  std::string text = fmt::format("{:.1f}", value);
  if (lang == i18n::Lang::pl) std::ranges::replace(text, '.', ',');
  return text;
}

std::string confidence_label(i18n::Lang lang, Confidence c) {
  return std::string(i18n::tr(lang, std::string("assess.confidence.") + to_string(c)));
}

const char* criterion_name(const CriteriaSet* set, const std::string& key) {
  if (set == nullptr) return "";
  const auto found = std::ranges::find(set->criteria, key,
                                       [](const Criterion& c) { return std::string_view(c.key); });
  return found == set->criteria.end() ? "" : found->name;
}

List criteria_fields(const AssessmentPanel& panel) {
  List criteria;
  for (const auto& c : current_criteria().criteria) {
    Data item{Data::type::object};
    const auto typed = std::ranges::find(panel.form.scores, std::string(c.key),
                                         &std::pair<std::string, int>::first);
    item.set("key", std::string(c.key));
    item.set("field", score_field(c));
    item.set("name", std::string(c.name));
    item.set("question", std::string(c.question));
    item.set("missing", refused(panel, c.key));
    List levels;
    for (int score = 0; score <= kMaxScore; ++score) {
      Data level{Data::type::object};
      level.set("score", std::to_string(score));
      level.set("text", std::string(c.levels[static_cast<std::size_t>(score)]));
      level.set("checked", typed != panel.form.scores.end() && typed->second == score);
      levels.push_back(std::move(level));
    }
    item.set("levels", levels);
    criteria.push_back(std::move(item));
  }
  return criteria;
}

List assessment_rows(const ViewContext& ctx, const AssessmentPanel& panel) {
  List rows;
  for (const auto& a : panel.all) {
    Data row{Data::type::object};
    row.set("reviewer", a.reviewer_name);
    row.set("at", local_time(a.at));
    row.set("conflict", a.conflict);
    row.set("justification", a.justification);
    row.set("confidence", a.conflict ? "" : confidence_label(ctx.lang, a.confidence));
    row.set("version", std::to_string(a.criteria_version));
    const CriteriaSet* set = criteria_of(a.criteria_version);
    List scores;
    for (const auto& [key, score] : a.scores) {
      Data s{Data::type::object};
      s.set("name", std::string(criterion_name(set, key)));
      s.set("score", std::to_string(score));
      scores.push_back(std::move(s));
    }
    row.set("scores", scores);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

void add_assessment(Data& d, const ViewContext& ctx, const AssessmentPanel& panel) {
  d.set("assess_can", panel.can_assess);
  d.set("assess_conflict", panel.conflict);
  d.set("assess_conflict_reason", panel.conflict ? panel.own->justification : "");
  d.set("assess_version", std::to_string(current_criteria().version));
  d.set("assess_criteria", criteria_fields(panel));
  d.set("assess_justification", panel.form.justification);
  d.set("assess_justification_missing", refused(panel, kJustificationField));
  d.set("assess_confidence_missing", refused(panel, kConfidenceField));
  List confidences;
  for (auto c : std::array{Confidence::low, Confidence::medium, Confidence::high}) {
    Data item{Data::type::object};
    item.set("value", std::string(to_string(c)));
    item.set("label", confidence_label(ctx.lang, c));
    item.set("checked", panel.form.confidence == c);
    confidences.push_back(std::move(item));
  }
  d.set("assess_confidences", confidences);
  List errors;
  for (const auto& field : panel.refused) {
    Data link{Data::type::object};
    const char* name = criterion_name(&current_criteria(), field);
    const bool criterion = *name != '\0';
    link.set("href", "#" + (criterion ? "k-" + field : field));
    link.set("text", criterion ? std::string(name)
                               : std::string(i18n::tr(ctx.lang, field == kJustificationField
                                                                    ? "assess.justification"
                                                                    : "assess.confidence")));
    errors.push_back(std::move(link));
  }
  d.set("assess_has_errors", !errors.empty());
  d.set("assess_errors", errors);
  d.set("assess_sees_others", panel.sees_others);
  d.set("assess_blind", !panel.sees_others && !panel.conflict);
  List summary;
  for (const auto& line : panel.summary) {
    Data row{Data::type::object};
    row.set("name", line.name);
    row.set("count", std::to_string(line.count));
    row.set("mean", line.count ? decimal(ctx.lang, line.mean) : "—");
    row.set("median", line.count ? decimal(ctx.lang, line.median) : "—");
    row.set("spread", line.count ? std::to_string(line.spread) : "—");
    row.set("disagreement", line.disagreement);
    summary.push_back(std::move(row));
  }
  d.set("assess_summary", summary);
  d.set("assess_rows", assessment_rows(ctx, panel));
  d.set("assess_any", !panel.all.empty());
  d.set("assess_disclosed", panel.disclosed);
  d.set("assess_can_disclose", panel.can_disclose);
}

void add_public_assessment(Data& d, i18n::Lang lang,
                           const std::vector<workflow::CriterionSummary>& lines) {
  List rows;
  int experts = 0;
  for (const auto& line : lines) {
    Data row{Data::type::object};
    row.set("name", line.name);
    row.set("mean", decimal(lang, line.mean));
    rows.push_back(std::move(row));
    experts = std::max(experts, line.count);
  }
  d.set("has_public_assessment", !rows.empty());
  d.set("public_assessment", rows);
  d.set("public_assessment_experts", std::to_string(experts));
}

}  // namespace bdp::web
