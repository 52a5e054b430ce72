#include "web/assessment_form.h"

#include <array>

#include "core/text.h"

namespace bdp::web {

std::string score_field(const Criterion& criterion) {
  return std::string("k_") + criterion.key;
}

AssessmentInput read_assessment_form(const http::FormFields& fields) {
  AssessmentInput in;
  const CriteriaSet& set = current_criteria();
  in.assessment.criteria_version = set.version;
  for (const auto& criterion : set.criteria) {
    const std::string text = http::form_field(fields, score_field(criterion)).value_or("");
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '0' + kMaxScore) {
      in.assessment.scores.emplace_back(criterion.key, text[0] - '0');
    } else {
      in.refused.emplace_back(criterion.key);
    }
  }
  in.assessment.justification = http::form_field(fields, kJustificationField).value_or("");
  if (is_blank(in.assessment.justification)) in.refused.emplace_back(kJustificationField);
  const std::string confidence = http::form_field(fields, kConfidenceField).value_or("");
  for (auto c : std::array{Confidence::low, Confidence::medium, Confidence::high}) {
    if (confidence == to_string(c)) in.assessment.confidence = c;
  }
  if (in.assessment.confidence == Confidence::none) in.refused.emplace_back(kConfidenceField);
  return in;
}

}  // namespace bdp::web
